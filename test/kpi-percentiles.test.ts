// Exact percentiles sort every value of a sample, the dearest part of a KPI statement: a family
// computes median and p90 only when the query reads them, and the numbers are the same whether
// or not its neighbours asked for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGlobalID } from '../server/graphql/global-id.js';
import { queryCreated } from '../server/kpi/families/created.js';
import { queryHandleTime } from '../server/kpi/families/handle-time.js';
import { queryResolved } from '../server/kpi/families/resolved.js';
import { bucketWindows } from '../server/kpi/period.js';
import type { DurationPercentiles, IntegerPercentiles, KpiRequest } from '../server/kpi/request.js';
import { seedDatabase } from '../server/seed/seed.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await seedDatabase(api.db, { tickets: 1500, seed: 11, until: new Date('2026-06-01T00:00:00Z'), days: 60, agents: 20, customers: 200 });
});
afterAll(() => api.close());

const p = { from: '2026-04-01T00:00:00Z', to: '2026-06-01T00:00:00Z' };

/**
 * The statements `query` issued that compute percentiles: by sorting, from a histogram (handle
 * time), or from the daily rollups' duration bins (their bins, then the values at the ranks).
 */
async function sortingStatements(query: string, variables: Record<string, unknown> = { p }): Promise<string[]> {
  const before = api.statements.length;
  const result = await api.graphql(query, variables);
  expect(result.errors).toBeUndefined();
  return api.statements
    .slice(before)
    .filter((sql) => sql.includes('percentile_cont') || sql.includes(' AS cum') || sql.includes('duration_bin'));
}

describe('percentiles only when read', () => {
  it('averages and counts sort nothing', async () => {
    const sorts = await sortingStatements(`query ($p: PeriodInput!) {
      kpis(period: $p) { firstResponseTime { average count } resolutionTime { average } averageHandleTime { average averageTalk } }
      kpiSlices(period: $p, granularity: MONTH, groupBy: [TEAM]) { kpis { averageHandleTime { average } } }
      agents(first: 5) { edges { node { kpis(period: $p) { resolutionTime { count } } } } } }`);
    expect(sorts).toEqual([]);
  });

  it('a median or p90 anywhere sorts that KPI only', async () => {
    const sorts = await sortingStatements(`query ($p: PeriodInput!) {
      kpis(period: $p) { firstResponseTime { median } resolutionTime { average } averageHandleTime { average } } }`);
    expect(sorts.length).toBeGreaterThan(0);
    expect(sorts.join('\n')).toContain('first_response_ms');
    expect(sorts.join('\n')).not.toMatch(/resolution_ms|handle_seconds/);
    const viaFragment = await sortingStatements(`query ($p: PeriodInput!) { kpis(period: $p) { ...Handle } }
      fragment Handle on KpiSet { averageHandleTime { ... on HandleTimeStats { p90 } } }`);
    expect(viaFragment.length).toBeGreaterThan(0);
    expect(viaFragment.join('\n')).toContain('handle_seconds');
    expect(viaFragment.join('\n')).not.toMatch(/first_response_ms|resolution_ms/);
    const compared = await sortingStatements(`query ($p: PeriodInput!) {
      kpis(period: $p) { comparison { previous { resolutionTime { average } } } } }`);
    expect(compared.length).toBeGreaterThan(0);
    expect(compared.join('\n')).not.toMatch(/first_response_ms|handle_seconds/);
  });

  it('gives the same numbers with and without percentiles alongside', async () => {
    const lean = await api.data(
      `query ($p: PeriodInput!) {
      kpis(period: $p) { firstResponseTime { average count } averageHandleTime { average count averageHold } } }`,
      { p },
    );
    const full = await api.data(
      `query ($p: PeriodInput!) {
      kpis(period: $p) { firstResponseTime { average count median p90 } averageHandleTime { average count averageHold median p90 } } }`,
      { p },
    );
    expect(full.kpis.firstResponseTime.median).not.toBeNull();
    expect(full.kpis.averageHandleTime.p90).not.toBeNull();
    expect(lean.kpis.firstResponseTime).toEqual({ average: full.kpis.firstResponseTime.average, count: full.kpis.firstResponseTime.count });
    expect(lean.kpis.averageHandleTime).toEqual({
      average: full.kpis.averageHandleTime.average,
      count: full.kpis.averageHandleTime.count,
      averageHold: full.kpis.averageHandleTime.averageHold,
    });
  });

  it('computes handle time from its histogram and by sorting to the same numbers, on either database', async () => {
    // PostgreSQL reads the histogram, the embedded database sorts (KpiRequest.integerPercentiles):
    // here both run on the database under test, by month and agent and over the whole period.
    const period = { from: new Date(p.from), to: new Date(p.to), timeZone: 'UTC' };
    for (const [windows, groupBy] of [
      [bucketWindows(period, 'MONTH'), ['AGENT']],
      [[{ label: period.from, start: period.from, end: period.to }], []],
    ] as const) {
      const request = (integerPercentiles: IntegerPercentiles) =>
        queryHandleTime({ db: api.db.prisma, windows: [...windows], groupBy: [...groupBy], filter: {}, integerPercentiles });
      const histogram = await request('histogram');
      expect(histogram.some((cells) => cells.size > 0)).toBe(true);
      expect(await request('sort')).toEqual(histogram);
    }
  });

  it("computes medians and p90s from the daily rollups' bins and by sorting to the same numbers, on either database", async () => {
    // PostgreSQL reads the bins, the embedded database sorts (KpiRequest.durationPercentiles):
    // here both run on the database under test, over whole UTC days and over São Paulo months
    // (whose edges are partial days read from the raw rows), grouped, filtered and not.
    const utc = { from: new Date(p.from), to: new Date(p.to), timeZone: 'UTC' };
    const saoPaulo = { from: new Date('2026-04-01T03:00:00Z'), to: new Date('2026-06-01T03:00:00Z'), timeZone: 'America/Sao_Paulo' };
    const shapes: Array<Pick<KpiRequest, 'windows' | 'groupBy' | 'filter' | 'timeZone'>> = [
      { windows: [{ label: utc.from, start: utc.from, end: utc.to }], groupBy: [], filter: {} },
      { windows: bucketWindows(utc, 'MONTH'), groupBy: ['TEAM'], filter: {} },
      { windows: bucketWindows(saoPaulo, 'MONTH'), groupBy: ['CHANNEL'], filter: {}, timeZone: saoPaulo.timeZone },
      { windows: bucketWindows(saoPaulo, 'WEEK'), groupBy: [], filter: { priorities: ['HIGH', 'URGENT'] }, timeZone: saoPaulo.timeZone },
    ];
    for (const shape of shapes) {
      for (const family of [queryCreated, queryResolved, queryHandleTime]) {
        const request = (durationPercentiles: DurationPercentiles) =>
          family({ db: api.db.prisma, ...shape, rollups: true, durationPercentiles });
        const bins = await request('bins');
        expect(bins.some((cells) => cells.size > 0)).toBe(true);
        const sorted = await request('sort');
        expect(bins.map((cells) => [...cells.keys()].sort())).toEqual(sorted.map((cells) => [...cells.keys()].sort()));
        sorted.forEach((cells, window) => {
          for (const [key, cell] of cells) {
            // The duration statistics (handle time's are the values themselves): percentiles
            // interpolated exactly alike, averages to the last digits.
            const durations = (values: object) =>
              'median' in values
                ? { handleTime: values as Record<string, number | null> }
                : (Object.fromEntries(
                    Object.entries(values).filter(([, v]) => typeof v === 'object' && v !== null && 'median' in v),
                  ) as Record<string, Record<string, number | null>>);
            const binned = durations(bins[window]!.get(key)!.values as object);
            const found = Object.entries(durations(cell.values as object));
            expect(found.length).toBe(1);
            for (const [name, stats] of found) {
              const other = binned[name]!;
              expect(other.count, `${family.name} ${key} ${name}`).toBe(stats.count);
              expect(other.median, `${family.name} ${key} ${name}`).toBe(stats.median);
              expect(other.p90, `${family.name} ${key} ${name}`).toBe(stats.p90);
              if (stats.average == null) expect(other.average).toBeNull();
              else expect(other.average).toBeCloseTo(stats.average, 6);
            }
          }
        });
      }
    }
  });

  it('computes handle time exactly as percentile_cont and avg over every interaction', async () => {
    const data = await api.data(
      `query ($p: PeriodInput!) {
      kpiSlices(period: $p, granularity: MONTH, groupBy: [AGENT]) { bucketStart group { agent { id } }
        kpis { averageHandleTime { count average median p90 averageTalk averageHold averageWrapUp } } } }`,
      { p },
    );
    const rows = await api.db.sql.query<Record<string, number | Date>>(
      `SELECT date_trunc('month', started_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS month, agent_id, count(*)::int AS count,
         avg(handle_seconds)::float8 AS average,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY handle_seconds)::float8 AS median,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY handle_seconds)::float8 AS p90,
         avg(talk_seconds)::float8 AS talk, avg(hold_seconds)::float8 AS hold, avg(wrap_up_seconds)::float8 AS wrap_up
       FROM interaction WHERE started_at >= $1 AND started_at < $2 GROUP BY 1, 2`,
      [p.from, p.to],
    );
    const expected = new Map(rows.map((row) => [`${new Date(row.month!).getTime()}|${row.agent_id}`, row]));
    const slices = data.kpiSlices.filter((slice: { group: { agent: unknown } }) => slice.group.agent);
    expect(slices.length).toBe(rows.length);
    for (const slice of slices) {
      const row = expected.get(`${new Date(slice.bucketStart).getTime()}|${decodeGlobalID(slice.group.agent.id).id}`);
      expect(row, JSON.stringify(slice)).toBeDefined();
      const aht = slice.kpis.averageHandleTime;
      expect([aht.count, aht.average, aht.median, aht.p90, aht.averageTalk, aht.averageHold, aht.averageWrapUp]).toEqual([
        row!.count,
        row!.average,
        row!.median,
        row!.p90,
        row!.talk,
        row!.hold,
        row!.wrap_up,
      ]);
    }
  });
});
