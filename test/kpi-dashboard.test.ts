// The dashboard answers of the second round against numbers worked out by hand from
// test/support/kpi-fixture.ts (March 2026) and test/support/dashboard-fixture.ts: top N per
// bucket, comparison with last year, hour-of-day and weekday groups, confidence and lowSample,
// drill-down by outcome, and bucket starts in local time, with DST and time zones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDashboardFixture } from './support/dashboard-fixture.js';
import { loadKpiFixture, MARCH } from './support/kpi-fixture.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;

const NEW_YORK = 'America/New_York';
const SAO_PAULO = 'America/Sao_Paulo';
/** March 2026 in New York: EST at the start, EDT at the end. */
const MARCH_NY = { from: '2026-03-01T05:00:00Z', to: '2026-04-01T04:00:00Z', timeZone: NEW_YORK };

beforeAll(async () => {
  api = await startTestApi();
  const ids = await loadKpiFixture(api.db.prisma);
  await loadDashboardFixture(api.db.prisma, ids.agents.a.id);
});
afterAll(() => api.close());

const slicesQuery = (selection: string) => `query ($p: PeriodInput!, $g: Granularity, $by: [KpiDimension!], $o: KpiSliceOrder, $n: Int) {
  kpiSlices(period: $p, granularity: $g, groupBy: $by, orderBy: $o, first: $n) { ${selection} } }`;

async function errorOf(query: string, variables: Record<string, unknown>) {
  const result = await api.graphql(query, variables);
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return result.errors![0]!.message;
}

describe('top N: orderBy and first', () => {
  // CSAT in March by the linked ticket's assignee: Bruno 1/1, Ana 1/2, no agent 0/1, Carla no responses (null; her ticket k5 brings her group).
  it('orders by the headline value, nulls last in both directions', async () => {
    const query = slicesQuery('group { agent { name } } kpis { ticketCount csat { rate { value } } }');
    const desc = await api.data(query, { p: MARCH, by: ['AGENT'], o: { kpi: 'CSAT', direction: 'DESC' } });
    expect(desc.kpiSlices.map((s: any) => [s.group.agent?.name ?? null, s.kpis.csat.rate.value])).toEqual([
      ['Bruno', 1],
      ['Ana', 0.5],
      [null, 0],
      ['Carla', null],
    ]);
    const asc = await api.data(query, { p: MARCH, by: ['AGENT'], o: { kpi: 'CSAT', direction: 'ASC' } });
    expect(asc.kpiSlices.map((s: any) => [s.group.agent?.name ?? null, s.kpis.csat.rate.value])).toEqual([
      [null, 0],
      ['Ana', 0.5],
      ['Bruno', 1],
      ['Carla', null],
    ]);
  });

  it('keeps the first N, ties in the default group order, and orders by a KPI that is not selected', async () => {
    // Tickets created in March: Ana 3, Bruno 2, Carla 1, no agent 1 (Carla before the null group).
    const { kpiSlices } = await api.data(slicesQuery('group { agent { name } }'), {
      p: MARCH,
      by: ['AGENT'],
      o: { kpi: 'TICKET_COUNT', direction: 'DESC' },
      n: 3,
    });
    expect(kpiSlices.map((s: any) => s.group.agent?.name ?? null)).toEqual(['Ana', 'Bruno', 'Carla']);
  });

  it('ranks within each bucket', async () => {
    // AHT: February only Ana's 400 s (k6); March Bruno 780, Ana 330, Carla 300.
    const { kpiSlices } = await api.data(slicesQuery('bucketStart group { agent { name } } kpis { averageHandleTime { average } }'), {
      p: { from: '2026-02-01T00:00:00Z', to: '2026-04-01T00:00:00Z' },
      g: 'MONTH',
      by: ['AGENT'],
      o: { kpi: 'AVERAGE_HANDLE_TIME', direction: 'DESC' },
      n: 1,
    });
    expect(kpiSlices.map((s: any) => [s.bucketStart, s.group.agent.name, s.kpis.averageHandleTime.average])).toEqual([
      ['2026-02-01T00:00:00.000Z', 'Ana', 400],
      ['2026-03-01T00:00:00.000Z', 'Bruno', 780],
    ]);
  });

  it('refuses ordering without groupBy, a first below 1, and a KPI the grouping cannot reach', async () => {
    const query = slicesQuery('kpis { ticketCount }');
    expect(await errorOf(query, { p: MARCH, o: { kpi: 'CSAT', direction: 'DESC' } })).toBe(
      'orderBy needs groupBy: it ranks the groups within each bucket (e.g. groupBy: [AGENT] for the top agents)',
    );
    expect(await errorOf(query, { p: MARCH, n: 5 })).toBe(
      'first needs groupBy: it ranks the groups within each bucket (e.g. groupBy: [AGENT] for the top agents)',
    );
    expect(await errorOf(query, { p: MARCH, by: ['TEAM'], n: 0 })).toBe('first must be at least 1 (slices kept per bucket); got 0');
    expect(await errorOf(query, { p: MARCH, by: ['AGENT'], o: { kpi: 'CHURN_RATE', direction: 'DESC' } })).toBe(
      'churnRate cannot be grouped by AGENT: customer KPIs can only be grouped by CUSTOMER_SEGMENT and filtered by customerSegments',
    );
  });

  it('orders by every KPI that exists', async () => {
    const keys = [
      'TICKET_COUNT',
      'RESOLVED_COUNT',
      'BACKLOG',
      'FIRST_RESPONSE_TIME',
      'RESOLUTION_TIME',
      'FIRST_CONTACT_RESOLUTION',
      'AVERAGE_HANDLE_TIME',
      'NPS',
      'CSAT',
      'CES',
      'SELF_SERVICE_OPPORTUNITY',
      'FIRST_RESPONSE_BUSINESS_TIME',
      'RESOLUTION_BUSINESS_TIME',
      'FIRST_RESPONSE_SLA',
      'RESOLUTION_SLA',
    ];
    const query =
      slicesQuery(`group { team { name } } kpis { ticketCount resolvedCount backlog firstResponseTime { average } resolutionTime { average }
      firstContactResolution { value } averageHandleTime { average } nps { score } csat { rate { value } } ces { average } selfServiceOpportunity { value }
      firstResponseBusinessTime { average } resolutionBusinessTime { average } firstResponseSla { rate { value } } resolutionSla { rate { value } } }`);
    const headline = (k: any, key: string) =>
      ({
        TICKET_COUNT: k.ticketCount,
        RESOLVED_COUNT: k.resolvedCount,
        BACKLOG: k.backlog,
        FIRST_RESPONSE_TIME: k.firstResponseTime.average,
        RESOLUTION_TIME: k.resolutionTime.average,
        FIRST_CONTACT_RESOLUTION: k.firstContactResolution.value,
        AVERAGE_HANDLE_TIME: k.averageHandleTime.average,
        NPS: k.nps.score,
        CSAT: k.csat.rate.value,
        CES: k.ces.average,
        SELF_SERVICE_OPPORTUNITY: k.selfServiceOpportunity.value,
        FIRST_RESPONSE_BUSINESS_TIME: k.firstResponseBusinessTime.average,
        RESOLUTION_BUSINESS_TIME: k.resolutionBusinessTime.average,
        FIRST_RESPONSE_SLA: k.firstResponseSla.rate.value,
        RESOLUTION_SLA: k.resolutionSla.rate.value,
      })[key] as number | null;
    for (const key of keys) {
      const { kpiSlices } = await api.data(query, { p: MARCH, by: ['TEAM'], o: { kpi: key, direction: 'DESC' } });
      const values = kpiSlices.map((s: any) => headline(s.kpis, key));
      const present = values.filter((v: number | null) => v !== null);
      expect(present, key).toEqual([...present].sort((a, b) => b - a));
      expect(
        values.slice(present.length).every((v: number | null) => v === null),
        key,
      ).toBe(true);
    }
    const customers = await api.data(
      slicesQuery(
        'group { customerSegment } kpis { customersAtStart customersAtEnd newCustomers retentionRate { value } churnRate { value } }',
      ),
      {
        p: MARCH,
        by: ['CUSTOMER_SEGMENT'],
        o: { kpi: 'CHURN_RATE', direction: 'DESC' },
      },
    );
    // Churn: smb 1/2 (Bolt left; Zeta of the dashboard fixture stayed), enterprise 0/1, the null segment 0/0 (null, last).
    expect(customers.kpiSlices.map((s: any) => [s.group.customerSegment, s.kpis.churnRate.value])).toEqual([
      ['smb', 0.5],
      ['enterprise', 0],
      [null, null],
    ]);
    for (const key of ['CUSTOMERS_AT_START', 'CUSTOMERS_AT_END', 'NEW_CUSTOMERS', 'RETENTION_RATE']) {
      const result = await api.graphql(slicesQuery('kpis { newCustomers }'), {
        p: MARCH,
        by: ['CUSTOMER_SEGMENT'],
        o: { kpi: key, direction: 'ASC' },
      });
      expect(result.errors, key).toBeUndefined();
    }
    // New customers ascending: enterprise 0, smb 0, null segment 1 (Cato).
    const byNew = await api.data(slicesQuery('group { customerSegment } kpis { newCustomers }'), {
      p: MARCH,
      by: ['CUSTOMER_SEGMENT'],
      o: { kpi: 'NEW_CUSTOMERS', direction: 'DESC' },
      n: 1,
    });
    expect(byNew.kpiSlices).toEqual([{ group: { customerSegment: null }, kpis: { newCustomers: 1 } }]);
  });
});

describe('comparison with last year', () => {
  it('compares a month in New York with the same local month a year earlier', async () => {
    const { kpis } = await api.data(
      `query ($p: PeriodInput!) { kpis(period: $p) { ticketCount
      comparison(against: PREVIOUS_YEAR) { against from to previous { ticketCount } change { ticketCount { current previous absolute relative } } } } }`,
      { p: MARCH_NY },
    );
    // March 2026 in New York: k2, k3, k4, k5, k8, k9 (k1 at 00:00Z is still February 28 there).
    // March 2025: ny-first (exactly at from) and ny-last; not ny-before nor ny-after (exactly at to).
    expect(kpis).toEqual({
      ticketCount: 6,
      comparison: {
        against: 'PREVIOUS_YEAR',
        from: '2025-03-01T05:00:00.000Z',
        to: '2025-04-01T04:00:00.000Z',
        previous: { ticketCount: 2 },
        change: { ticketCount: { current: 6, previous: 2, absolute: 4, relative: 2 } },
      },
    });
  });

  it('compares each bucket with its own bucket a year earlier, beside the previous period, in the same statements', async () => {
    const p = { from: '2026-02-01T05:00:00Z', to: '2026-04-01T04:00:00Z', timeZone: NEW_YORK };
    const both = `query ($p: PeriodInput!) { kpiSlices(period: $p, granularity: MONTH) { bucketStart kpis { ticketCount
      year: comparison(against: PREVIOUS_YEAR) { from to previous { ticketCount } }
      period: comparison { against from to } } } }`;
    const { kpiSlices } = await api.data(both, { p });
    expect(kpiSlices).toEqual([
      {
        // February 2026 in New York: k7, k6, and k1 (Feb 28 19:00 EST); February 2025: ny-before.
        bucketStart: '2026-02-01T05:00:00.000Z',
        kpis: {
          ticketCount: 3,
          year: { from: '2025-02-01T05:00:00.000Z', to: '2025-03-01T05:00:00.000Z', previous: { ticketCount: 1 } },
          // 28 days before the bucket.
          period: { against: 'PREVIOUS_PERIOD', from: '2026-01-04T05:00:00.000Z', to: '2026-02-01T05:00:00.000Z' },
        },
      },
      {
        bucketStart: '2026-03-01T05:00:00.000Z',
        kpis: {
          ticketCount: 6,
          year: { from: '2025-03-01T05:00:00.000Z', to: '2025-04-01T04:00:00.000Z', previous: { ticketCount: 2 } },
          // 30 days and 23 hours (the bucket lost an hour to DST) before 2026-03-01T05:00Z.
          period: { against: 'PREVIOUS_PERIOD', from: '2026-01-29T06:00:00.000Z', to: '2026-03-01T05:00:00.000Z' },
        },
      },
    ]);
    const plain = `query ($p: PeriodInput!) { kpiSlices(period: $p, granularity: MONTH) { kpis { ticketCount } } }`;
    // A document not asked before (answers are cached by document and variables).
    const again = both.replace('year: comparison', 'lastYear: comparison');
    expect(await api.countStatements(() => api.data(again, { p }))).toBe(await api.countStatements(() => api.data(plain, { p })));
  });

  it("moves February 29 to February 28, a time in last year's DST gap forward, and an ambiguous one to the earlier instant", async () => {
    const compared = async (p: Record<string, string>) =>
      (await api.data(`query ($p: PeriodInput!) { kpis(period: $p) { comparison(against: PREVIOUS_YEAR) { from to } } }`, { p })).kpis
        .comparison;
    expect(await compared({ from: '2028-02-29T00:00:00Z', to: '2028-03-01T00:00:00Z' })).toEqual({
      from: '2027-02-28T00:00:00.000Z',
      to: '2027-03-01T00:00:00.000Z',
    });
    // 2027-03-08 02:30 EST; on 2026-03-08 New York skipped 02:00-03:00, so 02:30 is 03:30 EDT. Midnight of Mar 9 is EDT in 2026.
    expect(await compared({ from: '2027-03-08T07:30:00Z', to: '2027-03-09T05:00:00Z', timeZone: NEW_YORK })).toEqual({
      from: '2026-03-08T07:30:00.000Z',
      to: '2026-03-09T04:00:00.000Z',
    });
    // 2027-11-01 01:30 EDT; 2026-11-01 01:30 happened twice: the first (EDT). 03:00 that day is EST.
    expect(await compared({ from: '2027-11-01T05:30:00Z', to: '2027-11-01T07:00:00Z', timeZone: NEW_YORK })).toEqual({
      from: '2026-11-01T05:30:00.000Z',
      to: '2026-11-01T08:00:00.000Z',
    });
  });

  it('works on entity KPIs', async () => {
    const { agents } = await api.data(
      `query ($p: PeriodInput!) { agents(first: 1, orderBy: { field: NAME, direction: ASC }) { edges { node { name
      kpis(period: $p) { ticketCount comparison(against: PREVIOUS_YEAR) { previous { ticketCount } } } } } } }`,
      { p: MARCH_NY },
    );
    // Ana: k2 and k8 in March 2026 (New York); the four 2025 tickets are hers, two in March 2025.
    expect(agents.edges[0].node).toEqual({ name: 'Ana', kpis: { ticketCount: 2, comparison: { previous: { ticketCount: 2 } } } });
  });
});

describe('HOUR_OF_DAY and DAY_OF_WEEK', () => {
  const byTime = slicesQuery('group { hourOfDay dayOfWeek channel } kpis { ticketCount }');
  const rows = (slices: any[]) => slices.map((s) => [s.group.hourOfDay ?? s.group.dayOfWeek, s.kpis.ticketCount]);

  it("groups by the local hour of the placing timestamp, in the period's time zone", async () => {
    // Created in March (UTC): k1 00:00, k2 10:00, k3 12:00, k4 08:00, k5 23:59:59, k8 00:00, k9 00:00.
    expect(rows((await api.data(byTime, { p: MARCH, by: ['HOUR_OF_DAY'] })).kpiSlices)).toEqual([
      [0, 3],
      [8, 1],
      [10, 1],
      [12, 1],
      [23, 1],
    ]);
    // The same tickets in São Paulo (UTC-3): 21, 07, 09, 05, 20, 21, 21.
    const sp = await api.data(byTime, { p: { ...MARCH, timeZone: SAO_PAULO }, by: ['HOUR_OF_DAY'] });
    expect(rows(sp.kpiSlices)).toEqual([
      [5, 1],
      [7, 1],
      [9, 1],
      [20, 1],
      [21, 3],
    ]);
  });

  it('groups each family by its own timestamp', async () => {
    // Interactions started in March (UTC): 00:01 (360 s), 10:10 (300 s), 12:00:30 (780 s), 12:15 (300 s).
    const { kpiSlices } = await api.data(slicesQuery('group { hourOfDay } kpis { averageHandleTime { count average } }'), {
      p: MARCH,
      by: ['HOUR_OF_DAY'],
    });
    expect(kpiSlices.map((s: any) => [s.group.hourOfDay, s.kpis.averageHandleTime.count, s.kpis.averageHandleTime.average])).toEqual([
      [0, 1, 360],
      [10, 1, 300],
      [12, 2, 540],
    ]);
  });

  it('groups by ISO weekday, combined with another dimension', async () => {
    // 2026-03-01 is a Sunday. k1 Sun CHAT, k2 Mon EMAIL, k3 Tue PHONE, k4 Sun WEB, k5 Tue CHAT, k8 Fri EMAIL, k9 Thu CHAT.
    const { kpiSlices } = await api.data(byTime, { p: MARCH, by: ['DAY_OF_WEEK', 'CHANNEL'] });
    expect(kpiSlices.map((s: any) => [s.group.dayOfWeek, s.group.channel, s.kpis.ticketCount])).toEqual([
      [1, 'EMAIL', 1],
      [2, 'CHAT', 1],
      [2, 'PHONE', 1],
      [4, 'CHAT', 1],
      [5, 'EMAIL', 1],
      [7, 'CHAT', 1],
      [7, 'WEB', 1],
    ]);
    // In São Paulo k1 is Saturday 21:00, k8 Thursday and k9 Wednesday.
    const sp = await api.data(byTime, { p: { ...MARCH, timeZone: SAO_PAULO }, by: ['DAY_OF_WEEK'] });
    expect(rows(sp.kpiSlices)).toEqual([
      [1, 1],
      [2, 2],
      [3, 1],
      [4, 1],
      [6, 1],
      [7, 1],
    ]);
  });

  it('follows DST: the repeated hour counts twice in hour 1, the skipped hour is empty', async () => {
    const fallDay = { from: '2026-11-01T04:00:00Z', to: '2026-11-02T05:00:00Z', timeZone: NEW_YORK };
    expect(rows((await api.data(byTime, { p: fallDay, by: ['HOUR_OF_DAY'] })).kpiSlices)).toEqual([[1, 2]]);
    const springDay = { from: '2027-03-14T05:00:00Z', to: '2027-03-15T04:00:00Z', timeZone: NEW_YORK };
    expect(rows((await api.data(byTime, { p: springDay, by: ['HOUR_OF_DAY'] })).kpiSlices)).toEqual([
      [1, 1],
      [3, 1],
    ]);
    // Both days are Sundays (7) in New York.
    expect(rows((await api.data(byTime, { p: springDay, by: ['DAY_OF_WEEK'] })).kpiSlices)).toEqual([[7, 2]]);
  });

  it('costs one statement per family, with ordering and time of day, however many groups', async () => {
    const p = { from: '2026-02-01T00:00:00Z', to: '2026-04-01T00:00:00Z', timeZone: SAO_PAULO };
    const query = slicesQuery('group { hourOfDay dayOfWeek } kpis { ticketCount csat { rate { value confidence95 { low } } } }');
    const ranked = { p, g: 'WEEK', by: ['DAY_OF_WEEK', 'HOUR_OF_DAY'], o: { kpi: 'CSAT', direction: 'DESC' }, n: 3 };
    const plain = { p, g: 'MONTH' };
    // Two families (tickets by creation, surveys) either way.
    expect(await api.countStatements(() => api.data(query, ranked))).toBe(2);
    expect(await api.countStatements(() => api.data(query, plain))).toBe(2);
  });

  it('refuses to list the backlog of an hour', async () => {
    expect(await errorOf(slicesQuery('tickets(basis: BACKLOG) { totalCount }'), { p: MARCH, by: ['HOUR_OF_DAY'] })).toBe(
      'tickets(basis: BACKLOG) cannot list a slice grouped by HOUR_OF_DAY or DAY_OF_WEEK: it is counted at an instant (the end or start of a period), not at a time of day',
    );
  });

  it('refuses backlog and customer KPIs by time of day, by name', async () => {
    expect(await errorOf(slicesQuery('kpis { backlog }'), { p: MARCH, by: ['HOUR_OF_DAY'] })).toBe(
      'backlog cannot be grouped by HOUR_OF_DAY: backlog counts what is open at the end of a period, which has no hour of day or weekday; group it by the other dimensions',
    );
    expect(await errorOf(slicesQuery('kpis { customersAtStart }'), { p: MARCH, by: ['DAY_OF_WEEK'] })).toBe(
      'customersAtStart cannot be grouped by DAY_OF_WEEK: customer KPIs can only be grouped by CUSTOMER_SEGMENT and filtered by customerSegments',
    );
  });

  it('drills down to exactly the records of each hour', async () => {
    const { kpiSlices } = await api.data(
      slicesQuery(`group { hourOfDay }
      kpis { ticketCount resolvedCount firstContactResolution { numerator denominator } averageHandleTime { count } csat { responses } nps { responses } }
      created: tickets(basis: CREATED) { totalCount edges { node { createdAt } } }
      resolved: tickets(basis: RESOLVED) { totalCount }
      fcrYes: tickets(basis: FCR_RESOLVED) { totalCount }
      fcrAll: tickets(basis: FCR_ELIGIBLE) { totalCount }
      interactions { totalCount }
      csat: surveyResponses(kinds: [CSAT]) { totalCount }
      nps: surveyResponses(kinds: [NPS]) { totalCount }`),
      { p: { ...MARCH, timeZone: SAO_PAULO }, by: ['HOUR_OF_DAY'] },
    );
    expect(kpiSlices.length).toBeGreaterThan(5);
    for (const s of kpiSlices) {
      const k = s.kpis;
      expect([
        s.created.totalCount,
        s.resolved.totalCount,
        s.fcrYes.totalCount,
        s.fcrAll.totalCount,
        s.interactions.totalCount,
        s.csat.totalCount,
        s.nps.totalCount,
      ]).toEqual([
        k.ticketCount,
        k.resolvedCount,
        k.firstContactResolution.numerator,
        k.firstContactResolution.denominator,
        k.averageHandleTime.count,
        k.csat.responses,
        k.nps.responses,
      ]);
    }
    // 21:00 in São Paulo: k1, k9 and k8.
    const nine = kpiSlices.find((s: any) => s.group.hourOfDay === 21);
    expect(nine.created.edges.map((e: any) => e.node.createdAt)).toEqual([
      '2026-03-01T00:00:00.000Z',
      '2026-03-05T00:00:00.000Z',
      '2026-03-20T00:00:00.000Z',
    ]);
  });
});

describe('confidence95 and lowSample', () => {
  it('gives the Wilson interval of rates and the stated NPS interval', async () => {
    const { kpis } = await api.data(
      `query ($p: PeriodInput!) { kpis(period: $p) {
      firstContactResolution { value confidence95 { low high } lowSample }
      nps { score confidence95 { low high } lowSample }
      csat { rate { confidence95 { low high } } lowSample }
      ces { lowSample lowEffort { lowSample } }
      firstResponseTime { count lowSample } averageHandleTime { lowSample }
      retentionRate { confidence95 { low high } } } }`,
      { p: MARCH },
    );
    // FCR 2/4, z = 1.959963984540054, z² = 3.841459: centre (0.5 + z²/8) / (1 + z²/4) = 0.5,
    // half-width z / (1 + z²/4) * sqrt(0.25/4 + z²/64) = 0.349961: [0.150039, 0.849961].
    expect(kpis.firstContactResolution.confidence95.low).toBeCloseTo(0.150039, 6);
    expect(kpis.firstContactResolution.confidence95.high).toBeCloseTo(0.849961, 6);
    expect(kpis.firstContactResolution.lowSample).toBe(true);
    // NPS 25 from P = 2/4, D = 1/4, n = 4: 25 ± z * 100 * sqrt((0.75 - 0.0625) / 4) = 25 ± 81.2558, clipped to 100.
    expect(kpis.nps.score).toBe(25);
    expect(kpis.nps.confidence95.low).toBeCloseTo(-56.255814, 5);
    expect(kpis.nps.confidence95.high).toBe(100);
    // CSAT 2/4: the same interval as FCR.
    expect(kpis.csat.rate.confidence95.low).toBeCloseTo(0.150039, 6);
    expect(kpis.csat.lowSample).toBe(true);
    expect(kpis.ces).toEqual({ lowSample: true, lowEffort: { lowSample: true } });
    expect(kpis.firstResponseTime).toEqual({ count: 5, lowSample: true });
    expect(kpis.averageHandleTime.lowSample).toBe(true);
    // Retention (E - N) / S = (2 - 1) / 3 (S: Acme, Bolt, Zeta; E: Acme, Zeta; N: Cato). Wilson for p = 1/3, n = 3:
    // centre (1/3 + z²/6) / (1 + z²/3) = 0.426916, half-width 0.365424: [0.061492, 0.792340].
    expect(kpis.retentionRate.confidence95.low).toBeCloseTo(0.061492, 6);
    expect(kpis.retentionRate.confidence95.high).toBeCloseTo(0.79234, 5);
  });

  it('is null with an empty sample, and lowSample turns false at 30', async () => {
    const query = `query ($p: PeriodInput!) { kpis(period: $p) { csat { rate { value confidence95 { low high } lowSample } responses lowSample } nps { confidence95 { low } lowSample } } }`;
    const empty = await api.data(query, { p: { from: '2030-01-01T00:00:00Z', to: '2030-02-01T00:00:00Z' } });
    expect(empty.kpis).toEqual({
      csat: { rate: { value: null, confidence95: null, lowSample: true }, responses: 0, lowSample: true },
      nps: { confidence95: null, lowSample: true },
    });
    // January 2025: 27 of 30 satisfied. Wilson: centre (0.9 + z²/60) / (1 + z²/30) = 0.854595, half 0.110805.
    const thirty = await api.data(query, { p: { from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' } });
    expect(thirty.kpis.csat.responses).toBe(30);
    expect(thirty.kpis.csat.lowSample).toBe(false);
    expect(thirty.kpis.csat.rate.lowSample).toBe(false);
    expect(thirty.kpis.csat.rate.confidence95.low).toBeCloseTo(0.743789, 6);
    expect(thirty.kpis.csat.rate.confidence95.high).toBeCloseTo(0.9654, 6);
    // The first 29 of them (to 05:00 on January 2).
    const twentyNine = await api.data(query, { p: { from: '2025-01-01T00:00:00Z', to: '2025-01-02T05:00:00Z' } });
    expect([twentyNine.kpis.csat.responses, twentyNine.kpis.csat.lowSample]).toEqual([29, true]);
  });
});

describe('drill-down by outcome', () => {
  it('lists first-contact successes and failures, including several untransferred contacts', async () => {
    const { kpiSlices } = await api.data(
      `query ($p: PeriodInput!) { kpiSlices(period: $p) {
      kpis { firstContactResolution { numerator denominator } }
      yes: tickets(basis: FCR_RESOLVED) { totalCount edges { node { subject } } }
      no: tickets(basis: FCR_FAILED) { totalCount edges { node { subject } } } } }`,
      { p: { from: '2025-06-01T00:00:00Z', to: '2025-07-01T00:00:00Z' } },
    );
    expect(kpiSlices).toEqual([
      {
        kpis: { firstContactResolution: { numerator: 1, denominator: 3 } },
        yes: { totalCount: 1, edges: [{ node: { subject: 'fcr-one-contact' } }] },
        no: { totalCount: 2, edges: [{ node: { subject: 'fcr-two-contacts' } }, { node: { subject: 'fcr-transferred' } }] },
      },
    ]);
  });

  it('matches the numerators in every group', async () => {
    const { kpiSlices } = await api.data(
      `query ($p: PeriodInput!) { kpiSlices(period: $p, groupBy: [AGENT]) {
      group { agent { name } }
      kpis { firstContactResolution { numerator denominator } nps { promoters passives detractors } csat { rate { numerator denominator } } ces { lowEffort { numerator denominator } } }
      fcrYes: tickets(basis: FCR_RESOLVED) { totalCount } fcrNo: tickets(basis: FCR_FAILED) { totalCount }
      promoters: surveyResponses(basis: NPS_PROMOTERS) { totalCount } passives: surveyResponses(basis: NPS_PASSIVES) { totalCount }
      detractors: surveyResponses(basis: NPS_DETRACTORS) { totalCount edges { node { score } } }
      satisfied: surveyResponses(basis: CSAT_SATISFIED) { totalCount } unsatisfied: surveyResponses(basis: CSAT_UNSATISFIED) { totalCount }
      easy: surveyResponses(basis: CES_LOW_EFFORT) { totalCount } hard: surveyResponses(basis: CES_HIGH_EFFORT) { totalCount }
      none: surveyResponses(kinds: [CSAT], basis: NPS_PROMOTERS) { totalCount } } }`,
      { p: MARCH },
    );
    for (const s of kpiSlices) {
      const k = s.kpis;
      expect([
        s.fcrYes.totalCount,
        s.fcrNo.totalCount,
        s.promoters.totalCount,
        s.passives.totalCount,
        s.detractors.totalCount,
        s.satisfied.totalCount,
        s.unsatisfied.totalCount,
        s.easy.totalCount,
        s.hard.totalCount,
        s.none.totalCount,
      ]).toEqual([
        k.firstContactResolution.numerator,
        k.firstContactResolution.denominator - k.firstContactResolution.numerator,
        k.nps.promoters,
        k.nps.passives,
        k.nps.detractors,
        k.csat.rate.numerator,
        k.csat.rate.denominator - k.csat.rate.numerator,
        k.ces.lowEffort.numerator,
        k.ces.lowEffort.denominator - k.ces.lowEffort.numerator,
        0,
      ]);
    }
    // Ana: k1 and k6 on first contact, k2 reopened. The null group holds every NPS answer: 10, 9, 7 and the detractor 3.
    expect(kpiSlices.map((s: any) => s.group.agent?.name ?? null)).toEqual(['Ana', 'Bruno', null]);
    expect(kpiSlices[0]).toMatchObject({ fcrYes: { totalCount: 2 }, fcrNo: { totalCount: 1 } });
    expect(kpiSlices[2]).toMatchObject({ promoters: { totalCount: 2 }, detractors: { totalCount: 1, edges: [{ node: { score: 3 } }] } });
  });
});

describe('bucket starts in local time', () => {
  const local = slicesQuery('bucketStart bucketStartLocal bucketEndLocal');

  it('gives the local start with its offset beside the unchanged UTC instant', async () => {
    const { kpiSlices } = await api.data(local, {
      p: { from: '2026-01-01T03:00:00Z', to: '2026-03-01T03:00:00Z', timeZone: SAO_PAULO },
      g: 'MONTH',
    });
    expect(kpiSlices).toEqual([
      {
        bucketStart: '2026-01-01T03:00:00.000Z',
        bucketStartLocal: '2026-01-01T00:00:00-03:00',
        bucketEndLocal: '2026-02-01T00:00:00-03:00',
      },
      {
        bucketStart: '2026-02-01T03:00:00.000Z',
        bucketStartLocal: '2026-02-01T00:00:00-03:00',
        bucketEndLocal: '2026-03-01T00:00:00-03:00',
      },
    ]);
    const india = await api.data(local, {
      p: { from: '2026-02-28T18:30:00Z', to: '2026-03-01T18:30:00Z', timeZone: 'Asia/Kolkata' },
      g: 'DAY',
    });
    expect(india.kpiSlices.map((s: any) => s.bucketStartLocal)).toEqual(['2026-03-01T00:00:00+05:30']);
    const none = await api.data(local, { p: MARCH });
    expect(none.kpiSlices).toEqual([{ bucketStart: null, bucketStartLocal: null, bucketEndLocal: null }]);
  });

  it('shows the offset change of a DST day, and both 01:00 hours of a fall-back day', async () => {
    const days = await api.data(local, { p: { from: '2026-11-01T04:00:00Z', to: '2026-11-03T05:00:00Z', timeZone: NEW_YORK }, g: 'DAY' });
    expect(days.kpiSlices.map((s: any) => s.bucketStartLocal)).toEqual(['2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00']);
    const hours = await api.data(local, { p: { from: '2026-11-01T04:00:00Z', to: '2026-11-01T08:00:00Z', timeZone: NEW_YORK }, g: 'HOUR' });
    expect(hours.kpiSlices.map((s: any) => s.bucketStartLocal)).toEqual([
      '2026-11-01T00:00:00-04:00',
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:00:00-05:00',
      '2026-11-01T02:00:00-05:00',
    ]);
  });
});
