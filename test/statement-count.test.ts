// N+1 guard: the number of SQL statements a page costs must not grow with the page size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../server/seed/seed.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await seedDatabase(api.db, { tickets: 400, seed: 7, until: new Date('2026-06-01T00:00:00Z'), days: 60, agents: 120, customers: 150 });
});

afterAll(() => api.close());

async function statementsFor(query: string, first: number): Promise<number> {
  return api.countStatements(async () => {
    const result = await api.graphql(query, { first });
    expect(result.errors).toBeUndefined();
  });
}

describe('SQL statements per page', () => {
  it('a page of tickets with customer, assignee and team costs the same for 10 and 100 tickets', async () => {
    const query = `query ($first: Int) { tickets(first: $first) { totalCount edges { node {
      id subject customer { name } assignee { name } team { name } } } } }`;
    const ten = await statementsFor(query, 10);
    const hundred = await statementsFor(query, 100);
    expect(ten).toBeGreaterThan(0);
    expect(hundred).toBe(ten);
    // tickets + customers + agents + teams + totalCount
    expect(hundred).toBeLessThanOrEqual(5);
  });

  it('nested relations and connections stay constant too', async () => {
    const query = `query ($first: Int) { agents(first: $first) { edges { node {
      name team { name agents(first: 3) { totalCount edges { node { name } } } }
      tickets(first: 2) { totalCount edges { node { subject customer { name } } } } } } } }`;
    const ten = await statementsFor(query, 10);
    const hundred = await statementsFor(query, 100);
    expect(ten).toBeGreaterThan(0);
    expect(hundred).toBe(ten);
  });

  it('node(id:) lookups of tickets with relations cost a fixed number', async () => {
    const { tickets } = await api.data('{ tickets(first: 1) { edges { node { id } } } }');
    const id = tickets.edges[0].node.id;
    const count = await api.countStatements(() =>
      api.data('query ($id: ID!) { node(id: $id) { ... on Ticket { customer { name } assignee { name } team { name } } } }', { id }),
    );
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(4);
  });
});
