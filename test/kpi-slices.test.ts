// kpiSlices, entity KPIs and drill-down on the hand-worked fixture (test/support/kpi-fixture.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKpiFixture, MARCH } from './support/kpi-fixture.js';
import { globalId, startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
let ids: Awaited<ReturnType<typeof loadKpiFixture>>;

beforeAll(async () => {
  api = await startTestApi();
  ids = await loadKpiFixture(api.db.prisma);
});
afterAll(() => api.close());

describe('grouping', () => {
  it('groups each family by its own notion of agent, and returns the null group', async () => {
    const { kpiSlices } = await api.data(
      `query ($p: PeriodInput!) { kpiSlices(period: $p, groupBy: [AGENT]) {
      bucketStart group { agent { name } team { name } }
      kpis { ticketCount averageHandleTime { count average } csat { rate { numerator denominator } } } } }`,
      { p: MARCH },
    );
    expect(kpiSlices).toEqual([
      // Tickets by assignee; interactions by the agent who handled them; surveys by the linked ticket's assignee.
      {
        bucketStart: null,
        group: { agent: { name: 'Ana' }, team: null },
        kpis: { ticketCount: 3, averageHandleTime: { count: 2, average: 330 }, csat: { rate: { numerator: 1, denominator: 2 } } },
      },
      {
        bucketStart: null,
        group: { agent: { name: 'Bruno' }, team: null },
        kpis: { ticketCount: 2, averageHandleTime: { count: 1, average: 780 }, csat: { rate: { numerator: 1, denominator: 1 } } },
      },
      {
        bucketStart: null,
        group: { agent: { name: 'Carla' }, team: null },
        kpis: { ticketCount: 1, averageHandleTime: { count: 1, average: 300 }, csat: { rate: { numerator: 0, denominator: 0 } } },
      },
      // Unassigned k4, and the CSAT 2 with no ticket.
      {
        bucketStart: null,
        group: { agent: null, team: null },
        kpis: { ticketCount: 1, averageHandleTime: { count: 0, average: null }, csat: { rate: { numerator: 0, denominator: 1 } } },
      },
    ]);
  });

  it('groups handle time by the team of the agent who handled the interaction', async () => {
    const { kpiSlices } = await api.data(
      `query ($p: PeriodInput!) { kpiSlices(period: $p, groupBy: [TEAM]) {
      group { team { name } } kpis { averageHandleTime { count average } } } }`,
      { p: MARCH },
    );
    expect(kpiSlices).toEqual([
      { group: { team: { name: 'Tier 1' } }, kpis: { averageHandleTime: { count: 2, average: 330 } } },
      { group: { team: { name: 'Tier 2' } }, kpis: { averageHandleTime: { count: 1, average: 780 } } },
      { group: { team: null }, kpis: { averageHandleTime: { count: 1, average: 300 } } },
    ]);
  });

  it('groups by channel, leaving out groups with no record', async () => {
    const { kpiSlices } = await api.data(
      `query ($p: PeriodInput!) { kpiSlices(period: $p, groupBy: [CHANNEL]) { group { channel } kpis { ticketCount } } }`,
      { p: MARCH },
    );
    expect(kpiSlices.map((s: any) => [s.group.channel, s.kpis.ticketCount])).toEqual([
      ['CHAT', 3],
      ['EMAIL', 2],
      ['PHONE', 1],
      ['WEB', 1],
    ]);
  });

  it('groups first contact resolution by the tickets it counts, though the resolved tickets statement computes it', async () => {
    // Resolved in March: Sunday k1 and k6 (one untransferred interaction each), Tuesday k2
    // (reopened) and k3 (two interactions), Thursday Bolt's ticket with no interaction at all.
    const fcr = `query ($p: PeriodInput!) { kpiSlices(period: $p, groupBy: [DAY_OF_WEEK]) {
      group { dayOfWeek } kpis { firstContactResolution { numerator denominator } } } }`;
    const onlyFcr = await api.data(fcr, { p: MARCH });
    expect(onlyFcr.kpiSlices.map((s: any) => [s.group.dayOfWeek, s.kpis.firstContactResolution])).toEqual([
      [2, { numerator: 0, denominator: 2 }],
      [7, { numerator: 2, denominator: 2 }],
    ]);
    const withResolved = await api.data(fcr.replace('kpis {', 'kpis { resolvedCount'), { p: MARCH });
    expect(withResolved.kpiSlices.map((s: any) => [s.group.dayOfWeek, s.kpis.resolvedCount, s.kpis.firstContactResolution])).toEqual([
      [2, 2, { numerator: 0, denominator: 2 }],
      [4, 1, { numerator: 0, denominator: 0 }],
      [7, 2, { numerator: 2, denominator: 2 }],
    ]);
  });

  it('groups customer KPIs by segment, with the null segment', async () => {
    const { kpiSlices } = await api.data(
      `query ($p: PeriodInput!) { kpiSlices(period: $p, groupBy: [CUSTOMER_SEGMENT]) {
      group { customerSegment } kpis { ticketCount customersAtStart customersAtEnd newCustomers churnRate { numerator denominator } retentionRate { numerator denominator } } } }`,
      { p: MARCH },
    );
    expect(kpiSlices).toEqual([
      {
        group: { customerSegment: 'enterprise' },
        kpis: {
          ticketCount: 3,
          customersAtStart: 1,
          customersAtEnd: 1,
          newCustomers: 0,
          churnRate: { numerator: 0, denominator: 1 },
          retentionRate: { numerator: 1, denominator: 1 },
        },
      },
      {
        group: { customerSegment: 'smb' },
        kpis: {
          ticketCount: 3,
          customersAtStart: 1,
          customersAtEnd: 0,
          newCustomers: 0,
          churnRate: { numerator: 1, denominator: 1 },
          retentionRate: { numerator: 0, denominator: 1 },
        },
      },
      {
        group: { customerSegment: null },
        kpis: {
          ticketCount: 1,
          customersAtStart: 0,
          customersAtEnd: 0,
          newCustomers: 1,
          churnRate: { numerator: 0, denominator: 0 },
          retentionRate: { numerator: -1, denominator: 0 },
        },
      },
    ]);
  });

  it('combines a filter with grouping', async () => {
    const { kpiSlices } = await api.data(
      `query ($p: PeriodInput!, $f: KpiFilter) { kpiSlices(period: $p, groupBy: [AGENT, PRIORITY], filter: $f) {
      group { agent { name } priority } kpis { ticketCount } } }`,
      { p: MARCH, f: { channels: ['CHAT', 'EMAIL'] } },
    );
    // CHAT/EMAIL tickets created in March: k1 Ana HIGH, k2 Ana NORMAL, k8 Ana NORMAL, k5 Carla NORMAL, k9 Bruno NORMAL.
    expect(kpiSlices.map((s: any) => [s.group.agent?.name ?? null, s.group.priority, s.kpis.ticketCount])).toEqual([
      ['Ana', 'HIGH', 1],
      ['Ana', 'NORMAL', 2],
      ['Bruno', 'NORMAL', 1],
      ['Carla', 'NORMAL', 1],
    ]);
  });
});

describe('entity KPIs', () => {
  it('scopes Agent.kpis, Team.kpis and Customer.kpis', async () => {
    const data = await api.data(
      `query ($p: PeriodInput!, $a: ID!, $t: ID!, $c: ID!) {
      agent: node(id: $a) { ... on Agent { kpis(period: $p) { ticketCount resolvedCount averageHandleTime { count } csat { responses } } } }
      team: node(id: $t) { ... on Team { kpis(period: $p) { ticketCount averageHandleTime { count } } } }
      customer: node(id: $c) { ... on Customer { kpis(period: $p) { ticketCount csat { responses } nps { responses } customersAtStart } } }
    }`,
      {
        p: MARCH,
        a: globalId('Agent', ids.agents.a.id),
        t: globalId('Team', ids.teams.t2.id),
        c: globalId('Customer', ids.customers.acme.id),
      },
    );
    expect(data.agent.kpis).toEqual({ ticketCount: 3, resolvedCount: 3, averageHandleTime: { count: 2 }, csat: { responses: 2 } });
    expect(data.team.kpis).toEqual({ ticketCount: 2, averageHandleTime: { count: 1 } });
    expect(data.customer.kpis).toEqual({ ticketCount: 3, csat: { responses: 2 }, nps: { responses: 2 }, customersAtStart: 1 });
  });

  it('refuses customer KPIs scoped to an agent, by name', async () => {
    const result = await api.graphql(
      `query ($p: PeriodInput!) { agents(first: 1) { edges { node { kpis(period: $p) { churnRate { value } } } } } }`,
      { p: MARCH },
    );
    expect(result.errors?.[0]).toMatchObject({
      message:
        'churnRate cannot be scoped to an agent: customer KPIs can only be grouped by CUSTOMER_SEGMENT and filtered by customerSegments',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('drill-down', () => {
  it('lists exactly the records each number counts', async () => {
    const { kpiSlices } = await api.data(
      `query ($p: PeriodInput!) { kpiSlices(period: $p, groupBy: [AGENT]) {
      kpis { ticketCount resolvedCount backlog firstResponseTime { count } selfServiceOpportunity { numerator }
             firstContactResolution { denominator } averageHandleTime { count } csat { responses } nps { responses } ces { responses } }
      created: tickets(basis: CREATED) { totalCount }
      resolved: tickets(basis: RESOLVED) { totalCount }
      backlog: tickets(basis: BACKLOG) { totalCount }
      responded: tickets(basis: FIRST_RESPONDED) { totalCount }
      selfService: tickets(basis: SELF_SERVICE) { totalCount }
      fcr: tickets(basis: FCR_ELIGIBLE) { totalCount }
      interactions { totalCount }
      csat: surveyResponses(kinds: [CSAT]) { totalCount }
      nps: surveyResponses(kinds: [NPS]) { totalCount }
      ces: surveyResponses(kinds: [CES]) { totalCount }
    } }`,
      { p: MARCH },
    );
    expect(kpiSlices.length).toBe(4);
    for (const slice of kpiSlices) {
      const k = slice.kpis;
      expect(
        [
          slice.created,
          slice.resolved,
          slice.backlog,
          slice.responded,
          slice.selfService,
          slice.fcr,
          slice.interactions,
          slice.csat,
          slice.nps,
          slice.ces,
        ].map((c) => c.totalCount),
      ).toEqual([
        k.ticketCount,
        k.resolvedCount,
        k.backlog,
        k.firstResponseTime.count,
        k.selfServiceOpportunity.numerator,
        k.firstContactResolution.denominator,
        k.averageHandleTime.count,
        k.csat.responses,
        k.nps.responses,
        k.ces.responses,
      ]);
    }
    // The null group's NPS responses are the ones with no ticket.
    expect(kpiSlices[3].nps.totalCount).toBe(4);
  });

  it('lists the customers behind the customer KPIs', async () => {
    const { kpiSlices } = await api.data(
      `query ($p: PeriodInput!) { kpiSlices(period: $p, groupBy: [CUSTOMER_SEGMENT]) {
      kpis { customersAtStart customersAtEnd newCustomers churnRate { numerator } }
      atStart: customers(basis: AT_START) { totalCount edges { node { name } } }
      atEnd: customers(basis: AT_END) { totalCount }
      new: customers(basis: NEW) { totalCount }
      churned: customers(basis: CHURNED) { totalCount edges { node { name } } }
    } }`,
      { p: MARCH },
    );
    for (const slice of kpiSlices) {
      expect([slice.atStart.totalCount, slice.atEnd.totalCount, slice.new.totalCount, slice.churned.totalCount]).toEqual([
        slice.kpis.customersAtStart,
        slice.kpis.customersAtEnd,
        slice.kpis.newCustomers,
        slice.kpis.churnRate.numerator,
      ]);
    }
    expect(kpiSlices[1].churned.edges).toEqual([{ node: { name: 'Bolt' } }]);
  });
});
