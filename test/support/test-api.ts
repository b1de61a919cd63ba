// The API under test: a fresh database, the real Yoga handler, requests through yoga.fetch
// (no port), and a record of every SQL statement Prisma sent.
import { SNAPSHOT_MARK } from '../../server/db/answer-snapshot.js';
import { ALL_SCOPES } from '../../server/auth/scopes.js';
import { createDeskqlYoga, type YogaOptions } from '../../server/yoga.js';
import { createTestDatabase } from './test-database.js';

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SET TRANSACTION)\b/i;

/** Whether a statement is the operation's own work, not its snapshot's opening or transaction control. */
export const isOperationStatement = (sql: string): boolean => !sql.includes(SNAPSHOT_MARK) && !TRANSACTION_CONTROL.test(sql);

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }>;
}

/** Callers without a key may do everything, and there is no rate limit. */
export const OPEN_ACCESS = { anonymousScopes: ALL_SCOPES, rateLimit: { burst: 1, refillPerSecond: 0 } } satisfies Partial<YogaOptions>;

/**
 * Unless a test says otherwise, callers without a key may do everything and there is no rate
 * limit: most tests are about other things. Security tests pass their own `yoga` options.
 */
export async function startTestApi(options: { migrate?: boolean; yoga?: Omit<YogaOptions, 'db'> } = {}) {
  const statements: string[] = [];
  const { db, drop } = await createTestDatabase({ migrate: options.migrate, onStatement: (sql) => statements.push(sql) });
  const yoga = createDeskqlYoga({ db, ...OPEN_ACCESS, ...options.yoga });

  async function graphql<T = any>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
    const response = await yoga.fetch('http://deskql.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
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

  /**
   * How many SQL statements `work` caused, besides what every computed answer's snapshot costs
   * whatever it asks (a constant per answer): its two opening statements (SNAPSHOT_MARK: its
   * work_mem and data version) and transaction control (BEGIN, SET TRANSACTION, COMMIT).
   */
  async function countStatements(work: () => Promise<unknown>): Promise<number> {
    const before = statements.length;
    await work();
    return statements.slice(before).filter(isOperationStatement).length;
  }

  return { db, yoga, graphql, data, countStatements, statements, close: drop };
}

export type TestApi = Awaited<ReturnType<typeof startTestApi>>;

export function globalId(typename: string, id: number): string {
  return Buffer.from(`${typename}:${id}`).toString('base64');
}
