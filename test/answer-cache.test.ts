// Answers reused until the data changes: a repeated question is served from the response
// cache (extensions.freshness.cached), a committed write makes the next answer fresh, a
// restricted key never receives another key's cached answer, answers reaching past "now"
// are kept at most a minute, and every answer reports its data version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerFreshness } from '../server/graphql/answer-freshness.js';
import { KpiRequestCache } from '../server/graphql/kpi-request-cache.js';
import { createApiKey } from '../server/auth/api-keys.js';
import { seedDatabase } from '../server/seed/seed.js';
import { ndjson } from './support/ndjson.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
let admin: Record<string, string>;
let reader: Record<string, string>;
let restricted: Record<string, string>;
let otherRestricted: Record<string, string>;

const SECRET_ACCESS = { anonymousScopes: null, rateLimit: { burst: 1, refillPerSecond: 0 } };
const period = { from: '2026-03-01T00:00:00Z', to: '2026-06-01T00:00:00Z' };
const kpiQuery = 'query ($p: PeriodInput!) { kpis(period: $p) { ticketCount resolvedCount csat { average } } }';

interface Freshness {
  dataVersion: string;
  dataAsOf: string;
  cached: boolean;
}

beforeAll(async () => {
  api = await startTestApi({ yoga: SECRET_ACCESS });
  await seedDatabase(api.db, { tickets: 600, seed: 3, until: new Date('2026-06-01T00:00:00Z'), days: 120, agents: 20, customers: 100 });
  const teams = await api.db.sql.query<{ id: number }>('SELECT id FROM team ORDER BY id');
  const read = ['kpis:read', 'kpis:agents', 'records:read'];
  const header = (key: string) => ({ authorization: `Bearer ${key}` });
  admin = header((await createApiKey(api.db.sql, { name: 'admin', scopes: [...read, 'records:write'] })).key);
  reader = header((await createApiKey(api.db.sql, { name: 'reader', scopes: read })).key);
  restricted = header((await createApiKey(api.db.sql, { name: 'team-1', scopes: read, teamIds: [teams[0]!.id] })).key);
  otherRestricted = header((await createApiKey(api.db.sql, { name: 'team-2', scopes: read, teamIds: [teams[1]!.id] })).key);
});
afterAll(() => api.close());

async function ask(headers: Record<string, string>, query = kpiQuery, variables: Record<string, unknown> = { p: period }) {
  const result = (await api.graphql(query, variables, headers)) as {
    data?: any;
    errors?: unknown[];
    extensions?: { freshness?: Freshness };
  };
  expect(result.errors).toBeUndefined();
  return { data: result.data, freshness: result.extensions!.freshness! };
}

describe('the response cache', () => {
  it('answers a repeated question from the cache, with the data version it was computed from', async () => {
    const first = await ask(reader);
    expect(first.freshness.cached).toBe(false);
    expect(first.freshness.dataVersion).toMatch(/^\d+$/);
    expect(Date.parse(first.freshness.dataAsOf)).not.toBeNaN();
    const statements = await api.countStatements(async () => {
      const again = await ask(reader);
      expect(again).toEqual({ data: first.data, freshness: { ...first.freshness, cached: true } });
    });
    expect(statements).toBe(0);
  });

  it('never serves an answer computed before a committed write', async () => {
    const before = await ask(reader);
    const { importRecords } = await (
      await api.graphql(
        'mutation ($i: ImportRecordsInput!) { importRecords(input: $i) { ok } }',
        {
          i: {
            ndjson: ndjson([
              {
                type: 'customer',
                externalId: 'cache-c',
                name: 'Cache Co',
                email: null,
                segment: 'smb',
                createdAt: '2026-01-01T00:00:00Z',
                churnedAt: null,
              },
              {
                type: 'ticket',
                externalId: 'cache-t',
                subject: 'New',
                channel: 'WEB',
                priority: 'LOW',
                category: null,
                status: 'SOLVED',
                customer: 'cache-c',
                assignee: null,
                team: null,
                createdAt: '2026-04-01T00:00:00Z',
                firstResponseAt: null,
                resolvedAt: '2026-04-02T00:00:00Z',
                reopenCount: 0,
                knowledgeArticle: null,
              },
            ]),
          },
        },
        admin,
      )
    ).data!;
    expect(importRecords.ok).toBe(true);
    const after = await ask(reader);
    expect(after.freshness.cached).toBe(false);
    expect(BigInt(after.freshness.dataVersion)).toBeGreaterThan(BigInt(before.freshness.dataVersion));
    expect(after.data.kpis.ticketCount).toBe(before.data.kpis.ticketCount + 1);
    expect(after.data.kpis.resolvedCount).toBe(before.data.kpis.resolvedCount + 1);
    // A write straight to the database (a BI tool, npm run import) moves the version too.
    await api.db.sql.query("UPDATE ticket SET resolved_at = NULL, status = 'OPEN' WHERE external_id = 'cache-t'");
    const third = await ask(reader);
    expect(third.freshness.cached).toBe(false);
    expect(third.data.kpis.resolvedCount).toBe(before.data.kpis.resolvedCount);
  });

  it("keys answers by the caller's scopes and teams: a restricted key never receives another key's answer", async () => {
    const everyone = await ask(reader);
    const team1 = await ask(restricted);
    const team2 = await ask(otherRestricted);
    expect(team1.freshness.cached).toBe(false);
    expect(team2.freshness.cached).toBe(false);
    expect(team1.data.kpis.ticketCount).toBeLessThan(everyone.data.kpis.ticketCount);
    expect(team2.data.kpis.ticketCount).not.toBe(team1.data.kpis.ticketCount);
    // Each key now has its own entry.
    expect((await ask(restricted)).data).toEqual(team1.data);
    expect((await ask(otherRestricted)).data).toEqual(team2.data);
    expect((await ask(reader)).data).toEqual(everyone.data);
  });

  it('never answers a mutation from the cache: the same createApiKey twice makes two keys', async () => {
    const keyAdmin = {
      authorization: `Bearer ${(await createApiKey(api.db.sql, { name: 'key-admin', scopes: ['keys:admin', 'kpis:read'] })).key}`,
    };
    const create = 'mutation { createApiKey(input: { name: "twice", scopes: [KPIS_READ] }) { key } }';
    const first = await api.graphql(create, {}, keyAdmin);
    const second = await api.graphql(create, {}, keyAdmin);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect((second.data as any).createApiKey.key).not.toBe((first.data as any).createApiKey.key);
  });

  it('reports freshness on mutations too, and does not cache answers with errors', async () => {
    const result = await api.graphql(
      'mutation ($i: ImportRecordsInput!) { importRecords(input: $i) { ok } }',
      { i: { ndjson: ndjson([{ type: 'team', externalId: 'cache-team', name: 'Cache' }]) } },
      admin,
    );
    expect((result as any).extensions.freshness).toMatchObject({ cached: false, dataVersion: expect.stringMatching(/^\d+$/) });
    const bad = { p: { from: '2026-06-01T00:00:00Z', to: '2026-03-01T00:00:00Z' } };
    for (let i = 0; i < 2; i++) {
      const refused = await api.graphql(kpiQuery, bad, reader);
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((refused as any).extensions.freshness.cached).toBe(false);
    }
  });

  it('moves the data version when an SLA policy changes, and marks SLA answers as changing with time', async () => {
    const slaQuery = 'query ($p: PeriodInput!) { kpis(period: $p) { firstResponseSla { achieved breached pending } } }';
    const policy = (target: number) =>
      ndjson([
        {
          type: 'sla',
          externalId: 'demo-sla-high',
          name: 'High',
          priority: 'HIGH',
          firstResponseTargetSeconds: target,
          resolutionTargetSeconds: null,
          businessHours: false,
        },
      ]);
    const write = async (target: number) => {
      const result = await api.graphql(
        'mutation ($i: ImportRecordsInput!) { importRecords(input: $i) { ok } }',
        { i: { ndjson: policy(target) } },
        admin,
      );
      expect(result.errors).toBeUndefined();
      expect((result.data as any).importRecords.ok).toBe(true);
    };
    await write(60);
    const strict = await ask(reader, slaQuery);
    expect(strict.freshness.cached).toBe(false);
    expect((await ask(reader, slaQuery)).freshness.cached).toBe(true);
    // A policy write alone (no ticket written) changes the numbers: the next answer is fresh.
    await write(30 * 86_400);
    const lenient = await ask(reader, slaQuery);
    expect(lenient.freshness.cached).toBe(false);
    expect(BigInt(lenient.freshness.dataVersion)).toBeGreaterThan(BigInt(strict.freshness.dataVersion));
    expect(lenient.data.kpis.firstResponseSla.breached).toBeLessThan(strict.data.kpis.firstResponseSla.breached);
    // Pending targets turn into breaches with time alone: computing SLA attainment marks the
    // answer as one that changes with time (kept at most NOW_TTL_MS), other families do not.
    const freshness = new AnswerFreshness();
    const kpis = new KpiRequestCache(undefined, freshness);
    kpis.observeFamily('created', 0.1);
    expect(freshness.dependsOnNow).toBe(false);
    kpis.observeFamily('sla', 0.1);
    expect(freshness.dependsOnNow).toBe(true);
  });
});
