// The API under test: a fresh database, the real Yoga handler, requests through yoga.fetch
// (no port), and a record of every SQL statement Prisma sent.
import { createDeskqlYoga } from '../../server/yoga.js';
import { createTestDatabase } from './test-database.js';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }>;
}

export async function startTestApi(options: { migrate?: boolean } = {}) {
  const statements: string[] = [];
  const { db, drop } = await createTestDatabase({ ...options, onStatement: (sql) => statements.push(sql) });
  const yoga = createDeskqlYoga({ db });

  async function graphql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const response = await yoga.fetch('http://deskql.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }

  /** Like graphql(), but fails the test on any error and returns the data. */
  async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await graphql<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  /** How many SQL statements `work` caused. */
  async function countStatements(work: () => Promise<unknown>): Promise<number> {
    const before = statements.length;
    await work();
    return statements.length - before;
  }

  return { db, yoga, graphql, data, countStatements, statements, close: drop };
}

export type TestApi = Awaited<ReturnType<typeof startTestApi>>;

export function globalId(typename: string, id: number): string {
  return Buffer.from(`${typename}:${id}`).toString('base64');
}
