// npm run apikey as an operator runs it, in a child process: `create` prints the key alone on
// stdout (so that KEY=$(npm run -s apikey -- create ...) works) and describes it on stderr,
// `list` never shows a key, `revoke` takes effect, bad input exits 2 with a message saying
// what to change, and a key the command made authenticates against the API on that database.
// Without DATABASE_URL the command works on an embedded database in a temporary directory (a
// copy of the run's migrated template); with it, on a fresh database on that server.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../server/auth/api-keys.js';
import { openDatabase, type Database } from '../server/db/database.js';
import { applyMigrations } from '../server/db/migrations.js';
import { importNdjson } from '../server/import/import-ndjson.js';
import { createDeskqlYoga } from '../server/yoga.js';
import { compiled } from './support/compiled.js';
import { linesOf, ndjson } from './support/ndjson.js';
import { bearer, type HttpAnswer, postGraphQL } from './support/test-api.js';
import { createTestDatabase, openEmbeddedCopy, type TestDatabase } from './support/test-database.js';

const root = path.resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'deskql-apikey-test-'));
const KEY = /^dq_[A-Za-z0-9_-]{43}$/;

/** A fresh PostgreSQL database when DATABASE_URL is set; otherwise null (embedded). */
let server: TestDatabase | null = null;
/** The embedded database the main scenario works on. */
const dataDir = path.join(scratch, 'data');
/** A copy of it, for the bad-input cases, so that both can run at once (one process per directory). */
const badInputDir = path.join(scratch, 'bad-input');
let eastTeamId: number;

beforeAll(async () => {
  const seed = async (db: Database) => {
    const report = await importNdjson(
      db,
      linesOf(
        ndjson([
          { type: 'team', externalId: 't-east', name: 'East desk' },
          { type: 'team', externalId: 't-west', name: 'West desk' },
        ]),
      ),
    );
    expect(report.ok).toBe(true);
    const [row] = await db.sql.query<{ id: number }>("SELECT id FROM team WHERE external_id = 't-east'");
    eastTeamId = row!.id;
  };
  if (process.env.DATABASE_URL) {
    // Migrated and seeded by a connection that is closed again, like a server that has stopped.
    server = await createTestDatabase({ migrate: false });
    const db = await openDatabase({ databaseUrl: server.url!, dataDir: null, poolSize: 2 });
    await applyMigrations(db);
    await seed(db);
    await db.close();
  } else {
    const db = await openEmbeddedCopy(dataDir);
    await seed(db);
    await db.close();
    cpSync(dataDir, badInputDir, { recursive: true });
  }
});
afterAll(async () => {
  await server?.drop();
  rmSync(scratch, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run apikey -- ...args` (its compiled file under node, as npm would) against the test database. */
function apikey(args: string[], embeddedDir = dataDir, killAfterMs = 60_000): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DESKQL_DATA_DIR: embeddedDir };
  if (server) env.DATABASE_URL = server.url!;
  else delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [compiled('server/cli/apikey.ts'), ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A command that hangs is killed, and says so, rather than outliving the test.
    const timer = setTimeout(() => {
      stderr += `\n[killed by the test: still running after ${killAfterMs} ms]`;
      child.kill('SIGKILL');
    }, killAfterMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Opens the database the command worked on (after it exited: the embedded one allows one process). */
async function withDatabase<T>(embeddedDir: string, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(
    server ? { databaseUrl: server.url!, dataDir: null, poolSize: 2 } : { databaseUrl: null, dataDir: embeddedDir },
  );
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

// The two scenarios run at once: on separate copies of the embedded database, or on the same
// PostgreSQL database (the bad input creates nothing).
describe.concurrent('npm run apikey', () => {
  it('creates a key (printed alone on stdout), lists it without the key, revokes it; its keys work against the API', async ({ expect }) => {
    const created = await apikey(['create', '--name', 'bi', '--scopes', 'kpis:read,records:read']);
    expect(created.code, created.stderr).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(KEY);
    expect(created.stdout).toBe(`${key}\n`);
    expect(created.stderr).toMatch(/^Created API key \d+ "bi" dq_\S{7}… \[kpis:read, records:read\] created \S+, active in /);
    expect(created.stderr).toContain('shown this once');
    expect(created.stderr).toContain(key.slice(0, 10));
    expect(created.stderr).not.toContain(key);
    const id = Number(/^Created API key (\d+) /.exec(created.stderr)![1]);

    const restricted = await apikey(['create', '--name', 'east-partner', '--scopes', 'kpis:read,records:read', '--teams', 't-east']);
    expect(restricted.code, restricted.stderr).toBe(0);
    const partnerKey = restricted.stdout.trim();
    expect(partnerKey).toMatch(KEY);
    expect(restricted.stderr).toContain(`[kpis:read, records:read; teams ${eastTeamId}]`);

    const listed = await apikey(['list']);
    expect(listed.code, listed.stderr).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(`^${id} "bi" ${escapeRegExp(key.slice(0, 10))}… \\[kpis:read, records:read\\] created \\S+, active$`),
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `^\\d+ "east-partner" ${escapeRegExp(partnerKey.slice(0, 10))}… \\[kpis:read, records:read; teams ${eastTeamId}\\] created \\S+, active$`,
      ),
    );
    for (const secret of [key, key.slice(10), partnerKey, partnerKey.slice(10)])
      expect(listed.stdout + listed.stderr).not.toContain(secret);

    const revoked = await apikey(['revoke', String(id)]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toMatch(new RegExp(`^Revoked ${id} "bi" .* revoked \\d{4}-\\d\\d-\\d\\dT\\S+Z\\n$`));
    const after = await apikey(['list']);
    expect(after.code).toBe(0);
    const [bi, partner] = after.stdout.trim().split('\n');
    expect(bi).toMatch(new RegExp(`^${id} "bi" .*, revoked \\d{4}-\\d\\d-\\d\\dT\\S+Z$`));
    expect(partner).toMatch(/"east-partner" .*, active$/);

    // The keys as the API sees them, on the same database, once the command has exited.
    await withDatabase(dataDir, async (db) => {
      const rows = await db.sql.query<{ row: string }>('SELECT row_to_json(k)::text AS row FROM api_key k');
      expect(rows).toHaveLength(2);
      for (const { row } of rows) for (const secret of [key.slice(10), partnerKey.slice(10)]) expect(row).not.toContain(secret);

      const yoga = productionApi(db);
      const partnerAnswer = await post(
        yoga,
        partnerKey,
        '{ viewer { name scopes restricted teams { name } } teams(first: 5) { totalCount } }',
      );
      expect(partnerAnswer.body.errors).toBeUndefined();
      expect(partnerAnswer.status).toBe(200);
      expect(partnerAnswer.body.data).toEqual({
        viewer: { name: 'east-partner', scopes: ['KPIS_READ', 'RECORDS_READ'], restricted: true, teams: [{ name: 'East desk' }] },
        teams: { totalCount: 2 },
      });
      const biAnswer = await post(yoga, key, '{ viewer { name } }');
      expect(biAnswer.status).toBe(401);
      expect(biAnswer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(biAnswer.body.errors?.[0]?.message).toMatch(/revoked/);
    });
  }, 120_000);

  it('refuses bad input with exit code 2 and a message saying what to change, creating nothing', async ({ expect }) => {
    const cases: Array<[args: string[], message: RegExp]> = [
      [
        ['create', '--name', 'x', '--scopes', 'kpis:read,kpis:write'],
        /scopes: unknown scope "kpis:write"; use kpis:read, kpis:agents, records:read, records:write, keys:admin/,
      ],
      [['create', '--scopes', 'kpis:read'], /create needs --name and --scopes[\s\S]*Usage:/],
      [['create', '--name', 'x', '--scopes', 'kpis:read', '--teams', 't-nowhere'], /teams: no team has the externalId or ID "t-nowhere"/],
      [
        ['create', '--name', 'x', '--scopes', 'records:read,records:write', '--teams', 't-east'],
        /team-restricted key cannot hold records:write/,
      ],
      [['revoke', 'abc'], /revoke needs the key's id \(npm run apikey -- list shows them\)/],
      [
        ['rotate'],
        /^Usage:\n {2}npm run apikey -- create --name NAME --scopes SCOPE\[,SCOPE...\][\s\S]* {2}npm run apikey -- list\n {2}npm run apikey -- revoke ID/,
      ],
    ];
    for (const [args, message] of cases) {
      const run = await apikey(args, badInputDir);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack
      expect(run.stdout).toBe('');
    }
    await withDatabase(badInputDir, async (db) => {
      const [row] = await db.sql.query<{ n: number | string }>("SELECT count(*) AS n FROM api_key WHERE name = 'x'");
      expect(Number(row!.n)).toBe(0);
    });
  }, 120_000);
});

// With PostgreSQL the command may run while servers use the database: it must neither wait
// for them nor fail. A server applies migrations at start (server/main.ts), as does the command.
// "Without waiting" is observed in PostgreSQL rather than on a clock, which a busy machine
// moves: no session of the database waits for a lock while the command runs (sampled from
// pg_stat_activity), and the server holds no advisory lock once its migrations are applied.
// The wait this guards against, a migration's advisory lock left on a pooled connection, made
// the command wait for it and then fail after the schema engine's 10 s.
describe.runIf(process.env.DATABASE_URL)('npm run apikey next to a running server (PostgreSQL)', () => {
  it('creates a key without waiting while the server answers requests, and the server accepts the key at once', async () => {
    const db = await openDatabase({ databaseUrl: server!.url!, dataDir: null, poolSize: 4 });
    try {
      await applyMigrations(db);
      expect(await advisoryLocksHeld(db), 'the server kept a migration lock').toEqual([]);
      const yoga = productionApi(db);
      const caller = await createApiKey(db.sql, { name: 'steady-caller', scopes: ['kpis:read'] });
      let serving = true;
      const statuses: number[] = [];
      const traffic = Promise.all(
        Array.from({ length: 4 }, async () => {
          while (serving) statuses.push((await post(yoga, caller.key, '{ teams(first: 1) { totalCount } }')).status);
        }),
      );
      const lockWaits = await watchLockWaits(server!.url!);
      const started = Date.now();
      const run = await apikey(['create', '--name', 'while-serving', '--scopes', 'kpis:read'], dataDir, 30_000).finally(
        () => (serving = false),
      );
      const took = Date.now() - started;
      const waits = await lockWaits.stop();
      await traffic;
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.every((status) => status === 200)).toBe(true);
      expect(run.code, `after ${took} ms: ${run.stderr}`).toBe(0);
      expect(waits, 'npm run apikey waited for the running server').toEqual([]);
      const key = run.stdout.trim();
      expect(key).toMatch(KEY);
      const answer = await post(yoga, key, '{ viewer { name } }');
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual({ viewer: { name: 'while-serving' } });
    } finally {
      await db.close();
    }
  }, 90_000);
});

/** Advisory locks held in this database (Prisma's migration lock is one). */
async function advisoryLocksHeld(db: Database): Promise<string[]> {
  const rows = await db.sql.query<{ lock: string }>(
    "SELECT pid || ' ' || objid AS lock FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
  );
  return rows.map((row) => row.lock);
}

/**
 * Samples, on a connection of its own, every session of the database at `url` that waits for a
 * lock, until stop() (which returns what it saw: pid, wait event and the start of the statement).
 */
async function watchLockWaits(url: string): Promise<{ stop(): Promise<string[]> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const seen: string[] = [];
  let watching = true;
  const sampling = (async () => {
    while (watching) {
      const { rows } = await client.query<{ wait: string }>(
        "SELECT pid || ' ' || wait_event || ': ' || left(query, 120) AS wait FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      seen.push(...rows.map((row) => row.wait));
      await sleep(50);
    }
  })();
  return {
    async stop() {
      watching = false;
      try {
        await sampling;
      } finally {
        await client.end();
      }
      return seen;
    },
  };
}

/** The API as production serves it (no anonymous access), with the rate limit off. */
function productionApi(db: Database) {
  return createDeskqlYoga({ db, anonymousScopes: null, rateLimit: { burst: 1, refillPerSecond: 0 } });
}

function post(yoga: ReturnType<typeof productionApi>, apiKey: string, query: string): Promise<HttpAnswer> {
  return postGraphQL(yoga, query, undefined, bearer(apiKey));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
