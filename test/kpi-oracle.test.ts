// The KPI engine against an independent computation: a generated help desk (a seed no other
// test uses) is read back record by record and every KPI is recomputed here in plain
// TypeScript, straight from docs/kpis.md, for the whole period and per month and team in
// São Paulo time (UTC-3 all year, so its month boundaries need no time-zone library).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../server/seed/seed.js';
import { ALL_KPIS } from './support/kpi-fixture.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
let records: Awaited<ReturnType<typeof readBack>>;

const until = new Date('2026-07-01T03:00:00Z');

async function readBack(api: TestApi) {
  const prisma = api.db.prisma;
  const [tickets, interactions, surveys, customers, agents] = await Promise.all([
    prisma.ticket.findMany({ include: { interactions: true, customer: true } }),
    prisma.interaction.findMany({ include: { agent: true, ticket: { include: { customer: true } } } }),
    prisma.surveyResponse.findMany({ include: { ticket: true, customer: true } }),
    prisma.customer.findMany(),
    prisma.agent.findMany(),
  ]);
  return { tickets, interactions, surveys, customers, agents };
}

beforeAll(async () => {
  api = await startTestApi();
  await seedDatabase(api.db, { tickets: 1500, seed: 2024, until, days: 150, agents: 14, customers: 250 });
  records = await readBack(api);
});
afterAll(() => api.close());

/** PostgreSQL's percentile_cont: linear interpolation between the closest ranks. */
function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}
const average = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
const stats = (values: number[]) => ({
  count: values.length,
  average: average(values),
  median: percentile(values, 0.5),
  p90: percentile(values, 0.9),
});
const rate = (numerator: number, denominator: number) => ({ value: denominator ? numerator / denominator : null, numerator, denominator });
const secondsBetween = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 1000;

/** Every KPI over [from, to), for the records that `teamId` selects (undefined: all). */
function expected(from: Date, to: Date, teamId?: number | null) {
  const inPeriod = (d: Date | null) => d !== null && d >= from && d < to;
  const agentTeam = new Map(records.agents.map((a) => [a.id, a.teamId]));
  const teamMatch = (value: number | null | undefined) => teamId === undefined || (value ?? null) === teamId;
  const tickets = records.tickets.filter((t) => teamMatch(t.teamId));
  const created = tickets.filter((t) => inPeriod(t.createdAt));
  const resolved = tickets.filter((t) => inPeriod(t.resolvedAt));
  const withContact = resolved.filter((t) => t.interactions.length > 0);
  const fcr = withContact.filter((t) => t.interactions.length === 1 && !t.interactions[0]!.transferred && t.reopenCount === 0);
  const interactions = records.interactions.filter((i) => inPeriod(i.startedAt) && teamMatch(agentTeam.get(i.agentId)));
  const handle = interactions.map((i) => i.talkSeconds + i.holdSeconds + i.wrapUpSeconds);
  const surveys = records.surveys.filter((s) => inPeriod(s.respondedAt) && teamMatch(s.ticket?.teamId ?? null));
  const scores = (kind: string) => surveys.filter((s) => s.kind === kind).map((s) => s.score);
  const nps = scores('NPS');
  const csat = scores('CSAT');
  const ces = scores('CES');
  const promoters = nps.filter((s) => s >= 9).length;
  const detractors = nps.filter((s) => s <= 6).length;
  const activeAt = (at: Date) => records.customers.filter((c) => c.createdAt < at && (c.churnedAt === null || c.churnedAt >= at));
  const atStart = activeAt(from);
  const atEnd = activeAt(to).length;
  const newCustomers = records.customers.filter((c) => inPeriod(c.createdAt)).length;
  const churned = atStart.filter((c) => inPeriod(c.churnedAt)).length;
  return {
    ticketCount: created.length,
    resolvedCount: resolved.length,
    backlog: tickets.filter((t) => t.createdAt < to && (t.resolvedAt === null || t.resolvedAt >= to)).length,
    firstResponseTime: stats(created.filter((t) => t.firstResponseAt).map((t) => secondsBetween(t.createdAt, t.firstResponseAt!))),
    resolutionTime: stats(resolved.map((t) => secondsBetween(t.createdAt, t.resolvedAt!))),
    firstContactResolution: rate(fcr.length, withContact.length),
    averageHandleTime: {
      ...stats(handle),
      averageTalk: average(interactions.map((i) => i.talkSeconds)),
      averageHold: average(interactions.map((i) => i.holdSeconds)),
      averageWrapUp: average(interactions.map((i) => i.wrapUpSeconds)),
    },
    nps: {
      score: nps.length ? (100 * (promoters - detractors)) / nps.length : null,
      promoters,
      passives: nps.length - promoters - detractors,
      detractors,
      responses: nps.length,
    },
    csat: { rate: rate(csat.filter((s) => s >= 4).length, csat.length), average: average(csat), responses: csat.length },
    ces: { average: average(ces), lowEffort: rate(ces.filter((s) => s >= 5).length, ces.length), responses: ces.length },
    selfServiceOpportunity: rate(created.filter((t) => t.knowledgeArticleId !== null).length, created.length),
    customersAtStart: atStart.length,
    customersAtEnd: atEnd,
    newCustomers,
    retentionRate: rate(atEnd - newCustomers, atStart.length),
    churnRate: rate(churned, atStart.length),
  };
}

/** Deep equality with a tolerance for floating-point sums computed in another order. */
function expectClose(actual: unknown, wanted: unknown, path = 'kpis'): void {
  if (typeof wanted === 'number' && typeof actual === 'number') {
    expect(actual, path).toBeCloseTo(wanted, 6);
  } else if (wanted && typeof wanted === 'object') {
    expect(actual, path).toBeTypeOf('object');
    for (const key of Object.keys(wanted)) expectClose((actual as any)?.[key], (wanted as any)[key], `${path}.${key}`);
  } else {
    expect(actual, path).toBe(wanted);
  }
}

describe('KPIs on an independent data set', () => {
  it('kpis over the last 90 days matches every field', async () => {
    const from = new Date('2026-04-02T03:00:00Z');
    const { kpis } = await api.data(`query ($p: PeriodInput!) { kpis(period: $p) { ${ALL_KPIS} } }`, {
      p: { from: from.toISOString(), to: until.toISOString() },
    });
    expect(kpis.ticketCount).toBeGreaterThan(500);
    expectClose(kpis, expected(from, until));
  });

  it('kpiSlices by MONTH in São Paulo and by TEAM matches every field of every slice', async () => {
    const from = new Date('2026-03-15T03:00:00Z');
    const { kpiSlices } = await api.data(
      `query ($p: PeriodInput!) { kpiSlices(period: $p, granularity: MONTH, groupBy: [TEAM]) { bucketStart group { team { id } } kpis { ${ALL_KPIS.replace(/customersAtStart[\s\S]*$/, '')} } } }`,
      { p: { from: from.toISOString(), to: until.toISOString(), timeZone: 'America/Sao_Paulo' } },
    );
    // Local month starts are 03:00 UTC; the first bucket (March) is clipped to from.
    const months = [
      '2026-03-01T03:00:00Z',
      '2026-04-01T03:00:00Z',
      '2026-05-01T03:00:00Z',
      '2026-06-01T03:00:00Z',
      '2026-07-01T03:00:00Z',
    ].map((s) => new Date(s));
    const teamIds = new Map((await api.db.prisma.team.findMany()).map((t) => [Buffer.from(`Team:${t.id}`).toString('base64'), t.id]));
    expect(new Set(kpiSlices.map((s: any) => s.bucketStart))).toEqual(new Set(months.slice(0, 4).map((m) => m.toISOString())));
    expect(kpiSlices.length).toBeGreaterThanOrEqual(16);
    for (const slice of kpiSlices) {
      const index = months.findIndex((m) => m.toISOString() === slice.bucketStart);
      const start = index === 0 ? from : months[index]!;
      const team = slice.group.team ? teamIds.get(slice.group.team.id)! : null;
      const { customersAtStart, customersAtEnd, newCustomers, retentionRate, churnRate, ...ticketSide } = expected(
        start,
        months[index + 1]!,
        team,
      );
      expectClose(slice.kpis, ticketSide, `${slice.bucketStart} team ${team}`);
    }
  });
});
