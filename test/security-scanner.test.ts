// What GraphQL security scanners (graphql-cop and the like) probe, against the production-like
// API (no anonymous access, no rate limit) unless a test says otherwise: authentication,
// introspection, alias/directive/depth/token/cost overloading, circular fragments, batching,
// field suggestions, GET mutations and CSRF, debug leaks in errors, scopes, and SQL
// metacharacters and huge strings in every string and ID argument.
import {
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../server/auth/api-keys.js';
import { ALL_SCOPES, READ_SCOPES, type Scope } from '../server/auth/scopes.js';
import type { Database } from '../server/db/database.js';
import { schema } from '../server/graphql/schema.js';
import { seedDatabase } from '../server/seed/seed.js';
import { createDeskqlYoga, CSRF_HEADER, type DeskqlYoga, type YogaOptions } from '../server/yoga.js';
import { startTestApi, type TestApi } from './support/test-api.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/** No anonymous access, rate limit off: the production configuration, minus the rate limit. */
const PRODUCTION = { anonymousScopes: null, rateLimit: { burst: 1, refillPerSecond: 0 } } satisfies Omit<YogaOptions, 'db'>;
/** The embedded demo: callers without a key may read. */
const DEMO = { anonymousScopes: READ_SCOPES, rateLimit: { burst: 1, refillPerSecond: 0 } } satisfies Omit<YogaOptions, 'db'>;

const ENDPOINT = 'http://deskql.test/graphql';
const PERIOD = { from: '2026-04-01T00:00:00Z', to: '2026-06-01T00:00:00Z' };
const PERIOD_LITERAL = 'period: { from: "2026-04-01T00:00:00Z", to: "2026-06-01T00:00:00Z" }';

interface ErrorBody {
  message: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown> & { code?: string };
}
interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: any; errors?: ErrorBody[]; extensions?: Record<string, unknown> } | null;
}

let api: TestApi;
const keys = {} as Record<'admin' | 'kpiReader' | 'recordReader' | 'writer', { id: number; key: string }>;
let ticketsAtStart: number;
let agentId: string;

beforeAll(async () => {
  api = await startTestApi({ yoga: PRODUCTION });
  await seedDatabase(api.db, { tickets: 300, seed: 11, until: new Date('2026-06-01T00:00:00Z'), days: 60, agents: 12, customers: 60 });
  const make = (name: string, scopes: Scope[]) => createApiKey(api.db.sql, { name, scopes });
  keys.admin = await make('scanner-admin', ALL_SCOPES);
  keys.kpiReader = await make('kpi-reader', ['kpis:read']);
  keys.recordReader = await make('record-reader', ['records:read']);
  keys.writer = await make('writer', ['records:write']);
  ticketsAtStart = await count('ticket');
  const agents = await post('{ agents(first: 1) { edges { node { id } } } }', {}, as('admin'));
  agentId = agents.body?.data.agents.edges[0].node.id;
});
afterAll(() => api.close());

/** Sends one request to `yoga` (the production-like API unless given). */
async function send(init: RequestInit & { url?: string }, yoga: DeskqlYoga = api.yoga): Promise<Answer> {
  const response = await yoga.fetch(init.url ?? ENDPOINT, init);
  const text = await response.text();
  let body: Answer['body'] = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, text, body };
}

function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}, yoga?: DeskqlYoga) {
  return send({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) }, yoga);
}

function get(query: string, headers: Record<string, string> = {}, yoga?: DeskqlYoga) {
  return send({ url: `${ENDPOINT}?query=${encodeURIComponent(query)}`, method: 'GET', headers }, yoga);
}

function as(who: keyof typeof keys): Record<string, string> {
  return { authorization: `Bearer ${keys[who].key}` };
}

async function count(table: 'ticket' | 'team' | 'api_key'): Promise<number> {
  const [row] = await api.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return Number(row!.n);
}

function b64(text: string): string {
  return Buffer.from(text).toString('base64');
}

function codes(answer: Answer): Array<string | undefined> {
  return answer.body?.errors?.map((error) => error.extensions?.code) ?? [];
}

function upsertTeam(externalId: string) {
  return `mutation { upsertTeam(input: { externalId: "${externalId}", name: "Scanner" }) { created } }`;
}

async function teamExists(externalId: string): Promise<boolean> {
  const rows = await api.db.sql.query('SELECT 1 FROM team WHERE external_id = $1', [externalId]);
  return rows.length > 0;
}

function expectUnauthenticated(answer: Answer, message: RegExp) {
  expect(answer.status).toBe(401);
  expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
  expect(answer.body?.data).toBeUndefined();
  expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
  expect(answer.body?.errors?.[0]?.message).toMatch(message);
}

describe('introspection', () => {
  it('is refused without a key: 401, UNAUTHENTICATED, no data', async () => {
    const answer = await post(getIntrospectionQuery());
    expectUnauthenticated(answer, /Authorization: Bearer <key>/);
    expect(answer.text).not.toContain('__schema');
  });

  it('works with a valid key (BI tools need it)', async () => {
    const answer = await post(getIntrospectionQuery({ descriptions: true }), {}, as('kpiReader'));
    expect(answer.status).toBe(200);
    expect(answer.body?.errors).toBeUndefined();
    expect(answer.body?.data.__schema.queryType.name).toBe('Query');
    expect(answer.body?.data.__schema.types.length).toBeGreaterThan(25);
  });

  it('refuses circular introspection (graphql-cop)', async () => {
    const answer = await post(
      'query { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }',
      {},
      as('admin'),
    );
    expect(answer.status).toBeLessThan(500);
    expect(answer.body?.data).toBeUndefined();
    expect(codes(answer)).toContain('GRAPHQL_VALIDATION_FAILED');
  });

  it('does not serve GraphiQL to browsers in production', async () => {
    const answer = await send({ method: 'GET', headers: { accept: 'text/html' } });
    expect(answer.text).not.toMatch(/graphiql/i);
  });
});

describe('authentication', () => {
  const query = '{ teams { totalCount } }';

  it('refuses a request without a key: 401 with WWW-Authenticate: Bearer and what to do', async () => {
    expectUnauthenticated(await post(query), /send the header "Authorization: Bearer <key>"/);
  });

  it.each([
    ['Basic x', 'Basic x'],
    ['Bearer alone', 'Bearer'],
    ['another scheme', 'Token dq_abc'],
    ['two keys', 'Bearer dq_a, Bearer dq_b'],
    ['10 KB with a second word', `Bearer ${'x'.repeat(10_000)} extra`],
  ])(
    'refuses a malformed Authorization header (%s): 401, never 500',
    async (_label, header) => {
      expectUnauthenticated(await post(query, {}, { authorization: header }), /Bearer <key>|not valid/);
    },
  );

  it('refuses "Bearer  not-a-key" and a well-formed unknown key: 401 saying what to do', async () => {
    expectUnauthenticated(await post(query, {}, { authorization: 'Bearer  not-a-key' }), /not valid.*ask an administrator/);
    const unknown = `dq_${Buffer.alloc(32, 7).toString('base64url')}`;
    expect(unknown).toMatch(/^dq_[A-Za-z0-9_-]{43}$/);
    expectUnauthenticated(await post(query, {}, { authorization: `Bearer ${unknown}` }), /not valid.*ask an administrator/);
  });

  it('refuses a revoked key at once: 401 saying it was revoked', async () => {
    const doomed = await createApiKey(api.db.sql, { name: 'doomed', scopes: ['kpis:read'] });
    const headers = { authorization: `Bearer ${doomed.key}` };
    expect((await post(query, {}, headers)).status).toBe(200);
    await revokeApiKey(api.db.sql, doomed.id);
    expectUnauthenticated(await post(query, {}, headers), /revoked.*ask an administrator for a new one/);
  });

  it('answers an unauthenticated caller 401 before any validation (no limit or suggestion messages)', async () => {
    const probes = [
      `{ ${Array.from({ length: 101 }, (_, i) => `a${i}: teams { totalCount }`).join(' ')} }`,
      `{ __typename ${'@include(if: true) '.repeat(50)} }`,
      `{ teams { ${'totalCount '.repeat(5001)} } }`,
      'fragment A on Query { ...B } fragment B on Query { ...A } { ...A }',
      '{ tickts { totalCount } }',
      'qwerty cop { abc }',
    ];
    for (const probe of probes) {
      const answer = await post(probe);
      expectUnauthenticated(answer, /Authorization: Bearer <key>/);
      expect(answer.text).not.toMatch(/limit|Did you mean|Syntax Error|fragment/i);
    }
  });
});

describe('document limits, with a key', () => {
  async function expectRefused(query: string, message: RegExp) {
    const answer = await post(query, {}, as('admin'));
    expect(answer.status).toBeLessThan(500);
    const data = answer.body?.data;
    expect(data === undefined ? 'no data' : `data with ${Object.keys(data ?? {}).length} fields`).toBe('no data');
    expect(answer.body?.errors?.[0]?.message).toMatch(message);
    return answer;
  }

  it('refuses 16 aliases of a field (alias overloading), naming the limit', async () => {
    await expectRefused(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: teams { totalCount }`).join(' ')} }`, /aliases limit of 15/i);
  });

  it("refuses graphql-cop's alias overloading probe: 101 aliases of __typename", async () => {
    await expectRefused(`query { ${Array.from({ length: 101 }, (_, i) => `alias${i}:__typename \n`).join('')} }`, /aliases limit of 15/i);
  });

  it('refuses directive overloading (50 × @include on __typename), naming the limit', async () => {
    await expectRefused(`{ ${'__typename @include(if: true) '.repeat(50)} }`, /directives limit of 20/i);
    await expectRefused(`{ __typename ${'@include(if: true) '.repeat(50)} }`, /directives limit of 20/i);
  });

  it('refuses nesting deeper than 12, naming the limit', async () => {
    let selection = 'subject';
    for (let i = 0; i < 5; i++) selection = `customer { tickets(first: 1) { edges { node { ${selection} } } } }`;
    await expectRefused(`{ tickets(first: 1) { edges { node { ${selection} } } } }`, /depth limit of 12/i);
  });

  it('refuses a huge document (more than 5000 tokens), naming the limit', async () => {
    await expectRefused(`{ teams { ${'totalCount '.repeat(5001)} } }`, /token limit of 5000/i);
  });

  it('refuses an operation over the cost limit, naming it', async () => {
    const scalars = 'subject priority status channel category createdAt resolvedAt firstResponseAt reopenCount externalId id';
    const nested = 'customer { tickets(first: 100) { edges { node { ...T assignee { tickets { edges { node { ...T } } } } } } } }';
    const roots = ['a', 'b', 'c', 'd'].map((alias) => `${alias}: tickets(first: 100) { edges { node { ...L } } }`).join(' ');
    await expectRefused(`fragment T on Ticket { ${scalars} } fragment L on Ticket { ${nested} } { ${roots} }`, /cost limit of 20000/i);
  });

  it('refuses circular fragments with a validation error, and serves the next request', async () => {
    const answer = await expectRefused('fragment A on Query { ...B } fragment B on Query { ...A } { ...A }', /Cannot spread fragment "A" within itself/);
    expect(codes(answer)).toContain('GRAPHQL_VALIDATION_FAILED');
    const next = await post('{ teams { totalCount } }', {}, as('admin'));
    expect(next.body?.data.teams.totalCount).toBeGreaterThan(0);
  });

  it('answers a syntax error without exception details (graphql-cop "unhandled error")', async () => {
    const answer = await post('qwerty cop { abc }', {}, as('admin'));
    expect(answer.status).toBeLessThan(500);
    expect(codes(answer)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(answer.text).not.toMatch(/exception|stacktrace|tracing/i);
  });
});

describe('batching', () => {
  it('refuses a JSON array of 10 operations (4xx) and executes none of them', async () => {
    const teams = await count('team');
    const batch = Array.from({ length: 10 }, (_, i) => ({ query: upsertTeam(`batch-${i}`) }));
    const answer = await send({
      method: 'POST',
      headers: { 'content-type': 'application/json', ...as('writer') },
      body: JSON.stringify(batch),
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(Array.isArray(answer.body)).toBe(false);
    expect(answer.body?.errors?.[0]?.message).toMatch(/batching/i);
    expect(await count('team')).toBe(teams);
  });
});

describe('field suggestions', () => {
  it('are stripped for anonymous callers of the embedded demo', async () => {
    const demo = createDeskqlYoga({ db: api.db, ...DEMO });
    const answer = await post('{ tickts { totalCount } }', {}, {}, demo);
    expect(answer.body?.errors?.[0]?.message).toMatch(/Cannot query field "tickts"/);
    expect(answer.text).not.toMatch(/Did you mean/i);
  });

  it('are stripped for anonymous callers from variable errors too', async () => {
    const demo = createDeskqlYoga({ db: api.db, ...DEMO });
    const enumValue = await post('query ($s: [TicketStatus!]) { tickets(filter: { statuses: $s }) { totalCount } }', { s: ['OPN'] }, {}, demo);
    expect(enumValue.status).toBe(400);
    expect(enumValue.text).not.toMatch(/Did you mean/i);
    const inputField = await post('query ($f: TicketFilter) { tickets(filter: $f) { totalCount } }', { f: { statuss: ['OPEN'] } }, {}, demo);
    expect(inputField.status).toBe(400);
    expect(inputField.text).not.toMatch(/Did you mean/i);
  });

  it('are kept for callers with a key (the stripping is selective)', async () => {
    const answer = await post('{ tickts { totalCount } }', {}, as('kpiReader'));
    expect(answer.body?.errors?.[0]?.message).toMatch(/Did you mean "tickets"\?/);
  });

  it('are kept for callers with a key of the same server, whoever sent the document first (validation is cached)', async () => {
    const demo = createDeskqlYoga({ db: api.db, ...DEMO });
    for (const query of ['{ tickts { totalCount } }', '{ tickets(first: 1) { totalCont } }']) {
      const anonymous = await post(query, {}, {}, demo);
      expect(anonymous.text).not.toMatch(/Did you mean/i);
      const keyed = await post(query, {}, as('kpiReader'), demo);
      expect(keyed.body?.errors?.[0]?.message).toMatch(/Did you mean "/);
      expect((await post(query, {}, {}, demo)).text).not.toMatch(/Did you mean/i);
    }
  });

  it('are stripped for anonymous callers from enum values written in the document', async () => {
    const demo = createDeskqlYoga({ db: api.db, ...DEMO });
    const answer = await post('{ tickets(filter: { statuses: [OPN] }) { totalCount } }', {}, {}, demo);
    expect(answer.body?.errors?.[0]?.message).toMatch(/Value "OPN" does not exist in "TicketStatus" enum\.$/);
    expect(answer.text).not.toMatch(/Did you mean/i);
  });
});

describe('GET and CSRF', () => {
  const csrf = { [CSRF_HEADER]: '1' };

  it('refuses a mutation sent with GET (405 or 4xx), writing nothing', async () => {
    const teams = await count('team');
    const answer = await get(upsertTeam('get-mutation'), { ...as('admin'), ...csrf });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body?.data).toBeUndefined();
    expect(await count('team')).toBe(teams);
    expect(await teamExists('get-mutation')).toBe(false);
  });

  it('refuses a GET query without the CSRF header: 403', async () => {
    const answer = await get('{ teams { totalCount } }', as('admin'));
    expect(answer.status).toBe(403);
    expect(answer.body?.data).toBeUndefined();
  });

  it('serves a GET query with the CSRF header and a key', async () => {
    const answer = await get('{ teams { totalCount } }', { ...as('admin'), ...csrf });
    expect(answer.status).toBe(200);
    expect(answer.body?.data.teams.totalCount).toBeGreaterThan(0);
  });

  it('serves a POST application/json with a key', async () => {
    const answer = await post('{ teams { totalCount } }', {}, as('admin'));
    expect(answer.status).toBe(200);
    expect(answer.body?.data.teams.totalCount).toBeGreaterThan(0);
  });

  it.each([
    ['application/x-www-form-urlencoded', (q: string) => `query=${encodeURIComponent(q)}`],
    ['text/plain', (q: string) => JSON.stringify({ query: q })],
    ['multipart/form-data; boundary=xyz', (q: string) => `--xyz\r\nContent-Disposition: form-data; name="query"\r\n\r\n${q}\r\n--xyz--\r\n`],
  ])('refuses a POST with content-type %s (what a form on another site sends), executing nothing', async (contentType, encode) => {
    const externalId = `form-${contentType.split(/[/;]/)[1]}`;
    const teams = await count('team');
    for (const headers of [as('admin'), {}]) {
      const answer = await send({ method: 'POST', headers: { 'content-type': contentType, ...headers }, body: encode(upsertTeam(externalId)) });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.body?.data).toBeUndefined();
    }
    // The embedded demo (anonymous reads) refuses it too.
    const demo = createDeskqlYoga({ db: api.db, ...DEMO });
    const fromDemo = await send({ method: 'POST', headers: { 'content-type': contentType }, body: encode('{ tickets { totalCount } }') }, demo);
    expect(fromDemo.status).toBe(403);
    expect(await count('team')).toBe(teams);
    expect(await teamExists(externalId)).toBe(false);
  });
});

describe('debug leaks in unexpected errors', () => {
  // A database failure whose message carries everything that must never reach a client.
  const SECRETS = /hunter2|db\.internal|postgres(ql)?:\/\/|SELECT|FROM "|\/srv\/|\/work\/|node_modules|\.[jt]s:\d|stack|originalError|exception|PGlite|pool/i;

  function leakyError(): Error {
    return Object.assign(
      new Error(
        'Invalid `prisma.ticket.findMany()` invocation in /srv/deskql/server/graphql/types/ticket.ts:58:18: ' +
          'could not reach postgresql://deskql:hunter2@db.internal:5432/deskql running SELECT "public"."ticket"."id" FROM "public"."ticket"',
      ),
      { code: 'P1001' },
    );
  }

  /** A Prisma client every call of which fails with leakyError(). */
  function failingPrisma(): Database['prisma'] {
    const handler: ProxyHandler<() => void> = {
      get: (_target, property) => (property === 'then' || typeof property === 'symbol' ? undefined : proxy),
      has: () => true,
      apply: () => Promise.reject(leakyError()),
    };
    const proxy: unknown = new Proxy(() => {}, handler);
    return proxy as Database['prisma'];
  }

  /** A database opened and closed again: every statement fails inside the driver. */
  let closed: TestDatabase | undefined;

  const queries = [
    '{ tickets(first: 1) { totalCount edges { node { subject } } } }',
    `{ kpis(${PERIOD_LITERAL}) { ticketCount csat { average } } }`,
    `{ node(id: "${b64('Ticket:1')}") { id } }`,
  ];

  async function withNodeEnv<T>(value: string, work: () => Promise<T>): Promise<T> {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = value;
    try {
      return await work();
    } finally {
      if (before === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = before;
    }
  }

  async function expectMasked(yoga: DeskqlYoga) {
    for (const query of queries) {
      const answer = await post(query, {}, as('admin'), yoga);
      expect(answer.status).toBeLessThan(500);
      expect(answer.body?.errors?.length).toBeGreaterThan(0);
      for (const error of answer.body!.errors!) {
        expect(error.message).toBe('Unexpected error.');
        expect(error.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      }
      expect(answer.text).not.toMatch(SECRETS);
    }
  }

  for (const nodeEnv of ['production', 'development']) {
    it(`masks a database error whose message holds SQL, a connection string and paths (NODE_ENV=${nodeEnv})`, async () => {
      await withNodeEnv(nodeEnv, async () => {
        const failing = failingPrisma();
        const db: Database = { ...api.db, prisma: failing, lendClient: () => ({ prisma: failing, ready: Promise.resolve(), giveBack: () => {} }) };
        await expectMasked(createDeskqlYoga({ db, ...PRODUCTION }));
      });
    });

    it(`masks a real driver failure: the database is closed (NODE_ENV=${nodeEnv})`, async () => {
      if (!closed) {
        closed = await createTestDatabase({ migrate: false });
        await closed.drop();
      }
      const broken = closed.db;
      await withNodeEnv(nodeEnv, async () => {
        // Keys are still looked up in the open test database; everything else hits the closed one.
        await expectMasked(createDeskqlYoga({ db: { ...broken, sql: api.db.sql }, ...PRODUCTION }));
      });
    });
  }

  it('reports no tracing or exception details on a normal answer (graphql-cop "trace mode")', async () => {
    const answer = await post('query { __typename }', {}, as('admin'));
    expect(answer.body?.data).toEqual({ __typename: 'Query' });
    expect(answer.text).not.toMatch(/tracing|exception|stacktrace/i);
  });
});

describe('scopes', () => {
  interface Refusal {
    name: string;
    query: string;
    variables?: () => Record<string, unknown>;
    /** What the message must name: the field (coordinate) and the scope. */
    names: string[];
  }

  const kpiReaderRefusals: Refusal[] = [
    { name: 'tickets', query: '{ tickets(first: 1) { totalCount } }', names: ['Query.tickets', 'records:read'] },
    { name: 'customers', query: '{ customers(first: 1) { totalCount } }', names: ['Query.customers', 'records:read'] },
    {
      name: 'node(id:)',
      query: 'query ($id: ID!) { node(id: $id) { id } }',
      variables: () => ({ id: b64('Ticket:1') }),
      names: ['Query.node', 'records:read'],
    },
    { name: 'Agent.email', query: '{ agents(first: 5) { edges { node { name email } } } }', names: ['Agent.email', 'records:read'] },
    {
      name: 'agents { kpis }',
      query: `{ agents(first: 5) { edges { node { name kpis(${PERIOD_LITERAL}) { ticketCount } } } } }`,
      names: ['Agent.kpis', 'kpis:agents'],
    },
    {
      name: 'kpiSlices(groupBy: [AGENT])',
      query: `{ kpiSlices(${PERIOD_LITERAL}, groupBy: [AGENT]) { kpis { ticketCount } } }`,
      names: ['Query.kpiSlices', 'AGENT', 'kpis:agents'],
    },
    {
      name: 'kpis(filter: { agentIds }) through a variable',
      query: 'query ($p: PeriodInput!, $ids: [ID!]) { kpis(period: $p, filter: { agentIds: $ids }) { ticketCount } }',
      variables: () => ({ p: PERIOD, ids: [agentId] }),
      names: ['Query.kpis', 'agentIds', 'kpis:agents'],
    },
    {
      name: 'kpiSlices(groupBy:) through a variable whose default is [AGENT]',
      query: 'query ($p: PeriodInput!, $by: [KpiDimension!] = [AGENT]) { kpiSlices(period: $p, groupBy: $by) { kpis { ticketCount } } }',
      variables: () => ({ p: PERIOD }),
      names: ['Query.kpiSlices', 'AGENT', 'kpis:agents'],
    },
    {
      name: 'kpis(filter: { agentIds }) through a variable default',
      query: `query ($p: PeriodInput!, $f: KpiFilter = { agentIds: ["${b64('Agent:1')}"] }) { kpis(period: $p, filter: $f) { ticketCount } }`,
      variables: () => ({ p: PERIOD }),
      names: ['Query.kpis', 'agentIds', 'kpis:agents'],
    },
    {
      name: "an agent's tickets (agent-level ticket counts)",
      query: '{ agents(first: 5) { edges { node { name tickets(filter: { statuses: [OPEN] }) { totalCount } } } } }',
      names: ['Agent.tickets'],
    },
    {
      name: "an agent's interactions (agent-level interaction counts)",
      query: '{ agents(first: 5) { edges { node { name interactions { totalCount } } } } }',
      names: ['Agent.interactions'],
    },
  ];

  function expectForbidden(answer: Answer, names: string[]) {
    expect(answer.status).toBe(403);
    expect(answer.body?.data).toBeUndefined();
    expect(codes(answer).length).toBeGreaterThan(0);
    expect(new Set(codes(answer))).toEqual(new Set(['FORBIDDEN']));
    const messages = answer.body!.errors!.map((error) => error.message).join('\n');
    for (const name of names) expect(messages).toContain(name);
  }

  for (const refusal of kpiReaderRefusals) {
    it(`a kpis:read key is refused ${refusal.name}: 403 FORBIDDEN naming field and scope, nothing executed`, async () => {
      let answer: Answer | undefined;
      const statements = await api.countStatements(async () => {
        answer = await post(refusal.query, refusal.variables?.() ?? {}, as('kpiReader'));
      });
      expectForbidden(answer!, refusal.names);
      expect(statements).toBe(0);
    });
  }

  it('a kpis:read key is refused importRecords, which writes nothing', async () => {
    const teams = await count('team');
    const ndjson = JSON.stringify({ type: 'team', externalId: 'scope-import', name: 'Imported' });
    const answer = await post('mutation ($n: String!) { importRecords(input: { ndjson: $n }) { ok records } }', { n: ndjson }, as('kpiReader'));
    expectForbidden(answer, ['Mutation.importRecords', 'records:write']);
    expect(await count('team')).toBe(teams);
    expect(await teamExists('scope-import')).toBe(false);
  });

  it('a records:read key cannot write (upsertTeam): 403, nothing written', async () => {
    const answer = await post(upsertTeam('scope-upsert'), {}, as('recordReader'));
    expectForbidden(answer, ['Mutation.upsertTeam', 'records:write']);
    expect(await teamExists('scope-upsert')).toBe(false);
  });

  it('the same key may read what its scope covers (the refusals are selective)', async () => {
    const answer = await post(`{ kpis(${PERIOD_LITERAL}) { ticketCount } teams { totalCount } }`, {}, as('kpiReader'));
    expect(answer.status).toBe(200);
    expect(answer.body?.errors).toBeUndefined();
    expect(answer.body?.data.kpis.ticketCount).toBeGreaterThan(0);
  });
});

describe('SQL metacharacters and huge strings in arguments', () => {
  const HUGE = 'x'.repeat(100_000);
  const STRINGS: Array<[label: string, value: string]> = [
    ['quote OR', "' OR 1=1 --"],
    ['drop table', '"; DROP TABLE ticket; --'],
    ['stacked sleep', "'); SELECT pg_sleep(5); --"],
    ['backslash quote', "\\'; --"],
    ['LIKE wildcards', '%_%'],
    ['placeholder', '$1'],
    ['NUL byte', 'a\u0000b'],
    ['lone surrogate', '\uD800'],
    ['100 KB', HUGE],
  ];

  function idPayloads(typename: string): Array<[label: string, value: string]> {
    return [
      ['quote OR', "' OR '1'='1"],
      ['base64 of OR', b64(`${typename}:1 OR 1=1`)],
      ['base64 of quote', b64(`${typename}:1' OR '1'='1`)],
      ['base64 of drop', b64(`${typename}:1; DROP TABLE ticket`)],
      ['NUL byte', `${b64(`${typename}:1`)}\u0000`],
      ['100 KB', 'A'.repeat(100_000)],
      ['negative', b64(`${typename}:-1`)],
      ['beyond int4', b64(`${typename}:99999999999`)],
      ['unknown', b64(`${typename}:0`)],
    ];
  }

  const CURSORS: Array<[label: string, value: string]> = [
    ...STRINGS,
    ['forged cursor, number beyond int4', b64('GPC:N:99999999999')],
    ['forged cursor, string', b64("GPC:S:' OR 1=1 --")],
    ['forged cursor, JSON', b64('GPC:J:{"id":{"gt":0}}')],
    ['forged cursor, SQL', b64('GPC:N:1 OR 1=1')],
  ];

  /**
   * Sends `query` once per payload and lists every answer that is neither data matching
   * nothing (`empty` says so) nor a client error (BAD_USER_INPUT, a validation error, or a
   * 400 for a variable of the wrong type).
   */
  async function probe(
    payloads: Array<[string, string]>,
    query: string,
    variables: (value: string) => Record<string, unknown>,
    empty: (data: any) => boolean,
    key: keyof typeof keys = 'admin',
  ): Promise<string[]> {
    const problems: string[] = [];
    for (const [label, value] of payloads) {
      const answer = await post(query, variables(value), as(key));
      const errors = answer.body?.errors ?? [];
      const clientError =
        errors.length > 0 &&
        errors.every((error) => error.extensions?.code === 'BAD_USER_INPUT' || error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' || answer.status === 400);
      const fine = answer.status < 500 && (errors.length === 0 ? answer.body?.data != null && empty(answer.body.data) : clientError);
      if (!fine) problems.push(`${label}: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
    }
    return problems;
  }

  const zero = (field: string) => (data: any) => data[field].totalCount === 0;

  it('tickets(filter: { categories }) as literals: no match', async () => {
    const literal = STRINGS.filter(([label]) => label !== 'lone surrogate')
      .map(([, value]) => JSON.stringify(value))
      .join(', ');
    const answer = await post(`{ tickets(filter: { categories: [${literal}] }) { totalCount } }`, {}, as('admin'));
    expect(answer.status).toBeLessThan(500);
    expect(codes(answer)).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('tickets(filter: { categories })', async () => {
    expect(await probe(STRINGS, 'query ($v: [String!]) { tickets(filter: { categories: $v }) { totalCount } }', (v) => ({ v: [v] }), zero('tickets'))).toEqual([]);
  });

  it('customers(filter: { segments })', async () => {
    expect(await probe(STRINGS, 'query ($v: [String!]) { customers(filter: { segments: $v }) { totalCount } }', (v) => ({ v: [v] }), zero('customers'))).toEqual([]);
  });

  it('kpis(filter: { categories })', async () => {
    const query = 'query ($p: PeriodInput!, $v: [String!]) { kpis(period: $p, filter: { categories: $v }) { ticketCount nps { responses } } }';
    expect(await probe(STRINGS, query, (v) => ({ p: PERIOD, v: [v] }), (d) => d.kpis.ticketCount === 0)).toEqual([]);
  });

  it('kpis(filter: { customerSegments })', async () => {
    const query = 'query ($p: PeriodInput!, $v: [String!]) { kpis(period: $p, filter: { customerSegments: $v }) { ticketCount customersAtEnd } }';
    expect(await probe(STRINGS, query, (v) => ({ p: PERIOD, v: [v] }), (d) => d.kpis.ticketCount === 0 && d.kpis.customersAtEnd === 0)).toEqual([]);
  });

  it('kpiSlices drill-down with filter: { categories }', async () => {
    const query = 'query ($p: PeriodInput!, $v: [String!]) { kpiSlices(period: $p, filter: { categories: $v }) { tickets(first: 1) { totalCount } } }';
    expect(await probe(STRINGS, query, (v) => ({ p: PERIOD, v: [v] }), (d) => d.kpiSlices.every((s: any) => s.tickets.totalCount === 0))).toEqual([]);
  });

  it('kpiSlices(period: { timeZone }): BAD_USER_INPUT', async () => {
    const zones: Array<[string, string]> = [['drop table', "UTC'; DROP TABLE ticket;--"], ...STRINGS];
    const query = 'query ($p: PeriodInput!) { kpiSlices(period: $p, granularity: DAY) { kpis { ticketCount } } }';
    expect(await probe(zones, query, (v) => ({ p: { ...PERIOD, timeZone: v } }), () => false)).toEqual([]);
  });

  it('node(id:)', async () => {
    expect(await probe(idPayloads('Ticket'), 'query ($id: ID!) { node(id: $id) { id } }', (v) => ({ id: v }), (d) => d.node === null)).toEqual([]);
  });

  it.each([
    ['tickets(filter: { teamIds })', 'Team', 'query ($v: [ID!]) { tickets(filter: { teamIds: $v }) { totalCount } }', 'tickets'],
    ['tickets(filter: { assigneeIds })', 'Agent', 'query ($v: [ID!]) { tickets(filter: { assigneeIds: $v }) { totalCount } }', 'tickets'],
    ['tickets(filter: { customerIds })', 'Customer', 'query ($v: [ID!]) { tickets(filter: { customerIds: $v }) { totalCount } }', 'tickets'],
    ['agents(filter: { teamIds })', 'Team', 'query ($v: [ID!]) { agents(filter: { teamIds: $v }) { totalCount } }', 'agents'],
    ['surveyResponses(filter: { ticketIds })', 'Ticket', 'query ($v: [ID!]) { surveyResponses(filter: { ticketIds: $v }) { totalCount } }', 'surveyResponses'],
  ])('%s', async (_name, typename, query, field) => {
    expect(await probe(idPayloads(typename), query, (v) => ({ v: [v] }), zero(field))).toEqual([]);
  });

  it.each([
    ['kpis(filter: { teamIds })', 'Team', 'teamIds'],
    ['kpis(filter: { agentIds })', 'Agent', 'agentIds'],
  ])('%s', async (_name, typename, argument) => {
    const query = `query ($p: PeriodInput!, $v: [ID!]) { kpis(period: $p, filter: { ${argument}: $v }) { ticketCount } }`;
    expect(await probe(idPayloads(typename), query, (v) => ({ p: PERIOD, v: [v] }), (d) => d.kpis.ticketCount === 0)).toEqual([]);
  });

  it('tickets(after:) and tickets(before:) cursors', async () => {
    const after = await probe(CURSORS, 'query ($c: String) { tickets(first: 2, after: $c) { totalCount edges { node { id } } } }', (c) => ({ c }), (d) => d.tickets.edges.length === 0);
    const before = await probe(CURSORS, 'query ($c: String) { tickets(last: 2, before: $c) { totalCount edges { node { id } } } }', (c) => ({ c }), (d) => d.tickets.edges.length === 0);
    expect([...after.map((p) => `after ${p}`), ...before.map((p) => `before ${p}`)]).toEqual([]);
  });

  it('orderBy and DateTime arguments', async () => {
    const orderBy = await probe(
      STRINGS,
      'query ($o: TicketOrder) { tickets(first: 1, orderBy: $o) { totalCount } }',
      (v) => ({ o: { field: v, direction: 'ASC' } }),
      () => false,
    );
    const literal = await post('{ tickets(orderBy: { field: "id; DROP TABLE ticket" }) { totalCount } }', {}, as('admin'));
    const dates = await probe(STRINGS, 'query ($d: DateTime) { tickets(filter: { createdFrom: $d }) { totalCount } }', (d) => ({ d }), () => false);
    expect([...orderBy, ...dates]).toEqual([]);
    expect(literal.status).toBeLessThan(500);
    expect(codes(literal)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('upsertTeam(input: { externalId, name, idempotencyKey })', async () => {
    // Writing a team named "' OR 1=1 --" is fine, and so are userErrors; failing with a 500 is not.
    const names = await probe(
      STRINGS,
      'mutation ($v: String!) { upsertTeam(input: { externalId: $v, name: $v }) { created userErrors { field message } } }',
      (v) => ({ v }),
      () => true,
      'writer',
    );
    const idempotencyKeys = await probe(
      STRINGS,
      'mutation ($v: String!) { upsertTeam(input: { externalId: "sec-idempotency", name: "Sec", idempotencyKey: $v }) { created } }',
      (v) => ({ v }),
      () => true,
      'writer',
    );
    expect([...names.map((p) => `name ${p}`), ...idempotencyKeys.map((p) => `idempotencyKey ${p}`)]).toEqual([]);
  });

  it('importRecords(input: { ndjson, dryRun: true }) with the strings as field values', async () => {
    const query = 'mutation ($n: String!) { importRecords(input: { ndjson: $n, dryRun: true }) { ok errorCount userErrors { line field message } } }';
    const ndjson = (value: string) => JSON.stringify({ type: 'team', externalId: value.slice(0, 200), name: value });
    expect(await probe(STRINGS, query, (v) => ({ n: ndjson(v) }), () => true, 'writer')).toEqual([]);
  });

  it('leaves the ticket table intact', async () => {
    expect(await count('ticket')).toBe(ticketsAtStart);
    const answer = await post('{ tickets { totalCount } }', {}, as('admin'));
    expect(answer.body?.data.tickets.totalCount).toBe(ticketsAtStart);
  });
});

// Key administration through GraphQL (viewer, apiKeys, createApiKey, revokeApiKey). Skipped
// until the schema has these fields; the documents are built from the schema, so that the
// checks do not depend on details such as whether scopes are strings or an enum.
const queryFields = schema.getQueryType()?.getFields() ?? {};
const mutationFields = schema.getMutationType()?.getFields() ?? {};
const hasKeyAdministration = Boolean(queryFields.apiKeys && queryFields.viewer && mutationFields.createApiKey && mutationFields.revokeApiKey);

/** Every field without required arguments, `depth` levels down; interfaces and unions by __typename. */
function selectionOf(type: GraphQLOutputType, depth = 3): string {
  const named = getNamedType(type);
  if (isInterfaceType(named) || isUnionType(named) || (isObjectType(named) && depth === 0)) return '{ __typename }';
  if (!isObjectType(named)) return '';
  const fields = Object.values(named.getFields()).filter((field) => !field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined));
  return `{ ${fields.map((field) => `${field.name} ${selectionOf(field.type, depth - 1)}`).join(' ')} }`;
}

/** A scope as the schema takes it: the string itself, or the enum value of that name. */
function scopeValue(scope: Scope, inputType: GraphQLInputType): string {
  const named = getNamedType(inputType);
  const scopes = isInputObjectType(named) ? named.getFields().scopes : undefined;
  const scopeType = scopes ? getNamedType(scopes.type) : undefined;
  if (!isEnumType(scopeType)) return scope;
  const value = scopeType.getValues().find((candidate) => normalScope(candidate.name) === normalScope(scope));
  return value?.name ?? scope;
}

function normalScope(scope: string): string {
  return scope.toLowerCase().replace(/[^a-z]/g, '');
}

describe.skipIf(!hasKeyAdministration)('key administration', () => {
  function createKeyRequest(scope: Scope) {
    const field = mutationFields.createApiKey!;
    const input = field.args.find((arg) => arg.name === 'input')!;
    return {
      query: `mutation ($input: ${String(input.type)}) { createApiKey(input: $input) ${selectionOf(field.type, 2)} }`,
      variables: { input: { name: 'escalated', scopes: [scopeValue(scope, input.type)] } },
    };
  }

  it('a records:read key cannot create a key: 403 naming createApiKey and keys:admin, nothing created', async () => {
    const before = await count('api_key');
    const { query, variables } = createKeyRequest('keys:admin');
    const answer = await post(query, variables, as('recordReader'));
    expect(answer.status).toBe(403);
    expect(answer.body?.data).toBeUndefined();
    expect(codes(answer)).toEqual(['FORBIDDEN']);
    expect(answer.body?.errors?.[0]?.message).toContain('Mutation.createApiKey');
    expect(answer.body?.errors?.[0]?.message).toContain('keys:admin');
    expect(await count('api_key')).toBe(before);
  });

  it('a key without keys:admin cannot list keys or revoke one', async () => {
    // Every field of a key, and its teams as __typename only: the teams' own fields (which grow, e.g. businessCalendar) would push a
    // full nested selection past MAX_QUERY_COST and test the cost limit instead of key administration.
    const list = await post(`{ apiKeys ${selectionOf(queryFields.apiKeys!.type, 2)} }`, {}, as('recordReader'));
    expect(list.status).toBe(403);
    expect(codes(list)).toEqual(['FORBIDDEN']);
    expect(list.body?.errors?.[0]?.message).toContain('keys:admin');
    const revoke = mutationFields.revokeApiKey!;
    const id = revoke.args.find((arg) => arg.name === 'id')!;
    const idValue = getNamedType(id.type).name === 'Int' ? keys.admin.id : String(keys.admin.id);
    const answer = await post(`mutation ($id: ${String(id.type)}) { revokeApiKey(id: $id) ${selectionOf(revoke.type, 1)} }`, { id: idValue }, as('writer'));
    expect(answer.status).toBe(403);
    expect(codes(answer)).toEqual(['FORBIDDEN']);
    expect((await post('{ teams { totalCount } }', {}, as('admin'))).status).toBe(200);
  });

  it('viewer shows a key its own name and scopes, whatever its scopes', async () => {
    const answer = await post('{ viewer { name scopes } }', {}, as('kpiReader'));
    expect(answer.status).toBe(200);
    expect(answer.body?.data.viewer.name).toBe('kpi-reader');
    expect(answer.body?.data.viewer.scopes.map(normalScope)).toEqual([normalScope('kpis:read')]);
  });

  it('listing keys never shows a secret', async () => {
    const answer = await post(`{ apiKeys ${selectionOf(queryFields.apiKeys!.type, 2)} }`, {}, as('admin'));
    expect(answer.status).toBe(200);
    expect(answer.body?.errors).toBeUndefined();
    for (const { key } of Object.values(keys)) expect(answer.text).not.toContain(key);
    expect(answer.text).not.toMatch(/"(hash|secret)"/);
  });
});
