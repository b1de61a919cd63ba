import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from './support/fixtures.js';
import { globalId, startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
let ids: Record<string, number> = {};

beforeAll(async () => {
  api = await startTestApi();
  const make = fixtures(api.db.prisma);
  const tier1 = await make.team('Tier 1');
  const billing = await make.team('Billing');
  const ana = await make.agent('Ana', tier1.id);
  const bia = await make.agent('Bia', billing.id, { active: false });
  const acme = await make.customer('Acme', { segment: 'enterprise', createdAt: new Date('2024-05-01T00:00:00Z') });
  const bolt = await make.customer('Bolt', { segment: 'smb', churnedAt: new Date('2026-02-01T00:00:00Z') });
  const cato = await make.customer('Cato', { createdAt: new Date('2026-01-15T00:00:00Z') });
  const at = (iso: string) => new Date(iso);
  await make.ticket(acme.id, {
    subject: 'A',
    channel: 'EMAIL',
    priority: 'LOW',
    category: 'billing',
    status: 'OPEN',
    assigneeId: ana.id,
    teamId: tier1.id,
    createdAt: at('2026-03-01T00:00:00Z'),
  });
  await make.ticket(acme.id, {
    subject: 'B',
    channel: 'CHAT',
    priority: 'HIGH',
    category: 'login',
    status: 'SOLVED',
    assigneeId: bia.id,
    teamId: billing.id,
    createdAt: at('2026-03-02T00:00:00Z'),
    resolvedAt: at('2026-03-02T01:00:00Z'),
  });
  await make.ticket(bolt.id, {
    subject: 'C',
    channel: 'PHONE',
    priority: 'URGENT',
    category: null,
    status: 'NEW',
    createdAt: at('2026-03-03T00:00:00Z'),
  });
  await make.ticket(cato.id, {
    subject: 'D',
    channel: 'CHAT',
    priority: 'LOW',
    category: 'billing',
    status: 'PENDING',
    assigneeId: ana.id,
    teamId: tier1.id,
    createdAt: at('2026-03-04T00:00:00Z'),
  });
  ids = { tier1: tier1.id, billing: billing.id, ana: ana.id, bia: bia.id, acme: acme.id, bolt: bolt.id, cato: cato.id };
});

afterAll(() => api.close());

async function subjects(filter: Record<string, unknown>): Promise<string[]> {
  const data = await api.data(
    'query ($filter: TicketFilter) { tickets(first: 100, filter: $filter, orderBy: { field: CREATED_AT, direction: ASC }) { totalCount edges { node { subject } } } }',
    { filter },
  );
  const list = data.tickets.edges.map((edge: any) => edge.node.subject);
  expect(data.tickets.totalCount).toBe(list.length);
  return list;
}

describe('ticket filters', () => {
  it('filters by each field', async () => {
    expect(await subjects({ statuses: ['OPEN', 'PENDING'] })).toEqual(['A', 'D']);
    expect(await subjects({ channels: ['CHAT'] })).toEqual(['B', 'D']);
    expect(await subjects({ priorities: ['LOW'] })).toEqual(['A', 'D']);
    expect(await subjects({ categories: ['billing'] })).toEqual(['A', 'D']);
    expect(await subjects({ assigneeIds: [globalId('Agent', ids.ana!)] })).toEqual(['A', 'D']);
    expect(await subjects({ unassigned: true })).toEqual(['C']);
    expect(await subjects({ unassigned: false })).toEqual(['A', 'B', 'D']);
    expect(await subjects({ assigneeIds: [globalId('Agent', ids.bia!)], unassigned: true })).toEqual(['B', 'C']);
    expect(await subjects({ teamIds: [globalId('Team', ids.billing!)] })).toEqual(['B']);
    expect(await subjects({ customerIds: [globalId('Customer', ids.acme!), globalId('Customer', ids.cato!)] })).toEqual(['A', 'B', 'D']);
  });

  it('treats the created range as half-open [from, to)', async () => {
    expect(await subjects({ createdFrom: '2026-03-02T00:00:00Z', createdTo: '2026-03-04T00:00:00Z' })).toEqual(['B', 'C']);
    expect(await subjects({ createdFrom: '2026-03-03T00:00:00Z' })).toEqual(['C', 'D']);
    expect(await subjects({ createdTo: '2026-03-01T00:00:00.001Z' })).toEqual(['A']);
    // An offset other than Z names the same instant.
    expect(await subjects({ createdFrom: '2026-03-02T21:00:00-03:00' })).toEqual(['C', 'D']);
  });

  it('combines fields with AND and values with OR', async () => {
    expect(await subjects({ channels: ['CHAT', 'EMAIL'], priorities: ['LOW'], statuses: ['PENDING'] })).toEqual(['D']);
    expect(await subjects({ categories: ['billing'], teamIds: [globalId('Team', ids.billing!)] })).toEqual([]);
  });

  it('applies the same filter to nested ticket connections', async () => {
    const data = await api.data(
      `query ($id: ID!) { node(id: $id) { ... on Agent { tickets(first: 10, filter: { channels: [CHAT] }) { totalCount edges { node { subject } } } } } }`,
      { id: globalId('Agent', ids.ana!) },
    );
    expect(data.node.tickets).toEqual({ totalCount: 1, edges: [{ node: { subject: 'D' } }] });
  });

  it('explains bad filter values', async () => {
    const wrongType = await api.graphql('query ($f: TicketFilter) { tickets(filter: $f) { totalCount } }', {
      f: { assigneeIds: [globalId('Team', ids.tier1!)] },
    });
    expect(wrongType.errors?.[0]).toMatchObject({
      message: 'filter.assigneeIds[0] is a Team ID; pass Agent IDs here',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const reversed = await api.graphql('query ($f: TicketFilter) { tickets(filter: $f) { totalCount } }', {
      f: { createdFrom: '2026-03-04T00:00:00Z', createdTo: '2026-03-01T00:00:00Z' },
    });
    expect(reversed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(reversed.errors?.[0]?.message).toContain('must be before the end');
    const noOffset = await api.graphql('query ($f: TicketFilter) { tickets(filter: $f) { totalCount } }', {
      f: { createdFrom: '2026-03-04T00:00:00' },
    });
    expect(noOffset.errors?.[0]?.message).toContain('DateTime must be an ISO 8601 instant with an offset or Z');
    const badEnum = await api.graphql('{ tickets(filter: { channels: [FAX] }) { totalCount } }');
    expect(badEnum.errors?.[0]?.message).toContain('FAX');
  });
});

describe('agent and customer filters', () => {
  it('filters agents by team and activity', async () => {
    const data = await api.data(`{
      tier1: agents(filter: { teamIds: ["${globalId('Team', ids.tier1!)}"] }) { totalCount edges { node { name } } }
      inactive: agents(filter: { active: false }) { totalCount edges { node { name } } }
    }`);
    expect(data.tier1).toEqual({ totalCount: 1, edges: [{ node: { name: 'Ana' } }] });
    expect(data.inactive).toEqual({ totalCount: 1, edges: [{ node: { name: 'Bia' } }] });
  });

  it('filters customers by segment, churn and join date', async () => {
    const data = await api.data(`{
      smb: customers(filter: { segments: ["smb"] }) { edges { node { name } } }
      churned: customers(filter: { churned: true }) { edges { node { name churnedAt } } }
      current: customers(filter: { churned: false }) { totalCount }
      joined2026: customers(filter: { createdFrom: "2026-01-01T00:00:00Z" }) { edges { node { name } } }
      newest: customers(first: 1, orderBy: { field: CREATED_AT, direction: DESC }) { edges { node { name } } }
    }`);
    expect(data.smb.edges).toEqual([{ node: { name: 'Bolt' } }]);
    expect(data.churned.edges).toEqual([{ node: { name: 'Bolt', churnedAt: '2026-02-01T00:00:00.000Z' } }]);
    expect(data.current.totalCount).toBe(2);
    expect(data.joined2026.edges).toEqual([{ node: { name: 'Cato' } }]);
    expect(data.newest.edges).toEqual([{ node: { name: 'Cato' } }]);
  });
});
