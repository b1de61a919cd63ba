// npm run bench:load: throughput and latency of the real server process under concurrent load,
// with API-key authentication, on PostgreSQL.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/deskql_load npm run bench:load [-- --tickets 100000 --connections 50 --duration 30 --timeout 10]
//
// Migrates the database (seeding an empty one first), creates an API key, starts
// `server/main.ts` as a child process on 127.0.0.1, drives it with autocannon through a mix of
// KPI and list queries, twice: a dashboard mix (the same questions again and again) and a mix
// where every question is new; prints requests, throughput, latency percentiles, errors (503s
// from KPI admission included), the server's peak RSS and its Prisma clients (created, lent, most
// alive at once, from its /metrics). The last line of stdout is the same
// reports as JSON.
//
// Each client gives up on a request after --timeout seconds (autocannon's default, 10), and the
// server is started with OPERATION_TIMEOUT_MS 2 s below it, as a deployment sets it below its
// clients' and load balancer's timeouts: past capacity, every request is then answered (503
// with Retry-After, or OPERATION_TIMEOUT) before its client gives up.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createApiKey, revokeApiKey } from '../server/auth/api-keys.js';
import { ConfigError, loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { applyMigrations } from '../server/db/migrations.js';
import { defaultSeedOptions, isEmpty, seedDatabase } from '../server/seed/seed.js';
import { freePort } from '../test/support/free-port.js';
import { killGroup, spawnServer } from '../test/support/server-process.js';

// autocannon ships no types (and @types/autocannon is not installed): the little we use.
interface AutocannonRequest {
  method: 'POST';
  path: string;
  setupRequest(request: Record<string, unknown>, context: Record<string, unknown>): Record<string, unknown>;
  onResponse(status: number, body: string, context: Record<string, unknown>): void;
}
interface AutocannonResult {
  duration: number;
  /** Socket errors and timeouts together (autocannon counts a timeout as an error too). */
  errors: number;
  timeouts: number;
  requests: { total: number };
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  /** Seconds a client waits for an answer before it gives up on the request. */
  timeout: number;
  headers: Record<string, string>;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values: options } = parseArgs({
  options: {
    tickets: { type: 'string', default: '100000' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '30' },
    timeout: { type: 'string', default: '10' },
  },
});
const [tickets, connections, duration, timeout] = [options.tickets, options.connections, options.duration, options.timeout].map(Number) as [
  number,
  number,
  number,
  number,
];
if (![tickets, connections, duration].every((n) => Number.isInteger(n) && n > 0) || !Number.isInteger(timeout) || timeout < 3) {
  console.error('--tickets, --connections and --duration must be positive whole numbers, --timeout a whole number of seconds from 3.');
  process.exit(2);
}
/** The server's OPERATION_TIMEOUT_MS: under the clients' timeout, with room to send the answer. */
const operationTimeoutMs = (timeout - 2) * 1000;

/** Returns the exit status: 0 measured, 1 failed, 2 misconfigured. */
async function main(): Promise<number> {
  let databaseUrl: string | null;
  try {
    databaseUrl = loadConfig().databaseUrl;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 2;
  }
  if (!databaseUrl) {
    console.error(
      'bench:load measures PostgreSQL: set DATABASE_URL to a database (an empty one is seeded first, --tickets N, default 100000).',
    );
    return 2;
  }

  const db = await openDatabase({ databaseUrl, dataDir: null, poolSize: 4 });
  let child: ChildProcess | undefined;
  let keyId: number | undefined;
  try {
    await applyMigrations(db);
    if (await isEmpty(db.sql)) {
      console.error(`Empty database: seeding ${tickets} tickets…`);
      const started = Date.now();
      await seedDatabase(db, defaultSeedOptions(tickets));
      await db.sql.query('ANALYZE');
      console.error(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const [stats] = await db.sql.query<{ n: number; last: Date | null }>('SELECT count(*)::int AS n, max(created_at) AS last FROM ticket');
    if (!stats?.last) throw new Error('The database holds no tickets: point DATABASE_URL at an empty database or one with tickets.');
    const { id, key } = await createApiKey(db.sql, { name: 'bench-load', scopes: ['kpis:read', 'kpis:agents', 'records:read'] });
    keyId = id;

    const requests = operationsFor(stats.last);
    const port = await freePort();
    const started = startServer(databaseUrl, port);
    child = started.child;
    const base = `http://127.0.0.1:${port}`;
    await waitForReady(base, child, started.output);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
    const unloadedMs = await checkOperations(`${base}/graphql`, headers, requests);

    const reports = [];
    for (const mix of ['dashboard', 'new'] as const) {
      // "dashboard": the same five questions over and over, as many people watching the same
      // dashboards ask them (answered from the response cache until the data changes).
      // "new": every request a question never asked before (the operation is renamed), so every
      // one is computed: past capacity, the server must answer 503 fast rather than time out.
      console.error(
        `Load (${mix} mix): ${connections} connections for ${duration} s on ${stats.n.toLocaleString('en')} tickets (client timeout ${timeout} s, OPERATION_TIMEOUT_MS ${operationTimeoutMs})…`,
      );
      const report = await runMix(mix, `${base}/graphql`, headers, requests, stats.n, unloadedMs);
      report.peakRssMiB = peakRssMiB(child.pid!);
      report.requestClients = await requestClients(base);
      printReport(report);
      reports.push(report);
    }
    console.log(JSON.stringify(reports));
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    if (child) await stop(child);
    // A read-everything key must not outlive the run that needed it.
    if (keyId !== undefined) await revokeApiKey(db.sql, keyId).catch(() => {});
    await db.close();
  }
}

async function runMix(
  mix: 'dashboard' | 'new',
  url: string,
  headers: Record<string, string>,
  requests: Operation[],
  tickets: number,
  unloadedMs: Record<string, number>,
) {
  const tally = new Tally();
  const bodies = requests.map((r) => JSON.stringify({ query: r.query, variables: r.variables }));
  // One shared round robin over the mix, rather than autocannon's per-connection walk through a
  // list (every connection starting with the same operation, in lockstep). The context belongs
  // to the connection, which has one request in flight, so it tells onResponse which one answered.
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration,
    timeout,
    headers,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        setupRequest: (request, context) => {
          const n = next++;
          const i = n % requests.length;
          context.operation = requests[i]!.name;
          const body =
            mix === 'dashboard'
              ? bodies[i]!
              : JSON.stringify({ query: requests[i]!.query.replace(/^query (\w+)/, `query $1New${n}`), variables: requests[i]!.variables });
          return { ...request, body };
        },
        onResponse: (status, body, context) => tally.record(String(context.operation), status, body),
      },
    ],
  });
  return {
    mix,
    tickets,
    connections,
    clientTimeoutSeconds: timeout,
    operationTimeoutMs,
    durationSeconds: result.duration,
    cpus: os.cpus().length,
    requests: result.requests.total,
    throughputPerSecond: Math.round((10 * result.requests.total) / result.duration) / 10,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      average: result.latency.average,
    },
    errors: {
      total: tally.failed + result.errors,
      byStatus: tally.byStatus,
      byGraphQLError: tally.byGraphQLError,
      // Other than timeouts, which autocannon counts among its errors too.
      socketErrors: result.errors - result.timeouts,
      timeouts: result.timeouts,
    },
    byOperation: tally.byOperation,
    unloadedMs,
    peakRssMiB: null as number | null,
    requestClients: null as Record<string, number> | null,
  };
}

/**
 * The server's Prisma clients so far, from its /metrics (loopback may scrape): the most alive at
 * once, the cap, how many were created and lent (requests that needed the database).
 */
async function requestClients(base: string): Promise<Record<string, number> | null> {
  const text = await fetch(`${base}/metrics`, { signal: AbortSignal.timeout(10_000) }).then(
    (r) => r.text(),
    () => '',
  );
  const read = (name: string) => Number(new RegExp(`^deskql_request_clients_${name} (\\d+)`, 'm').exec(text)?.[1] ?? Number.NaN);
  const counts = {
    peak: read('peak'),
    max: read('max'),
    created: read('created_total'),
    lent: read('lends_total'),
    refused: read('refused_total'),
  };
  return Object.values(counts).every(Number.isFinite) ? counts : null;
}

/** The server process's peak resident memory so far (Linux: VmHWM), in MiB. */
function peakRssMiB(pid: number): number | null {
  try {
    const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib ? Math.round(Number(kib) / 1024) : null;
  } catch {
    return null;
  }
}

interface Operation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/** The query mix, over periods placed relative to the newest ticket so any data set fits. */
function operationsFor(last: Date): Operation[] {
  const day = 86_400_000;
  // The end of the data's last day, and the last calendar month (UTC) that ends before it.
  const until = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), last.getUTCDate() + 1));
  const monthEnd = new Date(Date.UTC(until.getUTCFullYear(), until.getUTCMonth(), 1));
  const month = {
    from: new Date(Date.UTC(monthEnd.getUTCFullYear(), monthEnd.getUTCMonth() - 1, 1)).toISOString(),
    to: monthEnd.toISOString(),
  };
  const year = {
    from: new Date(Date.UTC(monthEnd.getUTCFullYear() - 1, monthEnd.getUTCMonth(), 1)).toISOString(),
    to: monthEnd.toISOString(),
  };
  const days30 = { from: new Date(until.getTime() - 30 * day).toISOString(), to: until.toISOString(), timeZone: 'America/Sao_Paulo' };
  return [
    {
      name: 'kpisMonthWithComparison',
      query: `query kpisMonthWithComparison($p: PeriodInput!) { kpis(period: $p) {
        ticketCount resolvedCount firstContactResolution { value numerator denominator }
        averageHandleTime { average median p90 } csat { rate { value } average responses } nps { score responses }
        comparison { from to change { csat { current previous absolute relative } ticketCount { absolute relative } } } } }`,
      variables: { p: month },
    },
    {
      name: 'kpiSlicesDayByChannel',
      query: `query kpiSlicesDayByChannel($p: PeriodInput!) { kpiSlices(period: $p, granularity: DAY, groupBy: [CHANNEL]) {
        bucketStart bucketEnd group { channel } kpis { ticketCount firstResponseTime { average } averageHandleTime { average } csat { rate { value } } } } }`,
      variables: { p: days30 },
    },
    {
      name: 'kpiSlicesMonthByTeam',
      query: `query kpiSlicesMonthByTeam($p: PeriodInput!) { kpiSlices(period: $p, granularity: MONTH, groupBy: [TEAM]) {
        bucketStart bucketEnd group { team { name } } kpis { ticketCount backlog resolutionTime { median } csat { rate { value } } } } }`,
      variables: { p: year },
    },
    {
      name: 'agentsKpis',
      query: `query agentsKpis($p: PeriodInput!) { agents(first: 20) { edges { node { name
        kpis(period: $p) { ticketCount averageHandleTime { average } csat { rate { value } } } } } } }`,
      variables: { p: month },
    },
    {
      name: 'ticketsPage',
      query: `query ticketsPage($f: TicketFilter) { tickets(first: 20, filter: $f) { totalCount pageInfo { hasNextPage endCursor }
        edges { node { id subject priority status createdAt customer { name segment } assignee { name team { name } } } } } }`,
      variables: { f: { channels: ['CHAT', 'PHONE'], statuses: ['OPEN', 'PENDING', 'SOLVED'], createdFrom: month.from } },
    },
  ];
}

/** Counts responses per operation and every failure: non-2xx by status, GraphQL errors by code and message. */
class Tally {
  failed = 0;
  byStatus: Record<string, number> = {};
  byGraphQLError: Record<string, number> = {};
  byOperation: Record<string, { responses: number; errors: number }> = {};

  record(operation: string, status: number, body: string): void {
    this.byOperation[operation] ??= { responses: 0, errors: 0 };
    const counts = this.byOperation[operation];
    counts.responses++;
    let errors: Array<{ message?: string; extensions?: { code?: string } }> | undefined;
    try {
      errors = (JSON.parse(body) as { errors?: typeof errors }).errors;
    } catch {
      // Not JSON: only the status says what happened.
    }
    const ok = status >= 200 && status < 300 && !(Array.isArray(errors) && errors.length > 0);
    if (ok) return;
    this.failed++;
    counts.errors++;
    if (status < 200 || status >= 300) this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
    for (const error of Array.isArray(errors) ? errors : []) {
      const label = `${error.extensions?.code ?? 'NO_CODE'}: ${error.message ?? ''}`;
      this.byGraphQLError[label] = (this.byGraphQLError[label] ?? 0) + 1;
    }
  }
}

function printReport(report: {
  mix: string;
  peakRssMiB: number | null;
  requestClients: Record<string, number> | null;
  requests: number;
  throughputPerSecond: number;
  durationSeconds: number;
  latencyMs: Record<string, number>;
  errors: {
    total: number;
    byStatus: Record<string, number>;
    byGraphQLError: Record<string, number>;
    socketErrors: number;
    timeouts: number;
  };
  byOperation: Record<string, { responses: number; errors: number }>;
  unloadedMs: Record<string, number>;
}): void {
  const l = report.latencyMs;
  console.log(`\n${report.mix} mix`);
  console.log(`requests    ${report.requests} in ${report.durationSeconds.toFixed(1)} s`);
  console.log(`peak RSS    ${report.peakRssMiB ?? '?'} MiB (server process)`);
  const c = report.requestClients;
  if (c)
    console.log(
      `clients     ${c.peak} alive at most (cap ${c.max}); ${c.created} created, ${c.lent} lent, ${c.refused} refused (since start)`,
    );
  console.log(`throughput  ${report.throughputPerSecond} req/s`);
  console.log(`latency ms  p50 ${l.p50}  p90 ${l.p90}  p99 ${l.p99}  max ${l.max}`);
  console.log(`errors      ${report.errors.total} (socket ${report.errors.socketErrors}, client timeouts ${report.errors.timeouts})`);
  for (const [status, n] of Object.entries(report.errors.byStatus)) console.log(`  HTTP ${status}: ${n}`);
  for (const [label, n] of Object.entries(report.errors.byGraphQLError)) console.log(`  ${label}: ${n}`);
  for (const [name, c] of Object.entries(report.byOperation)) {
    console.log(`  ${name}: ${c.responses} responses, ${c.errors} errors (alone: ${report.unloadedMs[name]} ms)`);
  }
}

function startServer(databaseUrl: string, port: number): { child: ChildProcess; output: string[] } {
  const child = spawnServer({
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: String(port),
    DESKQL_DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    OPERATION_TIMEOUT_MS: String(operationTimeoutMs),
    // The per-key cost limit would otherwise measure the limiter, not the server.
    RATE_LIMIT_BURST: '1000000000',
    RATE_LIMIT_REFILL_PER_SECOND: '1000000000',
  });
  // Keep reading both pipes (a full pipe would block the server); the tail explains a failure.
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 50));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { child, output };
}

async function waitForReady(base: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output.join('\n')}`);
    const status = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server was not ready within 120 s:\n${output.join('\n')}`);
}

/**
 * Each operation alone before the load: a broken query fails the bench instead of counting as
 * load, and the unloaded latency of each puts the loaded percentiles in proportion.
 */
async function checkOperations(url: string, headers: Record<string, string>, operations: Operation[]): Promise<Record<string, number>> {
  const unloadedMs: Record<string, number> = {};
  // Twice each, timing the second: the first pays for plan caches and JIT warm-up.
  for (const operation of operations.flatMap((o) => [o, o])) {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: operation.query, variables: operation.variables }),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    if (response.status !== 200 || /"errors"\s*:/.test(text)) {
      throw new Error(`${operation.name} failed before the load (HTTP ${response.status}): ${text.slice(0, 1000)}`);
    }
    unloadedMs[operation.name] = Math.round(performance.now() - started);
  }
  return unloadedMs;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => killGroup(child), 20_000);
  await exited;
  clearTimeout(timer);
}

process.exit(await main());
