// Bad KPI arguments are BAD_USER_INPUT errors whose message says what to change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../server/seed/seed.js';
import { globalId, startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await seedDatabase(api.db, { tickets: 3000, seed: 3, until: new Date('2026-03-01T00:00:00Z'), days: 40, agents: 12, customers: 200 });
});
afterAll(() => api.close());

async function expectBadInput(query: string, variables: Record<string, unknown>, message: string | RegExp) {
  const result = await api.graphql(query, variables);
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0]?.message).toMatch(message);
}

const kpis = 'query ($p: PeriodInput!, $f: KpiFilter) { kpis(period: $p, filter: $f) { ticketCount } }';
const slices =
  'query ($p: PeriodInput!, $g: Granularity, $by: [KpiDimension!], $f: KpiFilter) { kpiSlices(period: $p, granularity: $g, groupBy: $by, filter: $f) { kpis { ticketCount customersAtStart } } }';
const feb = { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' };

describe('KPI argument errors', () => {
  it('rejects from >= to', async () => {
    await expectBadInput(
      kpis,
      { p: { from: feb.to, to: feb.from } },
      'period.from (2026-03-01T00:00:00.000Z) must be before period.to (2026-02-01T00:00:00.000Z); to is exclusive',
    );
    await expectBadInput(kpis, { p: { from: feb.from, to: feb.from } }, /must be before period\.to/);
  });

  it('rejects an unknown time zone', async () => {
    await expectBadInput(
      kpis,
      { p: { ...feb, timeZone: 'Mars/Olympus' } },
      'period.timeZone: "Mars/Olympus" is not an IANA time zone; use a name such as "UTC" or "America/Sao_Paulo"',
    );
  });

  it('rejects more buckets than the limit', async () => {
    await expectBadInput(
      slices,
      { p: { from: '2021-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, g: 'HOUR' },
      'HOUR buckets over this period would be more than 1000; choose a coarser granularity or a shorter period',
    );
  });

  it('rejects more slices than the limit', async () => {
    const result = await api.graphql(
      'query ($p: PeriodInput!) { kpiSlices(period: $p, granularity: HOUR, groupBy: [CHANNEL, PRIORITY]) { kpis { backlog } } }',
      { p: { from: '2026-01-20T00:00:00Z', to: '2026-03-01T00:00:00Z' } },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toBe(
      'This request yields more than 5000 slices; use a coarser granularity, a shorter period, fewer groupBy dimensions or a filter',
    );
  });

  it('rejects a customer KPI grouped or filtered by a dimension it does not have, naming both', async () => {
    await expectBadInput(
      slices,
      { p: feb, by: ['AGENT'] },
      'customersAtStart cannot be grouped by AGENT: customer KPIs can only be grouped by CUSTOMER_SEGMENT and filtered by customerSegments',
    );
    await expectBadInput(slices, { p: feb, f: { channels: ['CHAT'] } }, 'customersAtStart cannot be filtered by channels');
    // The same grouping without customer KPIs is fine.
    const fine = await api.graphql('query ($p: PeriodInput!) { kpiSlices(period: $p, groupBy: [AGENT]) { kpis { ticketCount } } }', {
      p: feb,
    });
    expect(fine.errors).toBeUndefined();
  });

  it('rejects unknown and mistyped IDs in filters', async () => {
    await expectBadInput(
      kpis,
      { p: feb, f: { agentIds: [globalId('Agent', 99999)] } },
      `filter.agentIds: no agent has the ID "${globalId('Agent', 99999)}"`,
    );
    await expectBadInput(kpis, { p: feb, f: { teamIds: [globalId('Team', 424242)] } }, /filter\.teamIds: no team has the ID/);
    await expectBadInput(kpis, { p: feb, f: { teamIds: [globalId('Agent', 1)] } }, 'filter.teamIds[0] is a Agent ID; pass Team IDs here');
    await expectBadInput(kpis, { p: feb, f: { agentIds: ['garbage'] } }, /is not a DeskQL ID/);
  });

  it('rejects an unknown dimension or granularity through GraphQL validation', async () => {
    const result = await api.graphql(
      '{ kpiSlices(period: { from: "2026-02-01T00:00:00Z", to: "2026-03-01T00:00:00Z" }, groupBy: [COUNTRY]) { bucketStart } }',
    );
    expect(result.errors?.[0]?.message).toMatch(/COUNTRY/);
  });
});
