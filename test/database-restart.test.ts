// PostgreSQL restarted under load: while the database is down the server answers every request
// (503, or a GraphQL error), never hangs, resets or dies, reports not-ready on /readyz, and
// serves again by itself once the database is back.
//
// The machine's shared PostgreSQL cannot be restarted (other test files use it in parallel), so
// this file runs its own throw-away cluster with the installed initdb/pg_ctl. It runs only when
// DATABASE_URL is set (the PostgreSQL run of the suite).
import { execFile, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../server/auth/api-keys.js';
import { openDatabase } from '../server/db/database.js';
import { freePort } from './support/free-port.js';
import { killGroup, onLines, spawnServer } from './support/server-process.js';

const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;
const binDir = findPostgresBin();
const skipReason = !process.env.DATABASE_URL
  ? 'runs only against PostgreSQL (DATABASE_URL unset)'
  : !binDir
    ? 'initdb and pg_ctl not found under /usr/lib/postgresql/*/bin'
    : isRoot && !existsSync('/usr/sbin/runuser') && !existsSync('/sbin/runuser')
      ? 'running as root without runuser (initdb refuses root)'
      : null;

/** The newest installed PostgreSQL's bin directory holding initdb and pg_ctl, if any. */
function findPostgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  const dir = versions
    .map((v) => path.join(base, v, 'bin'))
    .find((d) => existsSync(path.join(d, 'initdb')) && existsSync(path.join(d, 'pg_ctl')));
  return dir ?? null;
}

/** Runs a PostgreSQL tool as the postgres OS user when we are root (initdb and postgres refuse root). */
function asPostgres(tool: string, args: string[], cwd: string) {
  const binary = path.join(binDir!, tool);
  return isRoot ? run('runuser', ['-u', 'postgres', '--', binary, ...args], { cwd }) : run(binary, args, { cwd });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A private cluster on 127.0.0.1 in a temp dir, trust auth, one database. */
class Cluster {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'deskql-pg-restart-'));
  readonly data = path.join(this.dir, 'data');
  port = 0;
  url = '';

  async create(): Promise<void> {
    if (isRoot) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: gid } = await run('id', ['-g', 'postgres']);
      chownSync(this.dir, Number(stdout.trim()), Number(gid.trim()));
    }
    this.port = await freePort();
    const user = isRoot ? 'postgres' : userInfo().username;
    await asPostgres('initdb', ['-D', this.data, '-U', user, '--auth=trust', '--encoding=UTF8', '--no-sync'], this.dir);
    await this.start();
    const admin = new pg.Client({ host: '127.0.0.1', port: this.port, user, database: 'postgres' });
    await admin.connect();
    await admin.query('CREATE DATABASE deskql');
    await admin.end();
    this.url = `postgresql://${user}@127.0.0.1:${this.port}/deskql`;
  }

  start() {
    // fsync off: a throw-away cluster needs no durability, and the restart should be quick.
    const options = `-c listen_addresses=127.0.0.1 -c port=${this.port} -c unix_socket_directories=${this.dir} -c fsync=off`;
    return asPostgres('pg_ctl', ['start', '-D', this.data, '-l', path.join(this.dir, 'log'), '-w', '-t', '30', '-o', options], this.dir);
  }

  stop(mode: 'fast' | 'immediate' = 'fast') {
    return asPostgres('pg_ctl', ['stop', '-D', this.data, '-m', mode, '-w', '-t', '30'], this.dir);
  }

  async destroy(): Promise<void> {
    if (existsSync(path.join(this.data, 'postmaster.pid'))) await this.stop('immediate').catch(() => {});
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The server as `npm start` runs it, on the private cluster; resolves with its GraphQL URL. */
function startServer(databaseUrl: string, log: string[]): { child: ChildProcess; ready: Promise<string> } {
  const child = spawnServer({
    DATABASE_URL: databaseUrl,
    DESKQL_DEMO_DATA: 'true',
    DESKQL_DEMO_TICKETS: '300',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    RATE_LIMIT_BURST: '1000000000',
    RATE_LIMIT_REFILL_PER_SECOND: '1000000000',
  });
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready within 60 s:\n${log.slice(-30).join('\n')}`)), 60_000);
    // Always drained: under load the server logs a line per request, and a full pipe would stall it.
    onLines(child.stdout!, (line) => {
      // Keep what explains a failure, not the thousands of per-request lines.
      if (!/"msg":"request"/.test(line) || /"status":5/.test(line)) log.push(line);
      if (log.length > 400) log.splice(0, log.length - 400);
      if (/DeskQL is ready at/.test(line)) {
        clearTimeout(timer);
        resolve(JSON.parse(line).url as string);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => log.push(`stderr: ${chunk.toString().trimEnd()}`));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before it was ready:\n${log.slice(-30).join('\n')}`));
    });
  });
  return { child, ready };
}

interface Outcome {
  op: string;
  sentAt: number;
  doneAt: number;
  ok: boolean;
  status?: number;
  /** Codes and messages of a GraphQL errors array. */
  graphqlErrors?: string[];
  /** A request that got no HTTP response at all: timeout, refused, reset. */
  failure?: string;
}

const KPI_QUERY = `query restartKpis($p: PeriodInput!) { kpis(period: $p) { ticketCount csat { rate { value } } averageHandleTime { average } } }`;
const TICKETS_QUERY = `query restartTickets { tickets(first: 20) { totalCount edges { node { id subject customer { name } } } } }`;

async function send(url: string, key: string, op: 'kpis' | 'tickets'): Promise<Outcome> {
  const now = Date.now();
  const period = { from: new Date(now - 400 * 86_400_000).toISOString(), to: new Date(now + 86_400_000).toISOString() };
  const body = op === 'kpis' ? { query: KPI_QUERY, variables: { p: period } } : { query: TICKETS_QUERY };
  const sentAt = Date.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    let json: { data?: unknown; errors?: Array<{ message?: string; extensions?: { code?: string } }> } | undefined;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const graphqlErrors =
      Array.isArray(json?.errors) && json.errors.length > 0
        ? json.errors.map((e) => `${e.extensions?.code ?? 'NO_CODE'}: ${e.message}`)
        : undefined;
    const ok = response.status === 200 && !graphqlErrors && json?.data != null;
    return { op, sentAt, doneAt: Date.now(), ok, status: response.status, graphqlErrors };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return {
      op,
      sentAt,
      doneAt: Date.now(),
      ok: false,
      failure: `${(error as Error).name}: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
    };
  }
}

/** A failure the server may answer with while its database is down: 503, or a GraphQL error (200, or a 5xx carrying one). */
function isCleanFailure(o: Outcome): boolean {
  if (o.failure || o.status === undefined) return false;
  if (o.status === 503) return true;
  return Boolean(o.graphqlErrors) && (o.status === 200 || o.status >= 500);
}

function label(o: Outcome): string {
  return o.failure ?? `HTTP ${o.status}${o.graphqlErrors ? ` ${o.graphqlErrors.join(' | ')}` : ' (no GraphQL errors)'}`;
}

function countBy(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[label(o)] = (counts[label(o)] ?? 0) + 1;
  return counts;
}

describe.skipIf(skipReason !== null)(`PostgreSQL restart under load${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const cluster = skipReason ? undefined : new Cluster();
  const log: string[] = [];
  let server: ChildProcess | undefined;
  let url = '';
  let key = '';

  beforeAll(async () => {
    await cluster!.create();
    const started = startServer(cluster!.url, log);
    server = started.child;
    url = await started.ready;
    const db = await openDatabase({ databaseUrl: cluster!.url, dataDir: null, poolSize: 1 });
    try {
      ({ key } = await createApiKey(db.sql, { name: 'restart-test', scopes: ['kpis:read', 'records:read'] }));
    } finally {
      await db.close();
    }
  });

  afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = setTimeout(() => killGroup(server!), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await cluster?.destroy();
  });

  it('answers 503 or GraphQL errors while the database is down, stays up, and recovers by itself', async () => {
    const readyz = url.replace(/\/graphql$/, '/readyz');
    const alive = () => server!.exitCode === null && server!.signalCode === null;
    const outcomes: Outcome[] = [];
    const readiness: Array<{ at: number; doneAt: number; status: number | string }> = [];
    let loading = true;

    // 8 loops, each alternating a KPI set and a page of tickets, until told to stop.
    const loops = Array.from({ length: 8 }, async (_, i) => {
      for (let n = i; loading; n++) outcomes.push(await send(url, key, n % 2 === 0 ? 'kpis' : 'tickets'));
    });
    const poller = (async () => {
      while (loading) {
        const at = Date.now();
        const status = await fetch(readyz, { signal: AbortSignal.timeout(5000) }).then(
          (r) => r.status,
          (e: Error) => e.name,
        );
        readiness.push({ at, doneAt: Date.now(), status });
        await sleep(200);
      }
    })();

    let recoveredAt = Number.NaN;
    let stopBegan = 0,
      downAt = 0,
      restartBegan = 0,
      backAt = 0;
    try {
      await sleep(1500);
      stopBegan = Date.now();
      await cluster!.stop('fast');
      downAt = Date.now();
      await sleep(2000);
      restartBegan = Date.now();
      await cluster!.start();
      backAt = Date.now();

      // Recovered: both operations succeed and /readyz is 200, without touching the server.
      while (Date.now() - backAt < 30_000) {
        const [kpis, tickets] = await Promise.all([send(url, key, 'kpis'), send(url, key, 'tickets')]);
        const ready = await fetch(readyz, { signal: AbortSignal.timeout(5000) }).then(
          (r) => r.status,
          () => 0,
        );
        if (kpis.ok && tickets.ok && ready === 200) {
          recoveredAt = Date.now();
          break;
        }
        await sleep(250);
      }
      if (!Number.isNaN(recoveredAt)) await sleep(1000); // load on the recovered server
    } finally {
      loading = false;
      await Promise.all([...loops, poller]);
    }

    const context = `server log (tail):\n${log.slice(-40).join('\n')}`;
    expect(alive(), context).toBe(true);
    const before = outcomes.filter((o) => o.doneAt < stopBegan);
    expect(countBy(before.filter((o) => !o.ok)), 'failures before the outage').toEqual({});

    // Every failure, at any time, was a clean one: no timeout, refused or reset connection, no bare 5xx.
    const failures = outcomes.filter((o) => !o.ok);
    const unclean = failures.filter((o) => !isCleanFailure(o));
    expect(countBy(unclean), context).toEqual({});
    // The outage was really seen by the load.
    expect(failures.filter((o) => o.doneAt >= stopBegan && o.doneAt <= backAt).length).toBeGreaterThan(0);

    // Not ready while down (and never ready then), ready again after; every check answered.
    expect(readiness.filter((r) => typeof r.status !== 'number')).toEqual([]);
    const whileDown = readiness.filter((r) => r.at >= downAt && r.doneAt <= restartBegan);
    expect(whileDown.map((r) => r.status)).toContain(503);
    expect(whileDown.filter((r) => r.status !== 503)).toEqual([]);

    expect(
      Number.isNaN(recoveredAt),
      `not recovered within 30 s; failures after restart: ${JSON.stringify(countBy(failures.filter((o) => o.sentAt > backAt)))}`,
    ).toBe(false);
    expect(countBy(outcomes.filter((o) => o.sentAt > recoveredAt && !o.ok))).toEqual({});
    expect(readiness.filter((r) => r.at > recoveredAt).every((r) => r.status === 200)).toBe(true);
    expect(alive()).toBe(true);
  }, 60_000);
});
