// The API under test: a fresh database, the real Yoga handler, requests through yoga.fetch
// (no port), and a record of every SQL statement Prisma sent.
import { SNAPSHOT_MARK } from '../../server/db/answer-snapshot.js';
import { ALL_SCOPES } from '../../server/auth/scopes.js';
import { createDeskqlYoga, type DeskqlYoga, type YogaOptions } from '../../server/yoga.js';
import { createTestDatabase } from './test-database.js';

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SET TRANSACTION)\b/i;

/** Whether a statement is the operation's own work, not its snapshot's opening or transaction control. */
export const isOperationStatement = (sql: string): boolean => !sql.includes(SNAPSHOT_MARK) && !TRANSACTION_CONTROL.test(sql);

/**
 * What a test reads from an answer's data when it names no type: tests navigate answers they
 * then compare with expect(), and typing each answer's shape would restate the schema (the SDK
 * tests check typed documents). The one place the suite opts out of types.
 */
export type UntypedData = any;

export interface GraphQLError {
  message: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown> & { code?: string };
}

export interface GraphQLResponse<T = UntypedData, E extends object = Record<string, unknown>> {
  data?: T;
  errors?: GraphQLError[];
  extensions?: E;
}

/** One HTTP answer of the API under test. */
export interface HttpAnswer<T = UntypedData, E extends object = Record<string, unknown>> {
  status: number;
  headers: Headers;
  /** The body as sent, for messages and for checks on what it must not contain. */
  text: string;
  /** The body parsed as JSON; an empty object when it is not JSON (GraphiQL's page, a plain-text refusal). */
  body: GraphQLResponse<T, E>;
}

export const ENDPOINT = 'http://deskql.test/graphql';

/** Anything that answers fetch requests like the Yoga handler: the handler itself, or a wrapper. */
export type FetchHandler = Pick<DeskqlYoga, 'fetch'>;

/** Sends one request to `yoga` (ENDPOINT unless `url` says otherwise) and reads the whole answer. */
export async function send<T = UntypedData, E extends object = Record<string, unknown>>(
  yoga: FetchHandler,
  init: RequestInit & { url?: string } = {},
): Promise<HttpAnswer<T, E>> {
  const response = await yoga.fetch(init.url ?? ENDPOINT, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: parseBody<T, E>(text) };
}

function parseBody<T, E extends object>(text: string): GraphQLResponse<T, E> {
  try {
    return JSON.parse(text) as GraphQLResponse<T, E>;
  } catch {
    return {};
  }
}

/** POSTs a GraphQL operation as application/json, with `headers` (see bearer()). */
export function postGraphQL<T = UntypedData, E extends object = Record<string, unknown>>(
  yoga: FetchHandler,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<HttpAnswer<T, E>> {
  return send<T, E>(yoga, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
}

/** Sends a GraphQL query with GET, in the query string. */
export function getGraphQL<T = UntypedData>(
  yoga: FetchHandler,
  query: string,
  headers: Record<string, string> = {},
): Promise<HttpAnswer<T>> {
  return send<T>(yoga, { url: `${ENDPOINT}?query=${encodeURIComponent(query)}`, method: 'GET', headers });
}

/** The Authorization header of an API key; no header without one. */
export function bearer(apiKey?: string): Record<string, string> {
  return apiKey ? { authorization: `Bearer ${apiKey}` } : {};
}

/** The extensions.code of every error of an answer, in order. */
export function errorCodes(answer: { body: GraphQLResponse }): Array<string | undefined> {
  return answer.body.errors?.map((error) => error.extensions?.code) ?? [];
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

  async function graphql<T = UntypedData>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    return (await postGraphQL<T>(yoga, query, variables, { accept: 'application/json', ...headers })).body;
  }

  /** Like graphql(), but fails the test on any error and returns the data. */
  async function data<T = UntypedData>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await graphql<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  /**
   * How many SQL statements `work` caused, besides what every computed answer's snapshot costs
   * whatever it asks (a constant per answer): its opening statement (SNAPSHOT_MARK: its
   * settings and data version) and transaction control (BEGIN, SET TRANSACTION, COMMIT).
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
