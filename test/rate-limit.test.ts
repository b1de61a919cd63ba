// The per-key rate limit by query cost, as a client meets it: every answer reports what the
// operation cost and what is left; an operation the bucket cannot pay for is refused with 429
// and Retry-After before anything runs; buckets are per key (anonymous callers share one);
// concurrent requests cannot overdraw a bucket; refillPerSecond 0 turns the limit off; and the
// SDK waits out a short Retry-After by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../server/auth/api-keys.js';
import type { RateLimit } from '../server/auth/rate-limit.js';
import type { Scope } from '../server/auth/scopes.js';
import { createDeskqlYoga, type DeskqlYoga } from '../server/yoga.js';
import { createClient, DeskqlError, ViewerDocument } from '../sdk/src/index.js';
import { bearer, ENDPOINT, type HttpAnswer, postGraphQL, startTestApi, type TestApi, type UntypedData } from './support/test-api.js';

/** The production configuration with the rate limit off. */
const UNLIMITED = { anonymousScopes: null, rateLimit: { burst: 1, refillPerSecond: 0 } };

const QUERY = '{ teams(first: 5) { totalCount edges { node { name } } } }';
const UPSERT = 'mutation ($id: String!) { upsertTeam(input: { externalId: $id, name: "Rate limited" }) { created } }';

interface Cost {
  requested: number;
  remaining?: number;
  burst?: number;
  refillPerSecond?: number;
}
type Answer = HttpAnswer<UntypedData, { cost?: Cost }>;

let api: TestApi;
/** What QUERY and UPSERT cost, and the SDK's viewer(). */
let queryCost: number;
let upsertCost: number;
let viewerCost: number;

beforeAll(async () => {
  api = await startTestApi({ yoga: UNLIMITED });
  const probe = await key('probe', ['kpis:read', 'records:write']);
  queryCost = (await send(api.yoga, QUERY, {}, probe)).body.extensions!.cost!.requested;
  upsertCost = (await send(api.yoga, UPSERT, { id: 'probe' }, probe)).body.extensions!.cost!.requested;
  viewerCost = (await send(api.yoga, ViewerDocument.toString(), {}, probe)).body.extensions!.cost!.requested;
  for (const cost of [queryCost, upsertCost, viewerCost]) expect(cost).toBeGreaterThan(0);
});
afterAll(() => api.close());

let keyNumber = 0;
/** A fresh key, so that each test starts with a full bucket. */
function newKey(name: string, scopes: Scope[]): Promise<{ id: number; key: string }> {
  return createApiKey(api.db.sql, { name: `${name}-${++keyNumber}`, scopes });
}
async function key(name: string, scopes: Scope[]): Promise<string> {
  return (await newKey(name, scopes)).key;
}

async function bucketOf(keyId: number): Promise<number | null> {
  const [row] = await api.db.sql.query<{ tokens: number }>('SELECT tokens FROM rate_bucket WHERE subject = $1', [`key:${keyId}`]);
  return row ? Number(row.tokens) : null;
}

/** Another API on the same database, with its own rate limit (buckets live in the database). */
function limitedApi(rateLimit: RateLimit, anonymousScopes: Scope[] | null = null): DeskqlYoga {
  return createDeskqlYoga({ db: api.db, anonymousScopes, rateLimit });
}

function send(
  yoga: DeskqlYoga,
  query: string,
  variables: Record<string, unknown> = {},
  apiKey?: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return postGraphQL(yoga, query, variables, { ...headers, ...bearer(apiKey) });
}

function expectServed(answer: Answer) {
  expect(answer.body.errors, answer.text).toBeUndefined();
  expect(answer.status).toBe(200);
}

function expectRateLimited(answer: Answer): number {
  expect(answer.status, answer.text).toBe(429);
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
  const retryAfter = answer.headers.get('retry-after');
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  return Number(retryAfter);
}

async function teamExists(externalId: string): Promise<boolean> {
  return (await api.db.sql.query('SELECT 1 FROM team WHERE external_id = $1', [externalId])).length > 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the cost report', () => {
  it('every answer carries extensions.cost: requested, remaining, burst and refillPerSecond', async () => {
    const limit = { burst: Math.ceil(2.5 * queryCost), refillPerSecond: 1 };
    const yoga = limitedApi(limit);
    const reader = await key('reporter', ['kpis:read']);
    const first = await send(yoga, QUERY, {}, reader);
    expectServed(first);
    // Costs can be fractional (×1.5 per level); what is left is reported in whole units, rounded down.
    expect(first.body.extensions?.cost).toEqual({
      requested: queryCost,
      remaining: Math.floor(limit.burst - queryCost),
      burst: limit.burst,
      refillPerSecond: 1,
    });
    const second = await send(yoga, QUERY, {}, reader);
    expectServed(second);
    // Less the second cost, plus at most a second's refill.
    expect(second.body.extensions?.cost?.remaining).toBeGreaterThanOrEqual(Math.floor(limit.burst - 2 * queryCost));
    expect(second.body.extensions?.cost?.remaining).toBeLessThanOrEqual(Math.floor(limit.burst - 2 * queryCost + 1));
  });

  it('with refillPerSecond 0 there is no limit: never 429, and the report has only the cost', async () => {
    const reader = await newKey('unlimited', ['kpis:read']);
    // Far more than a burst of 1 would allow, at once.
    const answers = await Promise.all(Array.from({ length: 10 }, () => send(api.yoga, QUERY, {}, reader.key)));
    for (const answer of answers) {
      expectServed(answer);
      expect(answer.body.extensions?.cost).toEqual({ requested: queryCost });
    }
    // No bucket was even kept.
    expect(await bucketOf(reader.id)).toBeNull();
  });
});

describe('over the limit', () => {
  it('is refused with 429, Retry-After, RATE_LIMITED, a message with the numbers and the cost report; nothing runs', async () => {
    const limit = { burst: Math.ceil(upsertCost), refillPerSecond: 1 };
    const yoga = limitedApi(limit);
    const { id, key: writer } = await newKey('importer', ['records:write']);
    expectServed(await send(yoga, UPSERT, { id: 'rl-first' }, writer));
    expect(await teamExists('rl-first')).toBe(true);

    const refused = await send(yoga, UPSERT, { id: 'rl-second' }, writer);
    const retryAfter = expectRateLimited(refused);
    // Less than one unit is left and it refills at 1 per second: the shortfall, in whole seconds.
    const left = limit.burst - upsertCost;
    expect(left).toBeLessThan(1);
    expect(retryAfter).toBeGreaterThanOrEqual(Math.max(1, Math.ceil(upsertCost - left) - 1));
    expect(retryAfter).toBeLessThanOrEqual(Math.ceil(upsertCost - left));
    const message = refused.body.errors![0]!.message;
    expect(message).toContain(`this operation costs ${upsertCost}`);
    expect(message).toMatch(/the key "importer-\d+" has 0 left/);
    expect(message).toContain(`(${limit.burst} at most, 1 regained per second)`);
    expect(message).toContain(`retry after ${retryAfter} s`);
    expect(refused.body.extensions?.cost).toEqual({ requested: upsertCost, remaining: 0, burst: limit.burst, refillPerSecond: 1 });
    // The refused mutation did not run.
    expect(await teamExists('rl-second')).toBe(false);
    // Nor was anything charged for it: the bucket is as the first mutation left it.
    expect(await bucketOf(id)).toBe(left);
  });

  it('is served again after waiting Retry-After seconds', async () => {
    // Two queries fit; the third is short by less than one second's refill.
    const limit = { burst: Math.ceil(2 * queryCost) + 1, refillPerSecond: Math.ceil(queryCost) };
    const yoga = limitedApi(limit);
    const reader = await key('patient', ['kpis:read']);
    expectServed(await send(yoga, QUERY, {}, reader));
    expectServed(await send(yoga, QUERY, {}, reader));
    const refused = await send(yoga, QUERY, {}, reader);
    const retryAfter = expectRateLimited(refused);
    expect(retryAfter).toBe(1);
    const left = refused.body.extensions!.cost!.remaining!;
    expect(left).toBeGreaterThanOrEqual(1);
    expect(left).toBeLessThan(queryCost);
    expect(refused.body.errors![0]!.message).toContain(
      `has ${left} left (${limit.burst} at most, ${limit.refillPerSecond} regained per second)`,
    );
    await sleep(retryAfter * 1000);
    expectServed(await send(yoga, QUERY, {}, reader));
  });
});

describe('buckets', () => {
  it('are per key: one key out of budget leaves another untouched', async () => {
    const yoga = limitedApi({ burst: Math.ceil(upsertCost), refillPerSecond: 1 });
    const [a, b] = [await key('key-a', ['records:write']), await key('key-b', ['records:write'])];
    expectServed(await send(yoga, UPSERT, { id: 'rl-a1' }, a));
    expectRateLimited(await send(yoga, UPSERT, { id: 'rl-a2' }, a));
    const other = await send(yoga, UPSERT, { id: 'rl-b1' }, b);
    expectServed(other);
    expect(other.body.extensions?.cost?.remaining).toBe(0);
    expectRateLimited(await send(yoga, UPSERT, { id: 'rl-a3' }, a));
    expect([await teamExists('rl-a1'), await teamExists('rl-a2'), await teamExists('rl-b1'), await teamExists('rl-a3')]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it('anonymous callers share one bucket', async () => {
    const limit = { burst: Math.ceil(1.5 * queryCost), refillPerSecond: 1 };
    const yoga = limitedApi(limit, ['kpis:read']);
    const first = await send(yoga, QUERY, {}, undefined, { 'user-agent': 'first-caller', 'x-forwarded-for': '10.0.0.1' });
    expectServed(first);
    expect(first.body.extensions?.cost?.remaining).toBe(Math.floor(limit.burst - queryCost));
    const second = await send(yoga, QUERY, {}, undefined, { 'user-agent': 'second-caller', 'x-forwarded-for': '10.0.0.2' });
    expectRateLimited(second);
    expect(second.body.errors![0]!.message).toContain('the key "anonymous"');
    // A caller with a key has its own bucket.
    expectServed(await send(yoga, QUERY, {}, await key('keyed', ['kpis:read'])));
  });

  it('cannot be overdrawn by concurrent requests: exactly the requests the burst pays for are served', async () => {
    const fits = 7;
    const yoga = limitedApi({ burst: Math.ceil(fits * queryCost), refillPerSecond: 0.001 });
    const reader = await newKey('concurrent', ['kpis:read']);
    const answers = await Promise.all(Array.from({ length: 20 }, () => send(yoga, QUERY, {}, reader.key)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(fits);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - fits);
    for (const answer of answers) {
      if (answer.status === 200) expect(answer.body.data.teams).toBeDefined();
      else expect(answer.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    }
    // What each served answer says is left: every value from burst − cost down to 0, once.
    const remaining = answers.filter((a) => a.status === 200).map((a) => a.body.extensions!.cost!.remaining!);
    const burst = Math.ceil(fits * queryCost);
    expect(remaining.sort((x, y) => y - x)).toEqual(Array.from({ length: fits }, (_, i) => Math.floor(burst - (i + 1) * queryCost)));
    // And the bucket is empty, not below zero.
    const left = await bucketOf(reader.id);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(left).toBeLessThan(queryCost);
  });
});

describe('the SDK', () => {
  it('waits for Retry-After and retries when the wait is within maxRateLimitWaitMs, and throws RATE_LIMITED when it is longer', async () => {
    // One viewer() fits; the next must wait about a second.
    const yoga = limitedApi({ burst: Math.ceil(viewerCost), refillPerSecond: Math.ceil(viewerCost) });
    const apiKey = await key('sdk', ['kpis:read']);
    const statuses: number[] = [];
    const fetch = async (input: string | URL | Request, init?: RequestInit) => {
      const response = await yoga.fetch(String(input), init as never);
      statuses.push(response.status);
      return response;
    };
    const patient = createClient({ url: ENDPOINT, apiKey, fetch, retry: { maxRateLimitWaitMs: 2_000 } });
    expect((await patient.viewer()).name).toMatch(/^sdk-/);
    const started = Date.now();
    expect((await patient.viewer()).name).toMatch(/^sdk-/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(statuses).toEqual([200, 429, 200]);

    statuses.length = 0;
    const hasty = createClient({ url: ENDPOINT, apiKey, fetch, retry: { maxRateLimitWaitMs: 500 } });
    const error = await hasty.viewer().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DeskqlError);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect((error as DeskqlError).message).toContain(`costs ${viewerCost}`);
    expect(statuses).toEqual([429]);
  });
});

describe('an operation dearer than the whole bucket', () => {
  it('is refused with no Retry-After (no wait would let it run) and leaves the bucket untouched', async () => {
    const { id, key: apiKey } = await newKey('too-dear', ['kpis:read']);
    const yoga = limitedApi({ burst: queryCost - 1, refillPerSecond: 1 });
    const refused = await send(yoga, QUERY, {}, apiKey);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeNull();
    expect(refused.body.errors?.[0]?.message).toContain(`costs ${queryCost}, more than the ${queryCost - 1} a key can ever spend at once`);
    expect(await bucketOf(id)).toBeNull();
  });
});
