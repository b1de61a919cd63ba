// Graceful under load: identical questions in flight are computed once, and when more new
// questions arrive than can start in time, the extra ones are told at once (503 with
// Retry-After) instead of waiting on a hung socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../server/seed/seed.js';
import { type HttpAnswer, postGraphQL, startTestApi, type TestApi, type UntypedData } from './support/test-api.js';

let api: TestApi;

beforeAll(async () => {
  // One computation at a time, and a request may wait at most 30 ms for its turn.
  api = await startTestApi({ yoga: { kpiAdmission: { concurrency: 1, maxWaitMs: 30 } } });
  await seedDatabase(api.db, { tickets: 3000, seed: 4, until: new Date('2026-06-01T00:00:00Z'), days: 120, agents: 30, customers: 200 });
});
afterAll(() => api.close());

const everyKpi = `ticketCount resolvedCount backlog firstResponseTime { median } resolutionTime { p90 } firstContactResolution { value }
  averageHandleTime { median } nps { score } csat { average } ces { average } customersAtEnd`;

type Answer = HttpAnswer<UntypedData, { freshness: { cached: boolean } }>;

function post(query: string, variables: Record<string, unknown>): Promise<Answer> {
  return postGraphQL(api.yoga, query, variables, { accept: 'application/json' });
}

describe('KPI admission', () => {
  it('computes identical questions in flight once', async () => {
    const query = `query ($p: PeriodInput!) { kpis(period: $p) { ${everyKpi} } }`;
    const single = await api.countStatements(() =>
      api.data(query.replace('query', 'query Single'), { p: { from: '2026-02-01T00:00:00Z', to: '2026-05-01T00:00:00Z' } }),
    );
    const p = { from: '2026-02-02T00:00:00Z', to: '2026-05-01T00:00:00Z' };
    let bodies: Array<Answer['body']> = [];
    const together = await api.countStatements(async () => {
      bodies = await Promise.all(Array.from({ length: 8 }, () => post(query, { p }).then((answer) => answer.body)));
    });
    expect(bodies.every((body) => !body.errors)).toBe(true);
    expect(new Set(bodies.map((body) => JSON.stringify(body.data))).size).toBe(1);
    expect(together).toBe(single);
    expect(bodies.filter((body) => body.extensions?.freshness.cached === false)).toHaveLength(1);
  });

  it('answers 503 with Retry-After at once when new questions cannot start in time, and serves the rest', async () => {
    const started = Date.now();
    // 24 new questions at once, each a different period: daily slices of the last 8 to 31 days
    // of May. Small enough that the embedded database, which answers them one after the other,
    // ends the whole burst well within OPERATION_TIMEOUT_MS and the test's time on a busy
    // machine (every request's deadline runs while it queues behind the others); how long one
    // takes does not matter for admission, which refuses by queue length at concurrency 1.
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, day) =>
        post(
          `query ($p: PeriodInput!) { kpiSlices(period: $p, granularity: DAY, groupBy: [CHANNEL]) { kpis { ${everyKpi.replace('customersAtEnd', '')} } } }`,
          {
            p: { from: `2026-05-${String(day + 1).padStart(2, '0')}T00:00:00Z`, to: '2026-06-01T00:00:00Z' },
          },
        ),
      ),
    );
    const bodies = responses.map((answer) => answer.body);
    const refused = responses.filter((r) => r.status === 503);
    const served = bodies.filter((body) => body.data?.kpiSlices);
    if (!process.env.DATABASE_URL) {
      // The embedded database has one connection whose transactions are exclusive: requests
      // queue at the database before they reach admission, one computation at a time, so all
      // are served (the embedded demo is a single-user sandbox; README "Speed and scale").
      expect(served).toHaveLength(24);
      return;
    }
    expect(refused.length).toBeGreaterThan(0);
    expect(served.length).toBeGreaterThan(0);
    expect(refused.length + served.length).toBe(24);
    for (const response of refused) expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const overloaded = bodies.find((body) => body.errors)!;
    expect(overloaded.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(overloaded.errors?.[0]?.message).toMatch(/retry after \d+ s/);
    // Nothing hung: the whole burst was answered (generously bounded; PGlite on a busy machine).
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});
