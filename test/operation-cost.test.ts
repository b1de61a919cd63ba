// The cost of an operation as an attacker meets it (issue 15, items 1, 2 and the introspection
// point of 10): computed from the coerced variables and their defaults before anything runs,
// scaling with page sizes and with kpiSlices' buckets × groups, corrected with the real number
// of groups before any drill-down runs, and charged for introspection too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../server/auth/api-keys.js';
import { READ_SCOPES } from '../server/auth/scopes.js';
import { INTROSPECTION_COST } from '../server/graphql/cost/estimate.js';
import { defaultSeedOptions, seedDatabase } from '../server/seed/seed.js';
import { createDeskqlYoga, type DeskqlYoga } from '../server/yoga.js';
import {
  bearer,
  type HttpAnswer,
  isOperationStatement,
  postGraphQL,
  startTestApi,
  type TestApi,
  type UntypedData,
} from './support/test-api.js';
import { createTestDatabase } from './support/test-database.js';

let api: TestApi;
let yoga: DeskqlYoga;

type Answer = HttpAnswer<UntypedData, { cost?: { requested: number; remaining?: number } }>;

function send(to: DeskqlYoga, query: string, variables: Record<string, unknown> = {}, key?: string): Promise<Answer> {
  return postGraphQL(to, query, variables, bearer(key));
}

beforeAll(async () => {
  api = await startTestApi();
  await seedDatabase(api.db, { ...defaultSeedOptions(400, new Date('2026-06-01T00:00:00Z')), days: 150 });
  // The embedded demo's configuration: any caller reads, as in the report.
  yoga = createDeskqlYoga({ db: api.db, anonymousScopes: READ_SCOPES, rateLimit: { burst: 100_000, refillPerSecond: 2000 } });
});
afterAll(() => api.close());

/** The report's request, item 1. */
const NESTED =
  'query($n:Int){ tickets(first:$n){edges{node{assignee{tickets(first:$n){edges{node{assignee{tickets(first:$n){edges{node{id}}}}}}}}}}}}';
const literal = (n: number) => NESTED.replace('query($n:Int)', '').replaceAll('$n', String(n));

describe('cost on coerced variables (item 1)', () => {
  it('refuses the report\'s request with {"n":60} before any statement, as it refuses a literal 60', async () => {
    const before = api.statements.length;
    const refused = await send(yoga, NESTED, { n: 60 });
    expect(api.statements.length).toBe(before);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(refused.body.errors?.[0]?.message).toMatch(/Query cost limit of 20000 exceeded: this operation costs \d+/);
    const literally = await send(yoga, literal(60));
    expect(literally.body.errors?.[0]?.message).toBe(refused.body.errors?.[0]?.message);
  });

  it('charges a variable exactly what the same literal costs, and a default value what it says', async () => {
    const viaVariable = await send(yoga, NESTED, { n: 5 });
    const viaLiteral = await send(yoga, literal(5));
    const viaDefault = await send(yoga, NESTED.replace('query($n:Int)', 'query($n:Int = 5)'));
    expect(viaVariable.body.errors).toBeUndefined();
    expect(viaVariable.body.extensions?.cost?.requested).toBe(viaLiteral.body.extensions?.cost?.requested);
    expect(viaDefault.body.extensions?.cost?.requested).toBe(viaLiteral.body.extensions?.cost?.requested);
    const bigDefault = await send(yoga, NESTED.replace('query($n:Int)', 'query($n:Int = 60)'));
    expect(bigDefault.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('grows with page sizes: three levels of first: 5 cost less than 1/100 of first: 60', async () => {
    const small = (await send(yoga, NESTED, { n: 5 })).body.extensions!.cost!.requested;
    const big = Number(/costs (\d+)/.exec((await send(yoga, NESTED, { n: 60 })).body.errors![0]!.message)![1]);
    expect(big).toBeGreaterThan(100 * small);
    expect(big).toBeGreaterThan(60 ** 3);
  });

  it('applies @skip/@include with their variables', async () => {
    const skipped = await send(yoga, 'query($n:Int, $s:Boolean!){ tickets(first:$n) @skip(if:$s) { edges { node { id } } } }', {
      n: 100,
      s: true,
    });
    const kept = await send(yoga, 'query($n:Int, $s:Boolean!){ tickets(first:$n) @skip(if:$s) { edges { node { id } } } }', {
      n: 100,
      s: false,
    });
    expect(skipped.body.extensions!.cost!.requested).toBeLessThan(kept.body.extensions!.cost!.requested);
  });
});

/** The report's request, item 2: every drill-down of every daily slice over 136 days. */
const DRILL_DOWN = `query($n: Int) {
  kpiSlices(period: { from: "2026-01-15T00:00:00Z", to: "2026-05-31T00:00:00Z" }, granularity: DAY) {
    bucketStart
    kpis { ticketCount }
    tickets(basis: BACKLOG, first: $n) { totalCount edges { node { id subject interactions(first: $n) { edges { node { id handleSeconds } } } } } }
    interactions(first: $n) { totalCount edges { node { id } } }
    surveyResponses(first: $n) { totalCount edges { node { id score } } }
    customers(basis: AT_END, first: $n) { totalCount edges { node { id name email } } }
  }
}`;

describe('KPI drill-downs (item 2)', () => {
  it("cost scales with buckets × page sizes: the report's request at n = 100 is refused before any statement", async () => {
    const before = api.statements.length;
    const refused = await send(yoga, DRILL_DOWN, { n: 100 });
    expect(api.statements.length).toBe(before);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    const cost = Number(/costs (\d+)/.exec(refused.body.errors![0]!.message)![1]);
    // 136 daily slices × (100 tickets × 100 interactions + …).
    expect(cost).toBeGreaterThan(136 * 100 * 100);
  });

  it('the same drill-down on a week at n = 2 runs, costing in proportion to its 7 slices', async () => {
    const week = DRILL_DOWN.replace('2026-01-15T00:00:00Z', '2026-05-01T00:00:00Z').replace('2026-05-31T00:00:00Z', '2026-05-08T00:00:00Z');
    const oneDay = DRILL_DOWN.replace('2026-01-15T00:00:00Z', '2026-05-01T00:00:00Z').replace(
      '2026-05-31T00:00:00Z',
      '2026-05-02T00:00:00Z',
    );
    const weekly = await send(yoga, week, { n: 2 });
    const daily = await send(yoga, oneDay, { n: 2 });
    expect(weekly.body.errors).toBeUndefined();
    expect(weekly.body.data.kpiSlices).toHaveLength(7);
    expect(weekly.body.extensions!.cost!.requested).toBe(7 * daily.body.extensions!.cost!.requested);
  });

  it('groups the estimate could not know are counted once the KPIs ran, before any drill-down: over the limit, refused', async () => {
    const teams = (await api.db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM team'))[0]!.n;
    expect(teams).toBeGreaterThan(2);
    const tight = createDeskqlYoga({
      db: api.db,
      anonymousScopes: READ_SCOPES,
      rateLimit: { burst: 1, refillPerSecond: 0 },
      limits: { maxCost: 500 },
    });
    const query = `{ kpiSlices(period: { from: "2026-05-01T00:00:00Z", to: "2026-05-08T00:00:00Z" }, groupBy: [TEAM]) {
      group { team { name } } kpis { ticketCount } tickets(first: 100) { edges { node { id } } } } }`;
    const before = api.statements.length;
    const refused = await send(tight, query);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.body.errors?.[0]?.message).toMatch(
      /This kpiSlices yields \d+ slices, so the operation costs \d+, more than the limit of 500/,
    );
    // The KPI statement ran; no drill-down statement (one per slice before the fix) did.
    expect(api.statements.slice(before).some((sql) => /FROM "public"."ticket".*LIMIT/is.test(sql) && !/count/i.test(sql))).toBe(false);
    // The answer reports the corrected cost, and a narrower request passes.
    const narrowed = await send(tight, query.replace('first: 100', 'first: 5'));
    expect(narrowed.body.errors).toBeUndefined();
    const slices = narrowed.body.data.kpiSlices.length;
    expect(slices).toBeGreaterThan(1);
    const single = await send(tight, query.replace('first: 100', 'first: 5').replace('groupBy: [TEAM]', ''));
    expect(narrowed.body.extensions!.cost!.requested).toBeGreaterThan(single.body.extensions!.cost!.requested * (slices - 1));
  });

  it("the corrected cost is charged to the key's bucket", async () => {
    const limited = createDeskqlYoga({ db: api.db, anonymousScopes: null, rateLimit: { burst: 100_000, refillPerSecond: 1 } });
    const { key, id } = await createApiKey(api.db.sql, { name: 'grouped', scopes: ['kpis:read', 'records:read'] });
    const query = `{ kpiSlices(period: { from: "2026-05-01T00:00:00Z", to: "2026-05-08T00:00:00Z" }, groupBy: [TEAM]) { kpis { ticketCount } tickets(first: 5) { edges { node { id } } } } }`;
    const answer = await send(limited, query, {}, key);
    const [bucket] = await api.db.sql.query<{ tokens: number }>('SELECT tokens FROM rate_bucket WHERE subject = $1', [`key:${id}`]);
    expect(Number(bucket!.tokens)).toBeLessThanOrEqual(100_000 - answer.body.extensions!.cost!.requested + 2);
    expect(answer.body.extensions!.cost!.remaining).toBeLessThanOrEqual(100_000 - answer.body.extensions!.cost!.requested + 2);
  });
});

describe('drill-down statements (item 2)', () => {
  const daily = (
    days: number,
  ) => `{ kpiSlices(period: { from: "2026-04-01T00:00:00Z", to: "2026-04-${String(1 + days).padStart(2, '0')}T00:00:00Z" }, granularity: DAY) {
    kpis { ticketCount }
    tickets(first: 5) { totalCount edges { node { id subject customer { name } } } }
    interactions(first: 3) { totalCount edges { node { id } } }
    surveyResponses(kinds: [CSAT], first: 3) { totalCount edges { node { id } } }
    customers(basis: NEW, first: 3) { totalCount edges { node { id } } } } }`;

  it('are batched across slices: 30 daily slices cost the statements of 7 (was 91 for tickets alone)', async () => {
    const week = await api.countStatements(async () => expect((await api.graphql(daily(7))).errors).toBeUndefined());
    const month = await api.countStatements(async () => {
      const answer = await api.graphql(daily(29));
      expect(answer.errors).toBeUndefined();
      expect(answer.data.kpiSlices).toHaveLength(29);
    });
    expect(month).toBe(week);
    // KPI family, and per drill-down field: page ids, records, count; plus the customers of the tickets.
    expect(month).toBeLessThanOrEqual(14);
  });

  it('give each slice exactly its own records, in order, with pages and totals that match the KPIs', async () => {
    const answer = await api.data(`{ kpiSlices(period: { from: "2026-04-01T00:00:00Z", to: "2026-04-08T00:00:00Z" }, granularity: DAY) {
      bucketStart bucketEnd kpis { ticketCount } tickets(first: 100) { totalCount edges { node { createdAt } } } } }`);
    for (const slice of answer.kpiSlices) {
      expect(slice.tickets.totalCount).toBe(slice.kpis.ticketCount);
      expect(slice.tickets.edges).toHaveLength(slice.kpis.ticketCount);
      const times = slice.tickets.edges.map((e: any) => e.node.createdAt);
      expect([...times].sort()).toEqual(times);
      for (const at of times) expect(at >= slice.bucketStart && at < slice.bucketEnd).toBe(true);
    }
  });

  it('page through a slice with after and last as any connection', async () => {
    const q = (args: string) =>
      `{ kpiSlices(period: { from: "2026-04-01T00:00:00Z", to: "2026-04-15T00:00:00Z" }) { tickets(${args}) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage } } } }`;
    const all = (await api.data(q('first: 100'))).kpiSlices[0].tickets.edges.map((e: any) => e.node.id);
    expect(all.length).toBeGreaterThan(4);
    const first = (await api.data(q('first: 2'))).kpiSlices[0].tickets;
    expect(first.edges.map((e: any) => e.node.id)).toEqual(all.slice(0, 2));
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await api.data(q(`first: 2, after: "${first.edges[1].cursor}"`))).kpiSlices[0].tickets;
    expect(next.edges.map((e: any) => e.node.id)).toEqual(all.slice(2, 4));
    const last = (await api.data(q('last: 2'))).kpiSlices[0].tickets;
    expect(last.edges.map((e: any) => e.node.id)).toEqual(all.slice(-2));
    expect(last.pageInfo.hasPreviousPage).toBe(true);
  });
});

describe('introspection (item 10)', () => {
  it(`costs ${INTROSPECTION_COST} and is charged to the rate limit like any operation`, async () => {
    const limited = createDeskqlYoga({
      db: api.db,
      anonymousScopes: null,
      rateLimit: { burst: INTROSPECTION_COST + 500, refillPerSecond: 1 },
    });
    const { key } = await createApiKey(api.db.sql, { name: 'introspecting', scopes: ['kpis:read'] });
    const first = await send(limited, '{ __schema { types { name fields { name } } } }', {}, key);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.extensions?.cost?.requested).toBe(INTROSPECTION_COST);
    const second = await send(limited, '{ __schema { types { name } } }', {}, key);
    expect(second.status).toBe(429);
    expect(second.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});

describe("a request's time (item 2)", () => {
  /** Each level of nesting is one more statement, issued after the one before it answered. */
  const DEEP =
    '{ tickets(first: 5) { edges { node { customer { tickets(first: 5) { edges { node { assignee { team { name } } interactions(first: 3) { edges { node { agent { name } } } } } } } } } } } }';

  it('stops an operation at OPERATION_TIMEOUT_MS: answered at once, and no statement starts after', async () => {
    // Every statement takes 1.1 s (busy, as a slow database would), the limit is 1 s: the
    // first statement runs past it and no second one starts, on either database. (The answer's
    // snapshot opens before the operation's clock runs; its statements are not counted.)
    let count = 0;
    let slow = false;
    const { db, drop } = await createTestDatabase({
      onStatement: (sql) => {
        if (!slow || !isOperationStatement(sql)) return;
        count++;
        const until = performance.now() + 1100;
        while (performance.now() < until);
      },
    });
    try {
      await seedDatabase(db, { ...defaultSeedOptions(100, new Date('2026-06-01T00:00:00Z')), days: 60 });
      const quick = createDeskqlYoga({
        db,
        anonymousScopes: READ_SCOPES,
        rateLimit: { burst: 1, refillPerSecond: 0 },
        operationTimeoutMs: 1000,
      });
      slow = true;
      const answer = await send(quick, DEEP);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('OPERATION_TIMEOUT');
      expect(answer.body.errors?.[0]?.message).toContain('ran for more than 1000 ms (OPERATION_TIMEOUT_MS)');
      expect(answer.status).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(count).toBe(1);
    } finally {
      slow = false;
      await drop();
    }
  });

  it('stops an operation whose client went away: no statement starts after the abort', async () => {
    // The client leaves while the first statement runs: abort from inside the statement hook,
    // which is deterministic on both databases (on PGlite a whole query otherwise completes
    // before a timer could fire).
    let controller = new AbortController();
    let abortOnStatement = false;
    let count = 0;
    const { db, drop } = await createTestDatabase({
      onStatement: (sql) => {
        if (!isOperationStatement(sql)) return;
        count++;
        if (abortOnStatement) controller.abort();
      },
    });
    try {
      await seedDatabase(db, { ...defaultSeedOptions(100, new Date('2026-06-01T00:00:00Z')), days: 60 });
      const own = createDeskqlYoga({ db, anonymousScopes: READ_SCOPES, rateLimit: { burst: 1, refillPerSecond: 0 } });
      // Each ask is a new question (a new operation name), so the response cache cannot answer it.
      let asked = 0;
      const ask = () =>
        Promise.resolve(
          own.fetch('http://deskql.test/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: `query Ask${++asked} ${DEEP}` }),
            signal: controller.signal,
          }),
        ).catch((error: unknown) => error);
      count = 0;
      await ask();
      const whole = count;
      expect(whole).toBeGreaterThan(4);
      controller = new AbortController();
      abortOnStatement = true;
      count = 0;
      await ask();
      await new Promise((resolve) => setTimeout(resolve, 500));
      // The statement that was running when the client left; none after it.
      expect(count).toBe(1);
    } finally {
      await drop();
    }
  });
});
