// The business-hours KPIs against an independent computation: the demo help desk (with its
// three calendars in different zones, holidays and SLA policies) is read back record by record
// and every business time and SLA outcome is recomputed here from docs/kpis.md, with zone
// offsets from Intl (test/support/business-time-oracle.ts), not the server's Temporal code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarRules } from '../server/business-hours/calendar-rules.js';
import { seedDatabase } from '../server/seed/seed.js';
import { oracleCalendar } from './support/business-time-oracle.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
const until = new Date('2026-07-01T03:00:00Z');
const KPIS = `firstResponseBusinessTime { count average median p90 } resolutionBusinessTime { count average median p90 }
  firstResponseSla { rate { value numerator denominator } achieved breached pending } resolutionSla { rate { value numerator denominator } achieved breached pending }`;

beforeAll(async () => {
  api = await startTestApi();
  await seedDatabase(api.db, { tickets: 900, seed: 77, until, days: 120, agents: 14, customers: 200 });
});
afterAll(() => api.close());

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const low = Math.floor(position);
  return sorted[low]! + (sorted[Math.ceil(position)]! - sorted[low]!) * (position - low);
}
const stats = (values: number[]) => ({
  count: values.length,
  average: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
  median: percentile(values, 0.5),
  p90: percentile(values, 0.9),
});

async function expectedKpis(now: Date) {
  const prisma = api.db.prisma;
  const [tickets, calendars, teams, policies] = await Promise.all([
    prisma.ticket.findMany(),
    prisma.businessCalendar.findMany(),
    prisma.team.findMany(),
    prisma.slaPolicy.findMany(),
  ]);
  const first = new Date(Math.min(...tickets.map((t) => t.createdAt.getTime())));
  const clocks = new Map(calendars.map((c) => [c.id, oracleCalendar(c as unknown as CalendarRules, first, now)]));
  const defaultCalendar = calendars.find((c) => c.isDefault)!.id;
  const teamCalendar = new Map(teams.map((t) => [t.id, t.businessCalendarId]));
  const policyOf = new Map(policies.map((p) => [p.priority, p]));
  const perTicket = tickets.map((t) => {
    const clock = clocks.get((t.teamId !== null ? teamCalendar.get(t.teamId) : null) ?? defaultCalendar)!;
    const business = (end: Date) => clock.seconds(t.createdAt, end);
    const policy = policyOf.get(t.priority);
    const outcome = (target: number | null | undefined, end: Date | null) => {
      if (!policy || !target) return null;
      const spent = (x: Date) => (policy.businessHours ? business(x) : (x.getTime() - t.createdAt.getTime()) / 1000);
      if (end) return spent(end) <= target ? 'achieved' : 'breached';
      return spent(now) > target ? 'breached' : 'pending';
    };
    return {
      ticket: t,
      firstResponse: t.firstResponseAt ? business(t.firstResponseAt) : null,
      resolution: t.resolvedAt ? business(t.resolvedAt) : null,
      firstResponseSla: outcome(policy?.firstResponseTargetSeconds, t.firstResponseAt ?? t.resolvedAt),
      resolutionSla: outcome(policy?.resolutionTargetSeconds, t.resolvedAt),
    };
  });
  return (from: Date, to: Date, teamId?: number | null) => {
    const inPeriod = (d: Date | null) => d !== null && d >= from && d < to;
    const mine = perTicket.filter((p) => teamId === undefined || p.ticket.teamId === teamId);
    const created = mine.filter((p) => inPeriod(p.ticket.createdAt));
    const attainment = (key: 'firstResponseSla' | 'resolutionSla') => {
      const count = (o: string) => created.filter((p) => p[key] === o).length;
      const [achieved, breached, pending] = [count('achieved'), count('breached'), count('pending')];
      return {
        rate: {
          value: achieved + breached ? achieved / (achieved + breached) : null,
          numerator: achieved,
          denominator: achieved + breached,
        },
        achieved,
        breached,
        pending,
      };
    };
    return {
      firstResponseBusinessTime: stats(created.filter((p) => p.firstResponse !== null).map((p) => p.firstResponse!)),
      resolutionBusinessTime: stats(mine.filter((p) => inPeriod(p.ticket.resolvedAt)).map((p) => p.resolution!)),
      firstResponseSla: attainment('firstResponseSla'),
      resolutionSla: attainment('resolutionSla'),
    };
  };
}

function expectClose(actual: unknown, wanted: unknown, path = 'kpis'): void {
  if (typeof wanted === 'number' && typeof actual === 'number') expect(actual, path).toBeCloseTo(wanted, 6);
  else if (wanted && typeof wanted === 'object')
    for (const key of Object.keys(wanted)) expectClose((actual as any)?.[key], (wanted as any)[key], `${path}.${key}`);
  else expect(actual, path).toBe(wanted);
}

describe('business-hours KPIs on the demo help desk, recomputed independently', () => {
  it('kpis over the last 90 days and kpiSlices by MONTH x TEAM match every field', async () => {
    const from = new Date('2026-04-02T03:00:00Z');
    const result = await api.data(
      `query ($p: PeriodInput!, $m: PeriodInput!) { kpis(period: $p) { ${KPIS} }
        kpiSlices(period: $m, granularity: MONTH, groupBy: [TEAM]) { bucketStart bucketEnd group { team { id } } kpis { ${KPIS} } } }`,
      {
        p: { from: from.toISOString(), to: until.toISOString() },
        m: { from: from.toISOString(), to: until.toISOString(), timeZone: 'America/Sao_Paulo' },
      },
    );
    // The server judged pending targets at its own `now`, a moment before this one: no demo
    // target runs out in between (the data ends months ago).
    const expected = await expectedKpis(new Date());
    expect(result.kpis.firstResponseSla.achieved).toBeGreaterThan(200);
    expect(result.kpis.firstResponseSla.breached).toBeGreaterThan(10);
    expectClose(result.kpis, expected(from, until));
    const teamIds = new Map((await api.db.prisma.team.findMany()).map((t) => [Buffer.from(`Team:${t.id}`).toString('base64'), t.id]));
    expect(result.kpiSlices.length).toBeGreaterThanOrEqual(12);
    for (const slice of result.kpiSlices) {
      const start = new Date(Math.max(new Date(slice.bucketStart).getTime(), from.getTime()));
      const team = slice.group.team ? teamIds.get(slice.group.team.id)! : null;
      expectClose(slice.kpis, expected(start, new Date(slice.bucketEnd), team), `${slice.bucketStart} team ${team}`);
    }
  }, 120_000);
});
