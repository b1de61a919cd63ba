import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from './support/fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
const TICKETS = 25;

beforeAll(async () => {
  api = await startTestApi();
  const make = fixtures(api.db.prisma);
  const customer = await make.customer('Acme');
  // Groups of three tickets share a creation instant: only the id tie-breaker orders them.
  for (let n = 0; n < TICKETS; n++) {
    await make.ticket(customer.id, {
      subject: `Ticket ${n}`,
      createdAt: new Date(Date.UTC(2026, 2, 1, Math.floor(n / 3))),
    });
  }
});

afterAll(() => api.close());

const page = `query ($first: Int, $after: String, $last: Int, $before: String, $orderBy: TicketOrder) {
  tickets(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    totalCount
    edges { cursor node { subject } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

async function walk(direction: 'forward' | 'backward', size: number, orderBy?: unknown): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 20; guard++) {
    const variables: Record<string, unknown> =
      direction === 'forward' ? { first: size, after: cursor, orderBy } : { last: size, before: cursor, orderBy };
    const { tickets }: { tickets: any } = await api.data(page, variables);
    expect(tickets.totalCount).toBe(TICKETS);
    const subjects = tickets.edges.map((edge: any) => edge.node.subject);
    if (direction === 'forward') seen.push(...subjects);
    else seen.unshift(...subjects);
    const more = direction === 'forward' ? tickets.pageInfo.hasNextPage : tickets.pageInfo.hasPreviousPage;
    if (!more) return seen;
    cursor = direction === 'forward' ? tickets.pageInfo.endCursor : tickets.pageInfo.startCursor;
  }
  throw new Error('pagination did not end');
}

describe('ticket connection', () => {
  it('orders newest first with the id breaking ties, by default', async () => {
    const { tickets } = await api.data(page, { first: 4 });
    expect(tickets.edges.map((e: any) => e.node.subject)).toEqual(['Ticket 24', 'Ticket 23', 'Ticket 22', 'Ticket 21']);
    expect(tickets.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('visits every ticket exactly once, forwards and backwards, in either order', async () => {
    const ascending = Array.from({ length: TICKETS }, (_, n) => `Ticket ${n}`);
    const descending = [...ascending].reverse();
    expect(await walk('forward', 7)).toEqual(descending);
    expect(await walk('backward', 7)).toEqual(descending);
    const byCreation = { field: 'CREATED_AT', direction: 'ASC' };
    expect(await walk('forward', 4, byCreation)).toEqual(ascending);
    expect(await walk('backward', 4, byCreation)).toEqual(ascending);
    expect(await walk('forward', 10, { field: 'ID', direction: 'DESC' })).toEqual(descending);
  });

  it('handles the edges of a page: exact fit, past the end, first: 0', async () => {
    const all = await api.data(page, { first: TICKETS });
    expect(all.tickets.edges).toHaveLength(TICKETS);
    expect(all.tickets.pageInfo.hasNextPage).toBe(false);
    const last = all.tickets.edges[TICKETS - 1].cursor;
    const after = await api.data(page, { first: 5, after: last });
    expect(after.tickets.edges).toEqual([]);
    expect(after.tickets.pageInfo.hasNextPage).toBe(false);
    const none = await api.data(page, { first: 0 });
    expect(none.tickets.edges).toEqual([]);
    expect(none.tickets.totalCount).toBe(TICKETS);
  });

  it('defaults to 20 per page', async () => {
    const { tickets } = await api.data(page, {});
    expect(tickets.edges).toHaveLength(20);
  });

  it('rejects page sizes over the maximum, on root and nested connections', async () => {
    const root = await api.graphql(page, { first: 101 });
    expect(root.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(root.errors?.[0]?.message).toBe('first must be between 0 and 100, got 101; page through larger results with after/before');
    const nested = await api.graphql('{ customers(first: 1) { edges { node { tickets(last: 500) { totalCount } } } } }');
    expect(nested.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(nested.errors?.[0]?.message).toContain('last must be between 0 and 100');
  });

  it('rejects contradictory or malformed paging arguments', async () => {
    const both = await api.graphql(page, { first: 2, last: 2 });
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const negative = await api.graphql(page, { first: -1 });
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await api.graphql(page, { first: 2, after: 'definitely-not-a-cursor' });
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const mixed = await api.graphql(page, { first: 2, before: 'x' });
    expect(mixed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects an unknown order field as a validation error', async () => {
    const result = await api.graphql('{ tickets(orderBy: { field: SUBJECT, direction: ASC }) { totalCount } }');
    expect(result.errors?.[0]?.message).toContain('SUBJECT');
  });
});
