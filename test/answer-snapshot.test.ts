// One answer, one snapshot (docs/kpis.md): while a writer commits new tickets as fast as it can,
// every answer's numbers agree with each other — the KPI statements, the record count and
// the slices all saw the same committed state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerSnapshot } from '../server/db/answer-snapshot.js';
import { Prisma } from '../server/generated/prisma/client.js';
import { seedDatabase } from '../server/seed/seed.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await seedDatabase(api.db, { tickets: 800, seed: 9, until: new Date('2026-06-01T00:00:00Z'), days: 90, agents: 15, customers: 80 });
});
afterAll(() => api.close());

const answer = `query ($p: PeriodInput!, $from: DateTime!, $to: DateTime!) {
  kpis(period: $p) { ticketCount backlog }
  tickets(first: 1, filter: { createdFrom: $from, createdTo: $to }) { totalCount }
  kpiSlices(period: $p, granularity: MONTH) { kpis { ticketCount } }
  teams(first: 10) { edges { node { kpis(period: $p) { ticketCount } } } }
}`;

describe('one answer, one snapshot', () => {
  it('never mixes data from before and after a write that commits while the answer is computed', async () => {
    const from = '2026-03-01T00:00:00Z';
    const to = '2026-06-01T00:00:00Z';
    const [{ customer, team }] = (await api.db.sql.query<{ customer: number; team: number }>(
      'SELECT (SELECT min(id) FROM customer) AS customer, (SELECT min(id) FROM team) AS team',
    )) as [{ customer: number; team: number }];
    let writing = true;
    let written = 0;
    const writer = (async () => {
      // Paced, so that on the embedded database (one connection) answers get their turn too.
      while (writing && written < 5000) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        await api.db.sql.query(
          `INSERT INTO ticket (external_id, subject, channel, priority, status, customer_id, team_id, created_at)
           VALUES ($1, 'snapshot', 'WEB', 'LOW', 'OPEN', $2, $3, '2026-04-15T12:00:00Z')`,
          [`snapshot-${written++}`, customer, team],
        );
      }
    })();
    const seen = new Set<number>();
    try {
      for (let i = 0; i < 20; i++) {
        const data = await api.data(answer, { p: { from, to }, from, to });
        const counts = [
          data.kpis.ticketCount,
          data.tickets.totalCount,
          data.kpiSlices.reduce((sum: number, slice: any) => sum + slice.kpis.ticketCount, 0),
        ];
        expect(new Set(counts).size, `answer ${i}: ${counts.join(' / ')}`).toBe(1);
        // Every new ticket is open, so backlog moves with the count.
        seen.add(data.kpis.ticketCount);
      }
    } finally {
      writing = false;
      await writer;
    }
    expect(written).toBeGreaterThan(0);
    // The writer did commit in between answers: they were not all the same state.
    expect(seen.size).toBeGreaterThan(1);
  });

  // PostgreSQL only: PGlite has one connection, so one lane.
  it.skipIf(!process.env.DATABASE_URL)('spreads its statements over two connections that see the same snapshot', async () => {
    const snapshot = await AnswerSnapshot.open(api.db.prisma, { repeatableRead: true, timeoutMs: 30_000, lanes: 2 });
    try {
      const [{ customer }] = (await api.db.sql.query<{ customer: number }>('SELECT min(id) AS customer FROM customer')) as [
        { customer: number },
      ];
      const [{ n: before }] = (await api.db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM ticket')) as [{ n: number }];
      // Committed after the snapshot was taken: neither lane may see it.
      await api.db.sql.query(
        `INSERT INTO ticket (external_id, subject, channel, priority, status, customer_id, created_at)
         VALUES ('lanes-1', 'lanes', 'WEB', 'LOW', 'OPEN', $1, '2026-04-15T12:00:00Z')`,
        [customer],
      );
      // Each statement holds its connection a moment, so the second one needs a lane of its own.
      const statement = Prisma.sql`SELECT pg_backend_pid() AS pid, (SELECT count(*)::int FROM ticket) AS n FROM (SELECT pg_sleep(0.3)) AS pause`;
      const answers = await Promise.all([0, 1].map(() => snapshot.client.$queryRaw<Array<{ pid: number; n: number }>>(statement)));
      const rows = answers.map(([row]) => row!);
      expect(new Set(rows.map((row) => row.pid)).size).toBe(2);
      expect(rows.map((row) => row.n)).toEqual([before, before]);
    } finally {
      await snapshot.close();
    }
  });
});
