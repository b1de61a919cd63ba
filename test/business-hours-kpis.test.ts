// Business-time and SLA KPIs through HTTP, on data imported as a user would (importRecords):
// numbers worked out by hand, grouping, comparison, entity KPIs, drill-down to the tickets
// behind each outcome, recomputation when a calendar or a team's calendar changes, and a
// team-restricted key that sees only its team's attainment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../server/auth/api-keys.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
const MARCH = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };

const line = (record: Record<string, unknown>) => JSON.stringify(record);
const ticket = (externalId: string, fields: Record<string, unknown>) =>
  line({ type: 'ticket', externalId, subject: externalId, channel: 'EMAIL', status: 'OPEN', customer: 'c-1', ...fields });

// São Paulo (UTC-3, no DST) is the default: Mon-Fri 09:00-18:00, closed on Tuesday 10 March.
// New York (EDT, UTC-4, from 8 March) is Tier 2's: Mon-Fri 09:00-17:00.
const FILE = [
  line({
    type: 'calendar',
    externalId: 'cal-sp',
    name: 'São Paulo',
    timeZone: 'America/Sao_Paulo',
    isDefault: true,
    weeklyHours: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({ day, opens: '09:00', closes: '18:00' })),
    holidays: ['2026-03-10'],
  }),
  line({
    type: 'calendar',
    externalId: 'cal-ny',
    name: 'New York',
    timeZone: 'America/New_York',
    weeklyHours: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({ day, opens: '09:00', closes: '17:00' })),
  }),
  line({
    type: 'sla',
    externalId: 'sla-high',
    name: 'High',
    priority: 'HIGH',
    firstResponseTargetSeconds: 3600,
    resolutionTargetSeconds: 28800,
    businessHours: true,
  }),
  line({
    type: 'sla',
    externalId: 'sla-normal',
    name: 'Normal',
    priority: 'NORMAL',
    firstResponseTargetSeconds: 7200,
    businessHours: false,
  }),
  line({
    type: 'sla',
    externalId: 'sla-urgent',
    name: 'Urgent',
    priority: 'URGENT',
    resolutionTargetSeconds: 2_000_000_000,
    businessHours: false,
  }),
  line({ type: 'team', externalId: 't-1', name: 'Tier 1' }),
  line({ type: 'team', externalId: 't-2', name: 'Tier 2', calendar: 'cal-ny' }),
  line({ type: 'customer', externalId: 'c-1', name: 'Acme', createdAt: '2025-01-01T00:00:00Z' }),
  // Friday 17:00 -> Monday 10:00 (SP): 1 h + 1 h of business time; resolved Monday 12:00: 1 h + 3 h.
  ticket('k1', {
    team: 't-1',
    priority: 'HIGH',
    createdAt: '2026-03-06T20:00:00Z',
    firstResponseAt: '2026-03-09T13:00:00Z',
    resolvedAt: '2026-03-09T15:00:00Z',
  }),
  // Monday 09:00, answered in 30 min, never resolved: its 8 business hours ran out Monday 18:00 SP.
  ticket('k2', { team: 't-1', priority: 'HIGH', createdAt: '2026-03-09T12:00:00Z', firstResponseAt: '2026-03-09T12:30:00Z' }),
  // Tier 2 (New York): Tuesday 09:00 EDT, answered 09:45, resolved 17:00: 45 min and 8 h. The SP holiday does not apply.
  ticket('k3', {
    team: 't-2',
    priority: 'HIGH',
    createdAt: '2026-03-10T13:00:00Z',
    firstResponseAt: '2026-03-10T13:45:00Z',
    resolvedAt: '2026-03-10T21:00:00Z',
  }),
  // On the SP holiday: 0 business seconds to first response, but 3 h elapsed > the NORMAL 2 h elapsed target.
  ticket('k4', {
    team: 't-1',
    priority: 'NORMAL',
    createdAt: '2026-03-10T12:00:00Z',
    firstResponseAt: '2026-03-10T15:00:00Z',
    resolvedAt: '2026-03-11T13:00:00Z',
  }),
  // LOW has no policy: in the business-time KPIs, not in the SLA ones.
  ticket('k5', { team: 't-1', priority: 'LOW', createdAt: '2026-03-11T12:00:00Z', firstResponseAt: '2026-03-11T12:10:00Z' }),
  // No team: the default calendar. Resolved in 20 min without a first response: that ends its first-response clock.
  ticket('k6', { priority: 'HIGH', createdAt: '2026-03-12T12:00:00Z', resolvedAt: '2026-03-12T12:20:00Z' }),
  // URGENT's resolution target is 63 years of elapsed time: pending.
  ticket('k7', { team: 't-1', priority: 'URGENT', createdAt: '2026-03-13T12:00:00Z' }),
].join('\n');

const KPIS = `firstResponseBusinessTime { count average median p90 }
  resolutionBusinessTime { count average median p90 }
  firstResponseSla { rate { value numerator denominator } achieved breached pending }
  resolutionSla { rate { value numerator denominator } achieved breached pending }`;

async function importFile(ndjson: string) {
  return api.data(
    `mutation ($ndjson: String!) { importRecords(input: { ndjson: $ndjson }) { ok errorCount userErrors { line field message } } }`,
    { ndjson },
  );
}

beforeAll(async () => {
  api = await startTestApi();
  const { importRecords } = await importFile(FILE);
  expect(importRecords).toMatchObject({ ok: true, errorCount: 0 });
});
afterAll(() => api.close());

describe('business-time and SLA KPIs', () => {
  it('computes every new KPI as docs/kpis.md defines it', async () => {
    const { kpis } = await api.data(
      `query ($period: PeriodInput!) { kpis(period: $period) { ${KPIS} firstResponseTime { count average } } }`,
      { period: MARCH },
    );
    expect(kpis).toEqual({
      // k1 7200, k2 1800, k3 2700, k4 0, k5 600. p90 = 2700 + 0.6 * (7200 - 2700).
      firstResponseBusinessTime: { count: 5, average: 2460, median: 1800, p90: 5400 },
      // k1 14400, k3 28800, k4 3600 (Wednesday 09:00-10:00), k6 1200. p90 = 14400 + 0.7 * (28800 - 14400).
      resolutionBusinessTime: { count: 4, average: 12000, median: 9000, p90: 24480 },
      // HIGH: k1 breached, k2, k3, k6 achieved; NORMAL: k4 breached (elapsed time).
      firstResponseSla: { rate: { value: 0.6, numerator: 3, denominator: 5 }, achieved: 3, breached: 2, pending: 0 },
      // HIGH: k1, k3, k6 achieved, k2 breached while open; URGENT: k7 pending.
      resolutionSla: { rate: { value: 0.75, numerator: 3, denominator: 4 }, achieved: 3, breached: 1, pending: 1 },
      // Elapsed time for contrast: k1 alone waited 65 hours.
      firstResponseTime: { count: 5, average: (234000 + 1800 + 2700 + 10800 + 600) / 5 },
    });
  });

  it('groups by team and priority like other ticket KPIs, and lists the tickets behind each outcome', async () => {
    const { kpiSlices } = await api.data(
      `query ($period: PeriodInput!) { kpiSlices(period: $period, groupBy: [TEAM]) {
        group { team { name } } kpis { firstResponseSla { achieved breached pending } resolutionBusinessTime { count average } }
        breached: tickets(basis: FIRST_RESPONSE_SLA_BREACHED) { totalCount edges { node { subject } } }
        pending: tickets(basis: RESOLUTION_SLA_PENDING) { totalCount edges { node { subject } } }
        achieved: tickets(basis: RESOLUTION_SLA_ACHIEVED) { totalCount }
      } }`,
      { period: MARCH },
    );
    const byTeam = Object.fromEntries(kpiSlices.map((s: any) => [s.group.team?.name ?? null, s]));
    expect(byTeam['Tier 1'].kpis).toEqual({
      firstResponseSla: { achieved: 1, breached: 2, pending: 0 },
      resolutionBusinessTime: { count: 2, average: 9000 },
    });
    expect(byTeam['Tier 1'].breached.edges.map((e: any) => e.node.subject).sort()).toEqual(['k1', 'k4']);
    expect(byTeam['Tier 1'].pending).toEqual({ totalCount: 1, edges: [{ node: { subject: 'k7' } }] });
    expect(byTeam['Tier 1'].achieved.totalCount).toBe(1);
    expect(byTeam['Tier 2'].kpis).toEqual({
      firstResponseSla: { achieved: 1, breached: 0, pending: 0 },
      resolutionBusinessTime: { count: 1, average: 28800 },
    });
    expect(byTeam['null'].kpis.firstResponseSla).toEqual({ achieved: 1, breached: 0, pending: 0 });
  });

  it('serves Team.kpis, comparison and kpiDefinitions', async () => {
    const { teams, kpiDefinitions, kpis } = await api.data(
      `query ($period: PeriodInput!) {
        teams(first: 10) { edges { node { name businessCalendar { name } kpis(period: $period) { resolutionSla { achieved breached pending } } } } }
        kpiDefinitions { name unit timestamp }
        kpis(period: $period) { comparison { previous { firstResponseSla { achieved } } change { firstResponseSla { current previous } resolutionBusinessTime { current } } } }
      }`,
      { period: MARCH },
    );
    expect(teams.edges.map((e: any) => e.node)).toEqual([
      { name: 'Tier 1', businessCalendar: null, kpis: { resolutionSla: { achieved: 1, breached: 1, pending: 1 } } },
      { name: 'Tier 2', businessCalendar: { name: 'New York' }, kpis: { resolutionSla: { achieved: 1, breached: 0, pending: 0 } } },
    ]);
    expect(kpiDefinitions.filter((d: any) => /Business|Sla/.test(d.name))).toEqual([
      { name: 'firstResponseBusinessTime', unit: 'SECONDS', timestamp: 'Ticket.createdAt' },
      { name: 'resolutionBusinessTime', unit: 'SECONDS', timestamp: 'Ticket.resolvedAt' },
      { name: 'firstResponseSla', unit: 'RATE', timestamp: 'Ticket.createdAt' },
      { name: 'resolutionSla', unit: 'RATE', timestamp: 'Ticket.createdAt' },
    ]);
    expect(kpis.comparison).toEqual({
      previous: { firstResponseSla: { achieved: 0 } },
      change: { firstResponseSla: { current: 0.6, previous: null }, resolutionBusinessTime: { current: 12000 } },
    });
  });

  it('lists calendars and policies as Relay connections', async () => {
    const { businessCalendars, slaPolicies } = await api.data(`{
      businessCalendars(first: 10) { totalCount edges { node { externalId timeZone isDefault weeklyHours { day opens closes } holidays } } }
      slaPolicies(first: 10) { totalCount edges { node { externalId priority firstResponseTargetSeconds resolutionTargetSeconds businessHours } } }
    }`);
    expect(businessCalendars.totalCount).toBe(2);
    expect(businessCalendars.edges[0].node).toEqual({
      externalId: 'cal-ny',
      timeZone: 'America/New_York',
      isDefault: false,
      weeklyHours: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({ day, opens: '09:00', closes: '17:00' })),
      holidays: [],
    });
    expect(slaPolicies.edges.map((e: any) => e.node.priority)).toEqual(['NORMAL', 'HIGH', 'URGENT']);
    expect(slaPolicies.edges[1].node).toEqual({
      externalId: 'sla-high',
      priority: 'HIGH',
      firstResponseTargetSeconds: 3600,
      resolutionTargetSeconds: 28800,
      businessHours: true,
    });
  });

  it("a team-restricted key sees only its team's attainment", async () => {
    const tier2 = await api.db.sql.query<{ id: number }>(`SELECT id FROM team WHERE external_id = 't-2'`);
    const { key } = await createApiKey(api.db.sql, { name: 'tier-2', scopes: ['kpis:read', 'records:read'], teamIds: [tier2[0]!.id] });
    const result = await api.graphql(
      `query ($period: PeriodInput!) { kpis(period: $period) { ${KPIS} } kpiSlices(period: $period) { tickets(basis: FIRST_RESPONSE_SLA_ACHIEVED) { totalCount } } }`,
      { period: MARCH },
      { authorization: `Bearer ${key}` },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.kpis).toEqual({
      firstResponseBusinessTime: { count: 1, average: 2700, median: 2700, p90: 2700 },
      resolutionBusinessTime: { count: 1, average: 28800, median: 28800, p90: 28800 },
      firstResponseSla: { rate: { value: 1, numerator: 1, denominator: 1 }, achieved: 1, breached: 0, pending: 0 },
      resolutionSla: { rate: { value: 1, numerator: 1, denominator: 1 }, achieved: 1, breached: 0, pending: 0 },
    });
    expect(result.data.kpiSlices[0].tickets.totalCount).toBe(1);
  });

  it("recomputes in the same write when a calendar or a team's calendar changes", async () => {
    // Reopening São Paulo on 10 March: k4's first response took 3 business hours (09:00-12:00).
    const upsert =
      await api.data(`mutation { upsertBusinessCalendar(input: { externalId: "cal-sp", name: "São Paulo", timeZone: "America/Sao_Paulo", isDefault: true,
      weeklyHours: [{ day: MONDAY, opens: "09:00", closes: "18:00" }, { day: TUESDAY, opens: "09:00", closes: "18:00" }, { day: WEDNESDAY, opens: "09:00", closes: "18:00" },
        { day: THURSDAY, opens: "09:00", closes: "18:00" }, { day: FRIDAY, opens: "09:00", closes: "18:00" }] }) {
      created userErrors { field message } businessCalendar { holidays } } }`);
    expect(upsert.upsertBusinessCalendar).toEqual({ created: false, userErrors: [], businessCalendar: { holidays: [] } });
    const after = await api.data(
      `query ($period: PeriodInput!) { kpis(period: $period) { firstResponseBusinessTime { count average } } }`,
      { period: MARCH },
    );
    expect(after.kpis.firstResponseBusinessTime).toEqual({ count: 5, average: (7200 + 1800 + 2700 + 10800 + 600) / 5 });

    // Tier 1 moves to New York hours: k1 is Friday 15:00 EST -> Monday 09:00 EDT: 2 h on Friday, 0 on Monday.
    const team = await api.data(
      `mutation { upsertTeam(input: { externalId: "t-1", name: "Tier 1", calendar: "cal-ny" }) { team { businessCalendar { externalId } } userErrors { message } } }`,
    );
    expect(team.upsertTeam).toEqual({ team: { businessCalendar: { externalId: 'cal-ny' } }, userErrors: [] });
    const k1 = await api.db.sql.query<{ first_response_seconds: number }>(
      `SELECT b.first_response_seconds FROM ticket_business_time b JOIN ticket t ON t.id = b.ticket_id WHERE t.external_id = 'k1'`,
    );
    expect(k1[0]!.first_response_seconds).toBe(7200);
  });

  it('computes a ticket written by upsertTicket in the same mutation', async () => {
    // Tier 2 (New York): Saturday 14 March 10:00 EDT, answered Monday 16 March 09:30: 30 business minutes.
    const { upsertTicket } =
      await api.data(`mutation { upsertTicket(input: { externalId: "k8", subject: "k8", channel: CHAT, priority: HIGH, status: OPEN,
      customer: "c-1", team: "t-2", createdAt: "2026-03-14T14:00:00Z", firstResponseAt: "2026-03-16T13:30:00Z" }) { created userErrors { message } } }`);
    expect(upsertTicket).toEqual({ created: true, userErrors: [] });
    const [row] = await api.db.sql.query<Record<string, unknown>>(
      `SELECT b.first_response_seconds, b.first_response_sla_met, b.resolution_sla_met, b.resolution_sla_breach_at
       FROM ticket_business_time b JOIN ticket t ON t.id = b.ticket_id WHERE t.external_id = 'k8'`,
    );
    // Not resolved: its 8 business hours run out exactly at Monday's 17:00 EDT close; nothing more is
    // spent until Tuesday 09:00 EDT (13:00Z), the instant after which it is breached.
    expect({ ...row, resolution_sla_breach_at: new Date(row!.resolution_sla_breach_at as string).toISOString() }).toEqual({
      first_response_seconds: 1800,
      first_response_sla_met: true,
      resolution_sla_met: null,
      resolution_sla_breach_at: '2026-03-17T13:00:00.000Z',
    });
  });
});
