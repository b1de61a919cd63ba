// The API that the security-scanner tests (test/security-scanner/) probe: production-like (no
// anonymous access, rate limit off), a seeded database, and one key per role. Each test file
// calls useScannerApi() once; vitest runs every file in its own module scope, so the state
// below belongs to that file alone.
import { afterAll, beforeAll, expect } from 'vitest';
import { createApiKey } from '../../server/auth/api-keys.js';
import { ALL_SCOPES, READ_SCOPES, type Scope } from '../../server/auth/scopes.js';
import { seedDatabase } from '../../server/seed/seed.js';
import type { YogaOptions } from '../../server/yoga.js';
import {
  bearer,
  errorCodes,
  type FetchHandler,
  getGraphQL,
  type HttpAnswer,
  postGraphQL,
  send as sendTo,
  startTestApi,
  type TestApi,
} from './test-api.js';

/** No anonymous access, rate limit off: the production configuration, minus the rate limit. */
export const PRODUCTION = { anonymousScopes: null, rateLimit: { burst: 1, refillPerSecond: 0 } } satisfies Omit<YogaOptions, 'db'>;
/** The embedded demo: callers without a key may read. */
export const DEMO = { anonymousScopes: READ_SCOPES, rateLimit: { burst: 1, refillPerSecond: 0 } } satisfies Omit<YogaOptions, 'db'>;

export const PERIOD = { from: '2026-04-01T00:00:00Z', to: '2026-06-01T00:00:00Z' };
export const PERIOD_LITERAL = 'period: { from: "2026-04-01T00:00:00Z", to: "2026-06-01T00:00:00Z" }';

export type Role = 'admin' | 'kpiReader' | 'recordReader' | 'writer';

export interface Scanner {
  api: TestApi;
  keys: Record<Role, { id: number; key: string }>;
  ticketsAtStart: number;
  /** The global id of a seeded agent. */
  agentId: string;
}

/** Filled by useScannerApi()'s beforeAll. */
export const scanner = {} as Scanner;

/** Starts the scanned API before the file's tests and closes it after them. */
export function useScannerApi(): void {
  beforeAll(async () => {
    scanner.api = await startTestApi({ yoga: PRODUCTION });
    await seedDatabase(scanner.api.db, {
      tickets: 300,
      seed: 11,
      until: new Date('2026-06-01T00:00:00Z'),
      days: 60,
      agents: 12,
      customers: 60,
    });
    const make = (name: string, scopes: Scope[]) => createApiKey(scanner.api.db.sql, { name, scopes });
    scanner.keys = {
      admin: await make('scanner-admin', ALL_SCOPES),
      kpiReader: await make('kpi-reader', ['kpis:read']),
      recordReader: await make('record-reader', ['records:read']),
      writer: await make('writer', ['records:write']),
    };
    scanner.ticketsAtStart = await count('ticket');
    const agents = await post('{ agents(first: 1) { edges { node { id } } } }', {}, as('admin'));
    scanner.agentId = agents.body.data.agents.edges[0].node.id;
  });
  afterAll(() => scanner.api.close());
}

/** Sends one request to `yoga` (the scanned API unless given). */
export function send(init: RequestInit & { url?: string }, yoga: FetchHandler = scanner.api.yoga): Promise<HttpAnswer> {
  return sendTo(yoga, init);
}

export function post(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  yoga: FetchHandler = scanner.api.yoga,
) {
  return postGraphQL(yoga, query, variables, headers);
}

export function get(query: string, headers: Record<string, string> = {}, yoga: FetchHandler = scanner.api.yoga) {
  return getGraphQL(yoga, query, headers);
}

/** The Authorization header of a role's key. */
export function as(who: Role): Record<string, string> {
  return bearer(scanner.keys[who].key);
}

export async function count(table: 'ticket' | 'team' | 'api_key'): Promise<number> {
  const [row] = await scanner.api.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return Number(row?.n);
}

export async function teamExists(externalId: string): Promise<boolean> {
  const rows = await scanner.api.db.sql.query('SELECT 1 FROM team WHERE external_id = $1', [externalId]);
  return rows.length > 0;
}

export function b64(text: string): string {
  return Buffer.from(text).toString('base64');
}

export const codes = errorCodes;

export function upsertTeam(externalId: string) {
  return `mutation { upsertTeam(input: { externalId: "${externalId}", name: "Scanner" }) { created } }`;
}

export function expectUnauthenticated(answer: HttpAnswer, message: RegExp) {
  expect(answer.status).toBe(401);
  expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
  expect(answer.body.data).toBeUndefined();
  expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
  expect(answer.body.errors?.[0]?.message).toMatch(message);
}
