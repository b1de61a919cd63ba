// Key administration through the API as an administrator uses it: a key created with
// createApiKey works at once for what its scopes allow and nothing else, is listed without its
// secret, is stored only as a hash, and stops working the moment it is revoked. Scopes are
// checked per field (the `authScopes` each field declares) before anything executes.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../server/auth/api-keys.js';
import type { Scope } from '../server/auth/scopes.js';
import { importNdjson } from '../server/import/import-ndjson.js';
import { EXAMPLE, linesOf, ndjson } from './support/ndjson.js';
import {
  bearer,
  errorCodes as codes,
  globalId,
  type HttpAnswer,
  postGraphQL,
  startTestApi,
  type TestApi,
  type UntypedData,
} from './support/test-api.js';

/** No anonymous access, rate limit off: the production configuration, minus the rate limit. */
const PRODUCTION = { anonymousScopes: null, rateLimit: { burst: 1, refillPerSecond: 0 } };
const PERIOD = 'period: { from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z" }';

let api: TestApi;
let admin: string;
let teamId: string;

beforeAll(async () => {
  api = await startTestApi({ yoga: PRODUCTION });
  // One record of every type: team t-1 with one ticket in March 2026.
  const report = await importNdjson(api.db, linesOf(ndjson(EXAMPLE)));
  expect(report.ok).toBe(true);
  // A key grants at most its own scopes: the administrator holds them all.
  admin = (await key('admin', ['kpis:read', 'kpis:agents', 'records:read', 'records:write', 'keys:admin'])).key;
  // A second team, created through the API by a key that may write (and has no tickets).
  const writer = await key('writer', ['records:write']);
  const created = await post(
    'mutation { upsertTeam(input: { externalId: "t-partner", name: "Partner desk" }) { created team { id name } } }',
    {},
    writer.key,
  );
  expect(created.body.errors).toBeUndefined();
  expect(created.body.data.upsertTeam.created).toBe(true);
  teamId = created.body.data.upsertTeam.team.id;
});
afterAll(() => api.close());

function key(name: string, scopes: Scope[], teamIds?: number[]) {
  return createApiKey(api.db.sql, { name, scopes, teamIds });
}

function post(query: string, variables: Record<string, unknown> = {}, apiKey?: string): Promise<HttpAnswer> {
  return postGraphQL(api.yoga, query, variables, bearer(apiKey));
}

/** The answer of a request that must succeed. */
async function ok(query: string, variables: Record<string, unknown>, apiKey: string): Promise<UntypedData> {
  const answer = await post(query, variables, apiKey);
  expect(answer.body.errors, answer.text).toBeUndefined();
  expect(answer.status).toBe(200);
  return answer.body.data;
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await api.db.sql.query<{ n: number | string }>(sql, params);
  return Number(row!.n);
}

const CREATE = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) {
  key apiKey { id name prefix scopes teams { id name } createdAt revokedAt } } }`;
const LIST = '{ apiKeys { id name prefix scopes teams { id } createdAt revokedAt } }';
const REVOKE = 'mutation ($id: ID!) { revokeApiKey(id: $id) { id name revokedAt } }';
const VIEWER = '{ viewer { name anonymous scopes restricted teams { id name } } }';

describe('a key created through the API', () => {
  it('works at once for its scopes, is listed without its secret, and is refused as soon as it is revoked', async () => {
    const created = (await ok(CREATE, { input: { name: 'acme-bi', scopes: ['KPIS_READ', 'RECORDS_READ'] } }, admin)).createApiKey;
    expect(created.key).toMatch(/^dq_[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({ name: 'acme-bi', prefix: created.key.slice(0, 10), teams: [], revokedAt: null });
    expect([...created.apiKey.scopes].sort()).toEqual(['KPIS_READ', 'RECORDS_READ']);
    expect(Date.parse(created.apiKey.createdAt)).not.toBeNaN();

    // The new key works for what its scopes allow, with no delay.
    const mine = await ok(
      `{ viewer { name anonymous scopes restricted teams { id } } tickets(first: 5) { totalCount } kpis(${PERIOD}) { ticketCount } }`,
      {},
      created.key,
    );
    expect(mine.viewer).toMatchObject({ name: 'acme-bi', anonymous: false, restricted: false, teams: [] });
    expect([...mine.viewer.scopes].sort()).toEqual(['KPIS_READ', 'RECORDS_READ']);
    expect(mine.tickets.totalCount).toBe(1);
    expect(mine.kpis.ticketCount).toBe(1);

    // Listed with its prefix and scopes; the key itself (or its secret part, or its hash) is nowhere in the answer.
    const list = await post(LIST, {}, admin);
    expect(list.body.errors).toBeUndefined();
    const listed = list.body.data.apiKeys.find((k: any) => k.id === created.apiKey.id);
    expect(listed).toMatchObject({ name: 'acme-bi', prefix: created.key.slice(0, 10), teams: [], revokedAt: null });
    expect([...listed.scopes].sort()).toEqual(['KPIS_READ', 'RECORDS_READ']);
    expect(list.text).not.toContain(created.key);
    expect(list.text).not.toContain(created.key.slice(10));
    expect(list.text).not.toContain(sha256(created.key));
    expect(list.text).not.toMatch(/"(key|hash|secret)"/);

    // Revoked: the very next request with it is refused, saying so.
    const revoked = (await ok(REVOKE, { id: created.apiKey.id }, admin)).revokeApiKey;
    expect(revoked).toMatchObject({ id: created.apiKey.id, name: 'acme-bi' });
    expect(Date.parse(revoked.revokedAt)).not.toBeNaN();
    const refused = await post('{ viewer { name } }', {}, created.key);
    expect(refused.status).toBe(401);
    expect(refused.body.data).toBeUndefined();
    expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
    expect(refused.body.errors![0]!.message).toMatch(/revoked/);
    const after = (await ok(LIST, {}, admin)).apiKeys.find((k: any) => k.id === created.apiKey.id);
    expect(after.revokedAt).toBe(revoked.revokedAt);

    // Revoking it again changes nothing.
    expect((await ok(REVOKE, { id: created.apiKey.id }, admin)).revokeApiKey.revokedAt).toBe(revoked.revokedAt);
    expect((await post('{ viewer { name } }', {}, created.key)).status).toBe(401);
  });

  it('is stored only as a hash: no column of any api_key row holds the key', async () => {
    const created = (await ok(CREATE, { input: { name: 'hash-check', scopes: ['KPIS_READ'] } }, admin)).createApiKey;
    const rows = await api.db.sql.query<{ row: string }>('SELECT row_to_json(k)::text AS row FROM api_key k');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const { row } of rows) {
      expect(row).not.toContain(created.key);
      expect(row).not.toContain(created.key.slice(10));
    }
    const [stored] = await api.db.sql.query<{ hash: string; prefix: string }>('SELECT hash, prefix FROM api_key WHERE id = $1', [
      Number(created.apiKey.id),
    ]);
    expect(stored!.hash).toBe(sha256(created.key));
    expect(stored!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.prefix).toBe(created.key.slice(0, 10));
  });

  it("restricted to a team: viewer says so and names the team, and it sees only that team's tickets", async () => {
    const created = (await ok(CREATE, { input: { name: 'partner', scopes: ['KPIS_READ', 'RECORDS_READ'], teamIds: [teamId] } }, admin))
      .createApiKey;
    expect(created.apiKey.teams).toEqual([{ id: teamId, name: 'Partner desk' }]);
    const data = await ok(`${VIEWER.slice(0, -1)} tickets(first: 5) { totalCount } }`, {}, created.key);
    expect(data.viewer).toMatchObject({
      name: 'partner',
      anonymous: false,
      restricted: true,
      teams: [{ id: teamId, name: 'Partner desk' }],
    });
    // Team t-1 has the only ticket; the partner team has none.
    expect(data.tickets.totalCount).toBe(0);
    const listed = (await ok(LIST, {}, admin)).apiKeys.find((k: any) => k.id === created.apiKey.id);
    expect(listed.teams).toEqual([{ id: teamId }]);
  });
});

describe('bad key definitions', () => {
  async function refused(input: Record<string, unknown>, message: RegExp) {
    const before = await count('SELECT count(*) AS n FROM api_key');
    const answer = await post(CREATE, { input }, admin);
    expect(codes(answer), answer.text).toEqual(['BAD_USER_INPUT']);
    expect(answer.body.errors![0]!.message).toMatch(message);
    expect(answer.body.data?.createApiKey ?? null).toBeNull();
    expect(answer.text).not.toMatch(/dq_[A-Za-z0-9_-]{43}/);
    expect(await count('SELECT count(*) AS n FROM api_key')).toBe(before);
  }

  it('a team-restricted key with a write or administration scope is refused, naming the scope', async () => {
    await refused(
      { name: 'x', scopes: ['RECORDS_READ', 'RECORDS_WRITE'], teamIds: [teamId] },
      /team-restricted key cannot hold records:write/,
    );
    await refused({ name: 'x', scopes: ['KPIS_READ', 'KEYS_ADMIN'], teamIds: [teamId] }, /team-restricted key cannot hold keys:admin/);
  });

  it('a team that does not exist, or an ID of something else, is refused', async () => {
    await refused({ name: 'x', scopes: ['KPIS_READ'], teamIds: [globalId('Team', 999_999)] }, /no team has the id 999999/);
    await refused({ name: 'x', scopes: ['KPIS_READ'], teamIds: [globalId('Agent', 1)] }, /teamIds\[0\] is a Agent ID; pass Team IDs/);
    await refused({ name: 'x', scopes: ['KPIS_READ'], teamIds: ['not-an-id'] }, /is not a DeskQL ID/);
  });

  it('no scopes or a blank name is refused with a message saying what to give', async () => {
    await refused({ name: 'x', scopes: [] }, /scopes: give at least one of kpis:read/);
    await refused({ name: '   ', scopes: ['KPIS_READ'] }, /name: give the key a name of 1 to 100 characters/);
    await refused({ name: 'n'.repeat(101), scopes: ['KPIS_READ'] }, /name: give the key a name of 1 to 100 characters/);
  });

  it('revoking an id that names no key is refused', async () => {
    for (const [id, message] of [
      ['999999', /no API key has the id 999999/],
      ['abc', /"abc" is not an API key id/],
      ['99999999999', /is not an API key id/],
    ] as const) {
      const answer = await post(REVOKE, { id }, admin);
      expect(codes(answer), answer.text).toEqual(['BAD_USER_INPUT']);
      expect(answer.body.errors![0]!.message).toMatch(message);
    }
  });
});

describe('scopes', () => {
  it('a key without keys:admin can neither list, create nor revoke keys (403, nothing changed)', async () => {
    const everythingButAdmin = await key('no-admin', ['kpis:read', 'kpis:agents', 'records:read', 'records:write']);
    const victim = await key('victim', ['kpis:read']);
    const before = await count('SELECT count(*) AS n FROM api_key');
    const attempts = [
      post(LIST, {}, everythingButAdmin.key),
      post(CREATE, { input: { name: 'escalated', scopes: ['KEYS_ADMIN'] } }, everythingButAdmin.key),
      post(REVOKE, { id: String(victim.id) }, everythingButAdmin.key),
    ];
    for (const [answer, field] of (await Promise.all(attempts)).map(
      (a, i) => [a, ['Query.apiKeys', 'Mutation.createApiKey', 'Mutation.revokeApiKey'][i]] as const,
    )) {
      expect(answer.status, answer.text).toBe(403);
      expect(answer.body.data).toBeUndefined();
      expect(codes(answer)).toEqual(['FORBIDDEN']);
      expect(answer.body.errors![0]!.message).toContain(`${field} needs the scope keys:admin`);
    }
    expect(await count('SELECT count(*) AS n FROM api_key')).toBe(before);
    expect(await count('SELECT count(*) AS n FROM api_key WHERE revoked_at IS NOT NULL AND id = $1', [victim.id])).toBe(0);
    expect((await ok('{ viewer { name } }', {}, victim.key)).viewer.name).toBe('victim');
  });

  it('records:read reads tickets and the directory but not KPIs', async () => {
    const reader = await key('records-only', ['records:read']);
    const data = await ok(
      '{ tickets(first: 5) { totalCount edges { node { subject customer { name } } } } teams(first: 5) { totalCount } }',
      {},
      reader.key,
    );
    expect(data.tickets.totalCount).toBe(1);
    expect(data.tickets.edges[0].node).toEqual({ subject: 'Cannot log in', customer: { name: 'Acme' } });
    const kpis = await post(`{ kpis(${PERIOD}) { ticketCount } }`, {}, reader.key);
    expect(kpis.status).toBe(403);
    expect(kpis.body.data).toBeUndefined();
    expect(codes(kpis)).toEqual(['FORBIDDEN']);
    expect(kpis.body.errors![0]!.message).toMatch(/Query\.kpis needs the scope kpis:read; the key "records-only" has records:read/);
  });

  it('kpis:read reads KPIs and team names but no records, agent e-mails or agent KPIs', async () => {
    const reader = await key('kpis-only', ['kpis:read']);
    const data = await ok(`{ kpis(${PERIOD}) { ticketCount } teams(first: 5) { edges { node { name } } } }`, {}, reader.key);
    expect(data.kpis.ticketCount).toBe(1);
    expect(data.teams.edges.map((e: any) => e.node.name).sort()).toEqual(['Partner desk', 'Tier 1']);
    for (const [query, problem] of [
      ['{ tickets(first: 5) { totalCount } }', 'Query.tickets needs the scope records:read'],
      [
        '{ teams(first: 5) { edges { node { tickets(first: 1) { totalCount } } } } }',
        'Team.tickets (Ticket records) needs the scope records:read',
      ],
      ['{ agents(first: 5) { edges { node { email } } } }', 'Agent.email needs the scope records:read'],
      [`{ kpiSlices(${PERIOD}, granularity: MONTH, groupBy: [AGENT]) { kpis { ticketCount } } }`, 'kpis:agents'],
    ] as const) {
      const answer = await post(query, {}, reader.key);
      expect(answer.status, query).toBe(403);
      expect(answer.body.data).toBeUndefined();
      expect(codes(answer)).toContain('FORBIDDEN');
      expect(answer.body.errors!.map((e) => e.message).join('\n')).toContain(problem);
    }
    // A document mixing allowed and refused fields is refused whole.
    const mixed = await post(`{ kpis(${PERIOD}) { ticketCount } tickets(first: 1) { totalCount } }`, {}, reader.key);
    expect(mixed.status).toBe(403);
    expect(mixed.body.data).toBeUndefined();
  });

  it('records:write may upsert a team; read keys may not, and nothing is written', async () => {
    const writer = await key('writer-2', ['records:write']);
    const reader = await key('reader-all', ['kpis:read', 'kpis:agents', 'records:read']);
    const mutation =
      'mutation ($id: String!) { upsertTeam(input: { externalId: $id, name: "Written" }) { created userErrors { message } } }';
    const written = await ok(mutation, { id: 't-written' }, writer.key);
    expect(written.upsertTeam).toEqual({ created: true, userErrors: [] });
    expect(await count('SELECT count(*) AS n FROM team WHERE external_id = $1', ['t-written'])).toBe(1);

    const refusedAnswer = await post(mutation, { id: 't-refused' }, reader.key);
    expect(refusedAnswer.status).toBe(403);
    expect(refusedAnswer.body.data).toBeUndefined();
    expect(codes(refusedAnswer)).toEqual(['FORBIDDEN']);
    expect(refusedAnswer.body.errors![0]!.message).toContain('Mutation.upsertTeam needs the scope records:write');
    expect(await count('SELECT count(*) AS n FROM team WHERE external_id = $1', ['t-refused'])).toBe(0);
    // A write key reads nothing.
    const read = await post('{ tickets(first: 1) { totalCount } }', {}, writer.key);
    expect(read.status).toBe(403);
  });

  it('viewer is open to any key, and nothing is open without one', async () => {
    const writer = await key('only-writes', ['records:write']);
    const viewer = (await ok(VIEWER, {}, writer.key)).viewer;
    expect(viewer).toEqual({ name: 'only-writes', anonymous: false, scopes: ['RECORDS_WRITE'], restricted: false, teams: [] });
    const anonymous = await post(VIEWER);
    expect(anonymous.status).toBe(401);
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
