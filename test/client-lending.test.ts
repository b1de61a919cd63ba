// Database clients are lent only to requests that touch the database, at most
// REQUEST_CLIENTS_MAX at once; past that, and past what KPI admission can answer in an
// operation's time, requests are answered at once with 503 and Retry-After (or, once their
// operation's time is up, OPERATION_TIMEOUT), never left hanging. The PostgreSQL runs make the
// database slow on purpose, without timing anything: another connection holds an exclusive lock
// on the ticket table, so every statement reading tickets waits until the test releases it.
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDatabase } from '../server/seed/seed.js';
import { createDeskqlYoga, type DeskqlYoga, type YogaOptions } from '../server/yoga.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { type HttpAnswer, OPEN_ACCESS, postGraphQL, type UntypedData } from './support/test-api.js';

const onPostgres = Boolean(process.env.DATABASE_URL);

type Answer = HttpAnswer<UntypedData, { freshness: { cached: boolean } }>;

function post(yoga: DeskqlYoga, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  return postGraphQL(yoga, query, variables, { accept: 'application/json' });
}

const ticketPage = (first: number) => `query { tickets(first: ${first}) { totalCount edges { node { id subject } } } }`;
const ticketCount = (fromDay: number) =>
  `query { kpis(period: { from: "2026-01-${String(fromDay).padStart(2, '0')}T00:00:00Z", to: "2026-06-01T00:00:00Z" }) { ticketCount } }`;

let database: TestDatabase;

async function serve(options: Omit<YogaOptions, 'db'> = {}): Promise<DeskqlYoga> {
  return createDeskqlYoga({ db: database.db, ...OPEN_ACCESS, ...options });
}

/** Holds an exclusive lock on the ticket table from a connection of its own, until released. */
async function lockTickets(): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: database.url! });
  await client.connect();
  await client.query('BEGIN');
  // Tickets, and the daily rollup that ticket counts over whole days read (server/kpi/rollups).
  await client.query('LOCK TABLE ticket, kpi_day_created IN ACCESS EXCLUSIVE MODE');
  let released: Promise<void> | undefined;
  return {
    release() {
      released ??= client.query('COMMIT').then(() => client.end());
      return released;
    },
  };
}

/** Resolves with the answers that arrived, once `count` of `requests` have. */
async function firstAnswers(requests: Array<Promise<Answer>>, count: number): Promise<Answer[]> {
  const arrived: Answer[] = [];
  for (const request of requests) void request.then((answer) => arrived.push(answer));
  await vi.waitFor(() => expect(arrived.length).toBeGreaterThanOrEqual(count), { timeout: 60_000, interval: 50 });
  return arrived.slice(0, count);
}

describe('client lending', () => {
  beforeAll(async () => {
    database = await createTestDatabase({ requestClients: { max: 2, maxWaitMs: 300 } });
    await seedDatabase(database.db, { tickets: 400, seed: 9, until: new Date('2026-06-01T00:00:00Z'), days: 60, agents: 8, customers: 40 });
  });
  afterAll(() => database.drop());
  afterEach(async () => {
    // Every request gave its client back (a stopped answer once its transaction ended).
    await vi.waitFor(() => expect(database.db.clientStats()).toMatchObject({ lent: 0, waiting: 0 }), { timeout: 60_000 });
  });

  it('lends no client to an answer from the response cache', async () => {
    const yoga = await serve();
    const first = await post(yoga, ticketCount(3));
    expect(first.body.extensions?.freshness.cached).toBe(false);
    const lends = database.db.clientStats().lends;
    for (let i = 0; i < 5; i++) {
      const again = await post(yoga, ticketCount(3));
      expect(again.body.data).toEqual(first.body.data);
      expect(again.body.extensions?.freshness.cached).toBe(true);
    }
    expect(database.db.clientStats().lends).toBe(lends);
    // A question not asked before borrows one.
    await post(yoga, ticketCount(4));
    expect(database.db.clientStats().lends).toBe(lends + 1);
  });

  it('keeps at most REQUEST_CLIENTS_MAX clients alive under concurrent requests', async () => {
    const yoga = await serve();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => post(yoga, ticketPage(i + 1))));
    for (const answer of answers) {
      // Each served, or refused because both clients stayed lent for 300 ms.
      if (answer.status === 503) expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      else expect(answer.body.data?.tickets.totalCount).toBe(400);
    }
    expect(database.db.clientStats().peakAlive).toBeLessThanOrEqual(2);
  });

  it.runIf(onPostgres)('answers requests past the cap with 503 and Retry-After while the lent clients are busy', async () => {
    const yoga = await serve();
    const lock = await lockTickets();
    try {
      const requests = Array.from({ length: 6 }, (_, i) => post(yoga, ticketPage(i + 1)));
      // Two requests hold both clients, waiting for the lock; the other four are refused meanwhile.
      const refused = await firstAnswers(requests, 4);
      for (const answer of refused) {
        expect(answer.status).toBe(503);
        expect(answer.headers.get('retry-after')).toBe('1');
        expect(answer.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
        expect(answer.body.errors?.[0]?.message).toMatch(/database clients are all busy \(REQUEST_CLIENTS_MAX\); retry after 1 s/);
      }
      expect(database.db.clientStats()).toMatchObject({ lent: 2, peakAlive: 2 });
      expect(database.db.clientStats().refused).toBeGreaterThanOrEqual(4);
      await lock.release();
      const served = (await Promise.all(requests)).filter((answer) => answer.status === 200);
      expect(served).toHaveLength(2);
      for (const answer of served) expect(answer.body.data?.tickets.totalCount).toBe(400);
    } finally {
      await lock.release();
    }
  });

  it.runIf(onPostgres)(
    'answers at its deadline a KPI answer stuck in a statement, and refuses one that could not compute in its time',
    async () => {
      // One computation at a time, a queue that would let a request wait 10 minutes, and 1.5 s per operation.
      const yoga = await serve({ kpiAdmission: { concurrency: 1, maxWaitMs: 600_000 }, operationTimeoutMs: 1500 });
      const lock = await lockTickets();
      try {
        const running = post(yoga, ticketCount(5));
        await vi.waitFor(() => expect(database.db.clientStats().lent).toBe(1), { timeout: 60_000 });
        const queued = post(yoga, ticketCount(6));
        // Both are answered while the lock still holds the first one's statement.
        const [first, second] = await Promise.all([running, queued]);
        expect(first.status).toBe(503);
        expect(first.body.errors?.[0]?.extensions?.code).toBe('OPERATION_TIMEOUT');
        expect(second.status).toBe(503);
        expect(second.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
        expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        // The stopped answer keeps its client until its statement and transaction have ended.
        expect(database.db.clientStats().lent).toBe(1);
      } finally {
        await lock.release();
      }
      await vi.waitFor(() => expect(database.db.clientStats().lent).toBe(0), { timeout: 60_000 });
      // Its KPI turn ended with it: the next question is computed.
      const next = await post(yoga, ticketCount(7));
      expect(next.body.data?.kpis.ticketCount).toBeGreaterThan(0);
    },
  );
});
