// N+1 guard for KPIs: a page of agents with their KPIs costs one statement per selected KPI
// family (plus the page itself), whether it holds 10 agents or 100.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../server/seed/seed.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await seedDatabase(api.db, { tickets: 2000, seed: 5, until: new Date('2026-06-01T00:00:00Z'), days: 60, agents: 120, customers: 300 });
});
afterAll(() => api.close());

const period = { from: '2026-04-01T00:00:00Z', to: '2026-06-01T00:00:00Z' };

async function statements(query: string, first: number): Promise<number> {
  return api.countStatements(async () => {
    const result = await api.graphql(query, { first, p: period });
    expect(result.errors).toBeUndefined();
  });
}

describe('KPI statements per page', () => {
  it('agents(first: N) { kpis } costs the same for 10 and 100 agents', async () => {
    const query = `query ($first: Int, $p: PeriodInput!) { agents(first: $first) { edges { node { name
      kpis(period: $p) { ticketCount resolvedCount averageHandleTime { average } csat { rate { value } } } } } } }`;
    const ten = await statements(query, 10);
    const hundred = await statements(query, 100);
    // agents page + created + resolved + handle time + surveys
    expect(ten).toBe(5);
    expect(hundred).toBe(ten);
  });

  it('with the previous period, teams and customers too', async () => {
    const query = `query ($first: Int, $p: PeriodInput!) {
      teams(first: $first) { edges { node { kpis(period: $p) { backlog comparison { change { backlog { absolute } } } } } } }
      customers(first: $first) { edges { node { kpis(period: $p) { ticketCount nps { score } } } } } }`;
    const ten = await statements(query, 10);
    const hundred = await statements(query, 100);
    // teams page + backlog; customers page + created + surveys
    expect(ten).toBe(5);
    expect(hundred).toBe(ten);
  });

  it('kpiSlices costs one statement per family, whatever the number of buckets and groups', async () => {
    const query = `query ($p: PeriodInput!) { kpiSlices(period: $p, granularity: DAY, groupBy: [TEAM, CHANNEL]) {
      group { team { name } channel } kpis { ticketCount firstContactResolution { value } nps { score } comparison { change { ticketCount { absolute } } } } } }`;
    const count = await api.countStatements(async () => {
      const result = await api.graphql(query, { p: period });
      expect(result.errors).toBeUndefined();
      expect(result.data.kpiSlices.length).toBeGreaterThan(100);
    });
    // created + firstContact + surveys, and one batched lookup of the teams.
    expect(count).toBe(4);
  });
});
