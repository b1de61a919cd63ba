// What a key holder could do beyond its key, and input that failed as an unexpected error
// (issue 15, items 7, 9 and the access and input points of 10): page sizes checked without
// edges, idempotency through the SDK's header for every mutation and per key, keys:admin
// granting only what it holds, agent e-mails of other teams, and variables, lists and periods
// of absurd size answered as bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../server/auth/api-keys.js';
import { createDeskqlYoga, type DeskqlYoga } from '../server/yoga.js';
import { loadKpiFixture } from './support/kpi-fixture.js';
import { bearer, globalId, type HttpAnswer, postGraphQL, send as sendRequest, startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
/** A service: keys required, no rate limit. */
let service: DeskqlYoga;
let fixture: Awaited<ReturnType<typeof loadKpiFixture>>;

function send(query: string, variables: Record<string, unknown>, key: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return postGraphQL(service, query, variables, { ...bearer(key), ...headers });
}

let admin: string;
let reader: string;

beforeAll(async () => {
  api = await startTestApi();
  fixture = await loadKpiFixture(api.db.prisma);
  service = createDeskqlYoga({ db: api.db, anonymousScopes: null, rateLimit: { burst: 1, refillPerSecond: 0 } });
  admin = (
    await createApiKey(api.db.sql, { name: 'admin', scopes: ['kpis:read', 'kpis:agents', 'records:read', 'records:write', 'keys:admin'] })
  ).key;
  reader = (await createApiKey(api.db.sql, { name: 'reader', scopes: ['kpis:read', 'records:read'] })).key;
});
afterAll(() => api.close());

describe('page size without edges (item 7)', () => {
  it('tickets(first: 500) { totalCount } is refused like a page of 500', async () => {
    const answer = await send('{ tickets(first: 500) { totalCount } }', {}, reader);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.body.errors?.[0]?.message).toBe(
      'first must be between 0 and 100, got 500; page through larger results with after/before',
    );
    expect(answer.body.errors?.[0]?.path).toEqual(['tickets']);
  });

  it('also through a variable and on nested connections', async () => {
    const answer = await send('query($n: Int) { teams { edges { node { tickets(last: $n) { totalCount } } } } }', { n: 101 }, reader);
    expect(answer.body.errors?.[0]?.message).toMatch(/^last must be between 0 and 100, got 101/);
    const fine = await send('{ tickets(first: 100) { totalCount } }', {}, reader);
    expect(fine.body.data.tickets.totalCount).toBe(9);
  });
});

describe('idempotency (item 9)', () => {
  const CREATE = 'mutation($name: String!) { createApiKey(input: { name: $name, scopes: [KPIS_READ] }) { key apiKey { id name } } }';

  it('honours the Idempotency-Key header: a retried createApiKey creates one key and returns it again', async () => {
    const before = (await api.db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM api_key'))[0]!.n;
    const answers: HttpAnswer[] = [];
    for (let i = 0; i < 4; i++) answers.push(await send(CREATE, { name: 'retried' }, admin, { 'idempotency-key': 'create-retried-1' }));
    const after = (await api.db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM api_key'))[0]!.n;
    expect(after).toBe(before + 1);
    for (const answer of answers) expect(answer.body.data.createApiKey).toEqual(answers[0]!.body.data.createApiKey);
    // The stored answer does not hold the new key in the clear.
    const receipts = await api.db.sql.query<{ response: string }>('SELECT response FROM idempotency_receipt');
    expect(receipts.some((r) => r.response.includes(answers[0]!.body.data.createApiKey.key))).toBe(false);
  });

  it('honours the header for upserts and imports, and refuses it for a different request', async () => {
    const upsert = 'mutation($name: String!) { upsertTeam(input: { externalId: "t-idem", name: $name }) { created team { name } } }';
    const first = await send(upsert, { name: 'First' }, admin, { 'idempotency-key': 'team-1' });
    const retry = await send(upsert, { name: 'First' }, admin, { 'idempotency-key': 'team-1' });
    expect(first.body.data.upsertTeam.created).toBe(true);
    expect(retry.body.data.upsertTeam.created).toBe(true);
    const other = await send(upsert, { name: 'Second' }, admin, { 'idempotency-key': 'team-1' });
    expect(other.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(other.body.errors?.[0]?.message).toContain('was already used for a different request');
  });

  it('scopes receipts to the API key: another key reusing the string neither blocks the owner nor reads its answer', async () => {
    const other = (await createApiKey(api.db.sql, { name: 'other-admin', scopes: ['records:write', 'keys:admin', 'kpis:read'] })).key;
    const mine = await send(CREATE, { name: 'mine' }, admin, { 'idempotency-key': 'shared-string' });
    const theirs = await send(CREATE, { name: 'mine' }, other, { 'idempotency-key': 'shared-string' });
    expect(theirs.body.errors).toBeUndefined();
    expect(theirs.body.data.createApiKey.key).not.toBe(mine.body.data.createApiKey.key);
    const theirsElse = await send(CREATE, { name: 'theirs' }, other, { 'idempotency-key': 'fresh-for-other' });
    const mineAgain = await send(CREATE, { name: 'theirs' }, admin, { 'idempotency-key': 'fresh-for-other' });
    expect(mineAgain.body.errors).toBeUndefined();
    expect(mineAgain.body.data.createApiKey.key).not.toBe(theirsElse.body.data.createApiKey.key);
  });

  it('receipts expire after 24 hours and are pruned', async () => {
    await send(CREATE, { name: 'old' }, admin, { 'idempotency-key': 'old-receipt' });
    await api.db.sql.query("UPDATE idempotency_receipt SET created_at = now() - interval '25 hours'");
    const again = await send(CREATE, { name: 'old' }, admin, { 'idempotency-key': 'old-receipt' });
    expect(again.body.errors).toBeUndefined();
    const [{ n }] = (await api.db.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM idempotency_receipt WHERE created_at < now() - interval '24 hours'",
    )) as [{ n: number }];
    expect(n).toBe(0);
  });
});

describe('key administration (item 10)', () => {
  it('keys:admin cannot mint a key with scopes it does not hold', async () => {
    const keysOnly = (await createApiKey(api.db.sql, { name: 'keys-only', scopes: ['keys:admin'] })).key;
    const answer = await send(
      'mutation { createApiKey(input: { name: "escalated", scopes: [RECORDS_WRITE, KEYS_ADMIN] }) { key } }',
      {},
      keysOnly,
    );
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.body.errors?.[0]?.message).toContain('cannot grant records:write, which it does not hold itself');
    const allowed = await send('mutation { createApiKey(input: { name: "same", scopes: [KEYS_ADMIN] }) { key } }', {}, keysOnly);
    expect(allowed.body.data.createApiKey.key).toMatch(/^dq_/);
  });

  it("a team-restricted key reads the e-mails of its teams' agents only", async () => {
    const restricted = (
      await createApiKey(api.db.sql, { name: 'tier-1', scopes: ['kpis:read', 'records:read'], teamIds: [fixture.teams.t1.id] })
    ).key;
    const answer = await send('{ agents(first: 10) { edges { node { name email team { name } } } } }', {}, restricted);
    expect(answer.body.errors).toBeUndefined();
    const byName = Object.fromEntries(answer.body.data.agents.edges.map((e: any) => [e.node.name, e.node.email]));
    expect(byName).toEqual({ Ana: 'ana@example.com', Bruno: null, Carla: null });
    const node = await send(`{ node(id: "${globalId('Agent', fixture.agents.b.id)}") { ... on Agent { email } } }`, {}, restricted);
    expect(node.body.data.node.email).toBeNull();
    const unrestricted = await send('{ agents(first: 10) { edges { node { email } } } }', {}, reader);
    expect(unrestricted.body.data.agents.edges.every((e: any) => e.node.email)).toBe(true);
  });
});

describe('absurd input is BAD_USER_INPUT (item 10)', () => {
  it('variables nested 100,000 deep', async () => {
    // Written by hand: JSON.stringify itself cannot go this deep.
    const nested = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
    const query =
      'query($f: KpiFilter) { kpis(period: { from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z" }, filter: $f) { ticketCount } }';
    const { status, body } = await sendRequest(service, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(reader) },
      body: `{"query":${JSON.stringify(query)},"variables":{"f":{"teamIds":${nested}}}}`,
    });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('variables may nest at most 20 levels deep');
  });

  it('500,000 ids in a filter', async () => {
    const ids = Array.from({ length: 500_000 }, (_, i) => globalId('Team', i + 1));
    const answer = await send('query($ids: [ID!]) { tickets(first: 1, filter: { teamIds: $ids }) { totalCount } }', { ids }, reader);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.body.errors?.[0]?.message).toContain('holds 500000 items, more than the 1000 any list input takes');
  });

  it('kpis over the years 0000 to 9999, and over a century and more', async () => {
    const years = await send('{ kpis(period: { from: "0000-01-01T00:00:00Z", to: "9999-12-31T00:00:00Z" }) { ticketCount } }', {}, reader);
    expect(years.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(years.body.errors?.[0]?.message).toContain('in the years 1900 to 9999');
    const long = await send(
      '{ kpis(period: { from: "1900-01-01T00:00:00Z", to: "9999-12-31T00:00:00Z" }) { ticketCount comparison { from } } }',
      {},
      reader,
    );
    expect(long.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(long.body.errors?.[0]?.message).toContain('spans more than 100 years');
  });

  for (const dimension of ['AGENT', 'TEAM', 'CHANNEL']) {
    it(`KpiSlice.customers.totalCount on slices grouped by ${dimension}`, async () => {
      const answer = await send(
        `{ kpiSlices(period: { from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z" }, groupBy: [${dimension}]) { customers(basis: AT_END) { totalCount } } }`,
        {},
        admin,
      );
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.body.errors?.[0]?.message).toMatch(/customersAtStart/);
    });
  }
});
