// Several instances behind a load balancer share one Redis response cache: an answer computed
// by one is served by the other, an import through one is seen at once through the other, and
// an answer reaching past "now" is kept at most a minute. Two real server processes on one
// PostgreSQL database (two processes cannot share the embedded one) and the Redis at
// 127.0.0.1:6379, under a key prefix of this run's own, removed afterwards.
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../server/auth/api-keys.js';
import { seedDatabase } from '../server/seed/seed.js';
import { ndjson } from './support/ndjson.js';
import { onLines, spawnServer } from './support/server-process.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const skipReason = !process.env.DATABASE_URL ? 'runs only against PostgreSQL (DATABASE_URL unset)' : null;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `deskql-test-${process.pid}-${randomBytes(4).toString('hex')}:`;

let database: TestDatabase;
let redis: Redis;
const servers: Array<{ child: ChildProcess; url: string }> = [];
let headers: Record<string, string>;

async function startInstance(url: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawnServer({
    DATABASE_URL: url,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DESKQL_DEMO_DATA: 'false',
    REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    RATE_LIMIT_REFILL_PER_SECOND: '0',
  });
  const lines: string[] = [];
  const ready = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start:\n${lines.join('\n')}`)), 60_000);
    onLines(child.stdout!, (line) => {
      lines.push(line);
      if (/DeskQL is ready at/.test(line)) {
        clearTimeout(timer);
        resolve(line);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${lines.join('\n')}`)));
  });
  return { child, url: JSON.parse(ready).url as string };
}

async function ask(server: { url: string }, query: string, variables: Record<string, unknown>) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as any;
  expect(body.errors).toBeUndefined();
  return body;
}

async function prefixedKeys(): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}

describe.skipIf(skipReason !== null)(`two instances sharing Redis${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDatabase(database.db, {
      tickets: 500,
      seed: 8,
      until: new Date('2026-06-01T00:00:00Z'),
      days: 90,
      agents: 10,
      customers: 60,
    });
    const { key } = await createApiKey(database.db.sql, { name: 'both', scopes: ['kpis:read', 'records:read', 'records:write'] });
    headers = { authorization: `Bearer ${key}` };
    redis = new Redis(REDIS_URL);
    servers.push(await startInstance(database.url!), await startInstance(database.url!));
  }, 120_000);

  afterAll(async () => {
    for (const { child } of servers) {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    }
    if (redis) {
      const keys = await prefixedKeys();
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
    await database?.drop();
  }, 60_000);

  const query = 'query ($p: PeriodInput!) { kpis(period: $p) { ticketCount resolvedCount } }';
  const past = { p: { from: '2026-03-01T00:00:00Z', to: '2026-06-01T00:00:00Z' } };

  it('serves through one instance what the other computed, and an import through one is seen at once through the other', async () => {
    const [a, b] = [servers[0]!, servers[1]!];
    const first = await ask(a, query, past);
    expect(first.extensions.freshness.cached).toBe(false);
    const shared = await ask(b, query, past);
    expect(shared.extensions.freshness).toEqual({ ...first.extensions.freshness, cached: true });
    expect(shared.data).toEqual(first.data);

    const imported = await ask(a, 'mutation ($i: ImportRecordsInput!) { importRecords(input: $i) { ok } }', {
      i: {
        ndjson: ndjson([
          {
            type: 'customer',
            externalId: 'shared-c',
            name: 'Shared',
            email: null,
            segment: 'smb',
            createdAt: '2026-01-01T00:00:00Z',
            churnedAt: null,
          },
          {
            type: 'ticket',
            externalId: 'shared-t',
            subject: 'New',
            channel: 'WEB',
            priority: 'LOW',
            category: null,
            status: 'OPEN',
            customer: 'shared-c',
            assignee: null,
            team: null,
            createdAt: '2026-04-01T00:00:00Z',
            firstResponseAt: null,
            resolvedAt: null,
            reopenCount: 0,
            knowledgeArticle: null,
          },
        ]),
      },
    });
    expect(imported.data.importRecords.ok).toBe(true);
    const after = await ask(b, query, past);
    expect(after.extensions.freshness.cached).toBe(false);
    expect(after.data.kpis.ticketCount).toBe(first.data.kpis.ticketCount + 1);
  });

  it('keeps an answer reaching past now at most a minute, others longer', async () => {
    const before = new Set(await prefixedKeys());
    await ask(servers[0]!, query, past);
    await ask(servers[0]!, query.replace('query', 'query Future'), { p: { from: '2026-03-01T00:00:00Z', to: '2030-01-01T00:00:00Z' } });
    const added = (await prefixedKeys()).filter((key) => !before.has(key));
    const ttls = await Promise.all(added.map((key) => redis.pttl(key)));
    // The past period's answer was cached by the first test; this one adds the future one only
    // (and, if the version moved, the past one again).
    expect(ttls.some((ttl) => ttl > 0 && ttl <= 60_000)).toBe(true);
    expect(ttls.every((ttl) => ttl > 0)).toBe(true);
    const pastAgain = await ask(servers[1]!, query, past);
    expect(pastAgain.extensions.freshness.cached).toBe(true);
    const pastKeyTtls = await Promise.all((await prefixedKeys()).map((key) => redis.pttl(key)));
    expect(pastKeyTtls.some((ttl) => ttl > 60_000)).toBe(true);
  });
});
