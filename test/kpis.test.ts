// Every KPI of kpis(period:) against numbers worked out by hand from test/support/kpi-fixture.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_KPIS, loadKpiFixture, MARCH } from './support/kpi-fixture.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await loadKpiFixture(api.db.prisma);
});
afterAll(() => api.close());

const kpisQuery = `query ($period: PeriodInput!, $filter: KpiFilter) { kpis(period: $period, filter: $filter) { ${ALL_KPIS} } }`;

describe('kpis over March 2026', () => {
  it('computes every KPI as docs/kpis.md defines it', async () => {
    const { kpis } = await api.data(kpisQuery, { period: MARCH });
    expect(kpis).toEqual({
      // Created in [from, to): k1 (exactly at from), k2, k3, k4, k5 (1 s before to), k8, k9.
      ticketCount: 7,
      // Resolved in [from, to): k1, k2, k3, k6 (exactly at from), k9; not k8 (exactly at to) nor k5.
      resolvedCount: 5,
      // Open at to: k4 and k7 unresolved, k5 and k8 resolved at or after to.
      backlog: 4,
      // k1 60 s, k2 600, k3 30, k5 30 (answered after to, placed by createdAt), k8 3600.
      // p90 = 600 + 0.6 * (3600 - 600).
      firstResponseTime: { count: 5, average: 864, median: 60, p90: 2400 },
      // k9 1200, k3 1800, k1 3600, k2 86400, k6 136800 (Feb 27 10:00 to Mar 1 00:00: 38 h).
      // p90 = 86400 + 0.6 * (136800 - 86400).
      resolutionTime: { count: 5, average: 45960, median: 3600, p90: 116640 },
      // Resolved with contact: k1 yes, k6 yes (its interaction was before from), k2 reopened, k3 two contacts; k9 had none.
      firstContactResolution: { value: 0.5, numerator: 2, denominator: 4 },
      // Started in March: 360, 300, 780, 300. p90 = 360 + 0.7 * (780 - 360).
      averageHandleTime: { count: 4, average: 435, median: 330, p90: 654, averageTalk: 350, averageHold: 30, averageWrapUp: 55 },
      // 10 and 9 promote, 7 is passive, 3 detracts; the 0 at exactly to does not count.
      nps: { score: 25, promoters: 2, passives: 1, detractors: 1, responses: 4 },
      // 5, 3, 4, 2 (the 5 of February does not count).
      csat: { rate: { value: 0.5, numerator: 2, denominator: 4 }, average: 3.5, responses: 4 },
      ces: { average: 4.5, lowEffort: { value: 0.5, numerator: 1, denominator: 2 }, responses: 2 },
      // k1 and k9 were answered by the article.
      selfServiceOpportunity: { value: 2 / 7, numerator: 2, denominator: 7 },
      // S: Acme, Bolt. E: Acme. N: Cato (joined and churned in March). Churned from S: Bolt.
      customersAtStart: 2,
      customersAtEnd: 1,
      newCustomers: 1,
      retentionRate: { value: 0, numerator: 0, denominator: 2 },
      churnRate: { value: 0.5, numerator: 1, denominator: 2 },
    });
  });

  it('returns zero counts and null averages and rates for an empty period', async () => {
    const { kpis } = await api.data(kpisQuery, { period: { from: '2030-01-01T00:00:00Z', to: '2030-02-01T00:00:00Z' } });
    expect(kpis).toMatchObject({
      ticketCount: 0,
      resolvedCount: 0,
      backlog: 2, // k4 and k7 were never resolved; k5 and k8 were, in April 2026
      firstResponseTime: { count: 0, average: null, median: null, p90: null },
      firstContactResolution: { value: null, numerator: 0, denominator: 0 },
      averageHandleTime: { count: 0, average: null, averageTalk: null },
      nps: { score: null, responses: 0 },
      csat: { rate: { value: null, numerator: 0, denominator: 0 }, average: null, responses: 0 },
      ces: { average: null, lowEffort: { value: null } },
      selfServiceOpportunity: { value: null, numerator: 0, denominator: 0 },
      customersAtStart: 2, // Acme and Dino
      newCustomers: 0,
      churnRate: { value: 0, numerator: 0, denominator: 2 },
    });
    const before = await api.data(kpisQuery, { period: { from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z' } });
    expect(before.kpis).toMatchObject({
      backlog: 0,
      customersAtStart: 0,
      retentionRate: { value: null, denominator: 0 },
      churnRate: { value: null },
    });
  });

  it('applies filters to every family', async () => {
    const { kpis } = await api.data(
      `query ($period: PeriodInput!) { kpis(period: $period, filter: { channels: [CHAT] }) {
        ticketCount resolvedCount firstContactResolution { value numerator denominator }
        averageHandleTime { count } csat { responses } ces { responses } nps { responses } } }`,
      { period: MARCH },
    );
    // CHAT tickets created in March: k1, k5, k9; resolved: k1, k6, k9; FCR: k1, k6 both yes.
    expect(kpis.ticketCount).toBe(3);
    expect(kpis.resolvedCount).toBe(3);
    expect(kpis.firstContactResolution).toEqual({ value: 1, numerator: 2, denominator: 2 });
    // Interactions on CHAT tickets in March: i1 only.
    expect(kpis.averageHandleTime.count).toBe(1);
    // Surveys linked to CHAT tickets: CSAT 5 on k1, CES 6 on k1.
    expect(kpis.csat.responses).toBe(1);
    expect(kpis.ces.responses).toBe(1);
    expect(kpis.nps.responses).toBe(0);
  });

  it('filters by customer segment, the one filter customer KPIs accept', async () => {
    const { kpis } = await api.data(
      `query ($period: PeriodInput!) { kpis(period: $period, filter: { customerSegments: ["smb"] }) {
        ticketCount customersAtStart customersAtEnd churnRate { value } csat { responses } } }`,
      { period: MARCH },
    );
    // Bolt's tickets created in March: k3, k4, k9. Bolt: at start, churned in March.
    expect(kpis).toEqual({ ticketCount: 3, customersAtStart: 1, customersAtEnd: 0, churnRate: { value: 1 }, csat: { responses: 2 } });
  });
});

describe('comparison with the previous period', () => {
  it('compares with the interval of the same length that ends at from', async () => {
    // 2026-03-02 .. 2026-03-04 against 2026-02-28 .. 2026-03-02.
    const { kpis } = await api.data(`{
      kpis(period: { from: "2026-03-02T00:00:00Z", to: "2026-03-04T00:00:00Z" }) {
        ticketCount resolvedCount
        comparison {
          from to
          previous { ticketCount resolvedCount csat { rate { value } } }
          change {
            ticketCount { current previous absolute relative }
            resolvedCount { current previous absolute relative }
            csat { current previous absolute relative }
            nps { current previous absolute relative }
          }
        }
      }
    }`);
    expect(kpis.ticketCount).toBe(1); // k2
    expect(kpis.resolvedCount).toBe(1); // k2
    expect(kpis.comparison.from).toBe('2026-02-28T00:00:00.000Z');
    expect(kpis.comparison.to).toBe('2026-03-02T00:00:00.000Z');
    // Before: created k1; resolved k1 and k6; CSAT: 5 (Feb 28) and 5 (Mar 1) → 100%.
    expect(kpis.comparison.previous).toEqual({ ticketCount: 1, resolvedCount: 2, csat: { rate: { value: 1 } } });
    expect(kpis.comparison.change.ticketCount).toEqual({ current: 1, previous: 1, absolute: 0, relative: 0 });
    expect(kpis.comparison.change.resolvedCount).toEqual({ current: 1, previous: 2, absolute: -1, relative: -0.5 });
    // Now: CES 6 on Mar 2 is not CSAT; no CSAT answered → null, so no change.
    expect(kpis.comparison.change.csat).toEqual({ current: null, previous: 1, absolute: null, relative: null });
    expect(kpis.comparison.change.nps).toEqual({ current: null, previous: null, absolute: null, relative: null });
  });

  it('computes the previous period in the same statements as the current one', async () => {
    const period = { from: '2026-03-02T00:00:00Z', to: '2026-03-04T00:00:00Z' };
    const plain = await api.countStatements(() =>
      api.data('query ($p: PeriodInput!) { kpis(period: $p) { ticketCount csat { average } } }', { p: period }),
    );
    const compared = await api.countStatements(() =>
      api.data(
        'query ($p: PeriodInput!) { kpis(period: $p) { ticketCount csat { average } comparison { change { ticketCount { absolute } csat { absolute } } } } }',
        { p: period },
      ),
    );
    expect(plain).toBe(2);
    expect(compared).toBe(plain);
  });
});

describe('statements per KPI family', () => {
  it('runs only the families a query selects', async () => {
    const only = (selection: string) =>
      api.countStatements(() => api.data(`query ($p: PeriodInput!) { kpis(period: $p) { ${selection} } }`, { p: MARCH }));
    expect(await only('ticketCount')).toBe(1);
    expect(await only('ticketCount firstResponseTime { average } selfServiceOpportunity { value }')).toBe(1);
    expect(await only('nps { score } csat { average } ces { average }')).toBe(1);
    // First contact resolution is read from the resolved tickets' statement.
    expect(await only('resolvedCount firstContactResolution { value }')).toBe(1);
    // Six families. On PostgreSQL the exact percentiles of its three durations are two statements
    // more each (their bins in the daily rollups, then the values at the ranks); the embedded
    // database sorts them in the families' own statements (KpiRequest.durationPercentiles).
    expect(await only(ALL_KPIS)).toBe(api.db.kind === 'postgres' ? 12 : 6);
  });
});
