// npm run bench:kpi: latency of the KPI API over HTTP against the equivalent hand-written SQL,
// on PostgreSQL with 1,000,000 generated tickets (seeded first if the database is empty).
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/deskql_bench npm run bench:kpi [-- --iterations 15 --tickets 1000000 --only a,b --skip-recompute]
//
// Prints, per operation, p50 and p95 of the API over HTTP cold (every run a new question: the
// operation is renamed, so the response cache cannot answer it) and warm (the same question
// again, answered by the response cache), p50 and p95 of the hand-written statements run
// directly in this process (concurrently, on the same pool size), the cold ratio and how many
// SQL statements one API call issued.
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { applyMigrations } from '../server/db/migrations.js';
import { createApiKey, revokeApiKey } from '../server/auth/api-keys.js';
import { startServer } from '../server/http/server.js';
import { silentLogger } from '../server/logger.js';
import { isEmpty, seedDatabase } from '../server/seed/seed.js';
import { refreshTicketBusinessTime } from '../server/business-hours/ticket-business-time.js';
import * as hand from './hand-written-sql.js';

const { values: options } = parseArgs({
  options: {
    iterations: { type: 'string', default: '15' },
    tickets: { type: 'string', default: '1000000' },
    // e.g. --only a,b: the operations to run, by their letter; all when absent.
    only: { type: 'string' },
    // Skips recomputing every ticket's business time at the end (a minute at 1M tickets).
    'skip-recompute': { type: 'boolean', default: false },
  },
});
const only = options.only ? new Set(options.only.split(',').map((letter) => `(${letter.trim()})`)) : null;
const iterations = Number(options.iterations);
const config = loadConfig();
if (!config.databaseUrl) {
  console.error('bench:kpi measures PostgreSQL: set DATABASE_URL to a database (an empty one is seeded with 1,000,000 tickets).');
  process.exit(2);
}

let statements = 0;
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: null, poolSize: 10, onStatement: () => statements++ });
await applyMigrations(db);
const [{ n: existing }] = (await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM ticket')) as [{ n: number }];
if (existing < Number(options.tickets)) {
  if (!(await isEmpty(db.sql))) {
    console.error(`The database holds ${existing} tickets, fewer than ${options.tickets}; point DATABASE_URL at an empty database.`);
    process.exit(2);
  }
  console.log(`Seeding ${options.tickets} tickets…`);
  const started = Date.now();
  await seedDatabase(db, { tickets: Number(options.tickets), seed: 1, until: new Date('2026-11-01T00:00:00Z'), days: 365 });
  console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await db.sql.query('ANALYZE');
}
const [{ n: tickets }] = (await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM ticket')) as [{ n: number }];
const [{ until }] = (await db.sql.query<{ until: Date }>(
  "SELECT date_trunc('day', max(created_at), 'UTC') + interval '1 day' AS until FROM ticket",
)) as [{ until: Date }];
const day = 86_400_000;
const year = { from: new Date(until.getTime() - 365 * day).toISOString(), to: until.toISOString() };
const quarter = { from: new Date(until.getTime() - 90 * day).toISOString(), to: until.toISOString() };

// Requests carry a key, as production ones do (the lookup is part of what is measured); the
// rate limit is off so that repetitions measure the work, not the throttle.
const { id: benchKeyId, key: benchKey } = await createApiKey(db.sql, { name: 'bench-kpi', scopes: ['kpis:read', 'kpis:agents'] });
const server = await startServer({
  db,
  logger: silentLogger,
  host: '127.0.0.1',
  port: 0,
  graphiql: false,
  shutdownTimeoutMs: 1000,
  rateLimit: { burst: 1, refillPerSecond: 0 },
});
const direct = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });

const agentIds = (await db.prisma.agent.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], take: 100, select: { id: true } })).map(
  (a) => a.id,
);

const ticketKpis = `ticketCount resolvedCount backlog firstResponseTime { average median p90 } resolutionTime { average median p90 }
  firstContactResolution { value } averageHandleTime { average median p90 averageTalk } nps { score } csat { rate { value } average }
  ces { average } selfServiceOpportunity { value }`;

interface Operation {
  name: string;
  /** Sent as GET /kpis.csv with these URL parameters instead of the GraphQL query. */
  csv?: Record<string, string>;
  query: string;
  variables: Record<string, unknown>;
  sql: hand.HandWrittenQuery[];
  period: { from: string; to: string };
}

const operations: Operation[] = [
  {
    name: '(a) kpis, one year, every KPI',
    query: `query ($p: PeriodInput!) { kpis(period: $p) { ${ticketKpis} customersAtStart customersAtEnd newCustomers retentionRate { value } churnRate { value } } }`,
    variables: { p: year },
    period: year,
    sql: [
      hand.created(hand.wholePeriod),
      hand.resolved(hand.wholePeriod),
      hand.firstContact(hand.wholePeriod),
      hand.backlog(hand.wholePeriod, null),
      hand.handleTime(hand.wholePeriod),
      hand.surveys(hand.wholePeriod),
      hand.customers(),
    ],
  },
  {
    name: '(b) kpiSlices MONTH x TEAM, one year',
    query: `query ($p: PeriodInput!) { kpiSlices(period: $p, granularity: MONTH, groupBy: [TEAM]) { bucketStart group { team { name } } kpis { ${ticketKpis} } } }`,
    variables: { p: year },
    period: year,
    sql: [
      hand.created(hand.monthTeam),
      hand.resolved(hand.monthTeam),
      hand.firstContact(hand.monthTeam),
      hand.backlog(hand.monthTeam, 'month'),
      hand.handleTime(hand.monthTeam),
      hand.surveys(hand.monthTeam),
    ],
  },
  {
    name: '(c) kpiSlices DAY x CHANNEL, 90 days',
    query: `query ($p: PeriodInput!) { kpiSlices(period: $p, granularity: DAY, groupBy: [CHANNEL]) { bucketStart group { channel } kpis { ticketCount firstResponseTime { average } averageHandleTime { average } csat { rate { value } } } } }`,
    variables: { p: quarter },
    period: quarter,
    sql: [hand.created(hand.dayChannel), hand.handleTime(hand.dayChannel), hand.surveys(hand.dayChannel)],
  },
  {
    name: "(d) 100 agents' kpis, one year",
    query: `query ($p: PeriodInput!) { agents(first: 100) { edges { node { name kpis(period: $p) { ticketCount resolvedCount averageHandleTime { average } csat { rate { value } } } } } } }`,
    variables: { p: year },
    period: year,
    sql: [
      hand.created(hand.agentPage(agentIds)),
      hand.resolved(hand.agentPage(agentIds)),
      hand.handleTime(hand.agentPage(agentIds)),
      hand.surveys(hand.agentPage(agentIds)),
    ],
  },
  {
    name: '(e) business hours: kpiSlices MONTH x PRIORITY, one year, business times and SLA attainment',
    query: `query ($p: PeriodInput!) { kpiSlices(period: $p, granularity: MONTH, groupBy: [PRIORITY]) { bucketStart group { priority } kpis {
      firstResponseBusinessTime { average median p90 } resolutionBusinessTime { average median p90 }
      firstResponseSla { rate { value } achieved breached pending } resolutionSla { rate { value } achieved breached pending } } } }`,
    variables: { p: year },
    period: year,
    sql: hand.businessHours(hand.monthPriority),
  },
  {
    name: '(f) kpiSlices DAY_OF_WEEK x HOUR_OF_DAY (São Paulo), one year',
    query: `query ($p: PeriodInput!) { kpiSlices(period: $p, groupBy: [DAY_OF_WEEK, HOUR_OF_DAY]) { group { dayOfWeek hourOfDay } kpis { ticketCount averageHandleTime { average } csat { rate { value confidence95 { low high } } } } } }`,
    variables: { p: { ...year, timeZone: 'America/Sao_Paulo' } },
    period: year,
    sql: [hand.created(hand.weekdayHour), hand.handleTime(hand.weekdayHour), hand.surveys(hand.weekdayHour)],
  },
  {
    name: '(g) the same as GET /kpis.csv',
    csv: { ...year, timeZone: 'America/Sao_Paulo', groupBy: 'DAY_OF_WEEK,HOUR_OF_DAY', kpis: 'TICKET_COUNT,AVERAGE_HANDLE_TIME,CSAT' },
    query: '',
    variables: {},
    period: year,
    sql: [hand.created(hand.weekdayHour), hand.handleTime(hand.weekdayHour), hand.surveys(hand.weekdayHour)],
  },
  {
    name: '(h) kpiSlices MONTH x AGENT, top 5 by CSAT, one year',
    query: `query ($p: PeriodInput!) { kpiSlices(period: $p, granularity: MONTH, groupBy: [AGENT], orderBy: { kpi: CSAT, direction: DESC }, first: 5) {
      bucketStart group { agent { name } } kpis { ticketCount csat { rate { value lowSample } } } } }`,
    variables: { p: year },
    period: year,
    sql: [hand.created(hand.monthAgent), hand.surveys(hand.monthAgent)],
  },
];

let coldRuns = 0;

/** `cold`: a question never asked before (a new operation name), which the cache cannot answer. */
async function viaApi(operation: Operation, cold: boolean): Promise<number> {
  const query = cold ? operation.query.replace(/^query /, `query ColdRun${++coldRuns}${process.pid} `) : operation.query;
  const started = performance.now();
  if (operation.csv) {
    const answer = await fetch(new URL(`/kpis.csv?${new URLSearchParams(operation.csv)}`, server.url), {
      headers: { authorization: `Bearer ${benchKey}` },
    });
    const text = await answer.text();
    if (answer.status !== 200) throw new Error(`${operation.name}: ${answer.status} ${text}`);
    return performance.now() - started;
  }
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${benchKey}` },
    body: JSON.stringify({ query, variables: operation.variables }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`${operation.name}: ${JSON.stringify(body.errors)}`);
  return performance.now() - started;
}

async function viaSql(operation: Operation): Promise<number> {
  const started = performance.now();
  await Promise.all(operation.sql.map((q) => direct.query(q.text, [operation.period.from, operation.period.to])));
  return performance.now() - started;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

async function measure(run: () => Promise<number>): Promise<number[]> {
  await run();
  await run(); // warm caches and plans
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) samples.push(await run());
  return samples;
}

console.log(
  `\nKPI benchmark: ${tickets.toLocaleString('en')} tickets, PostgreSQL, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${iterations} runs each\n`,
);
console.log(
  '| operation | cold p50 ms | cold p95 ms | warm p50 ms | warm p95 ms | hand-written SQL p50 ms | SQL p95 ms | SQL p50 / cold p50 | SQL statements |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const operation of operations) {
  if (only && !only.has(operation.name.slice(0, 3))) continue;
  const before = statements;
  await viaApi(operation, true);
  const issued = statements - before;
  const cold = await measure(() => viaApi(operation, true));
  const warm = await measure(() => viaApi(operation, false));
  const sql = await measure(() => viaSql(operation));
  const [c50, c95, w50, w95, s50, s95] = [cold, cold, warm, warm, sql, sql].map((samples, i) => percentile(samples, i % 2 ? 0.95 : 0.5));
  console.log(
    `| ${operation.name} | ${c50!.toFixed(0)} | ${c95!.toFixed(0)} | ${w50!.toFixed(1)} | ${w95!.toFixed(1)} | ${s50!.toFixed(0)} | ${s95!.toFixed(0)} | ${(s50! / c50!).toFixed(1)}x | ${issued} |`,
  );
}

// The write side of business hours: what a calendar or policy change costs, recomputing every
// ticket's business time in one transaction (values that do not change are not rewritten).
if (!options['skip-recompute']) {
  const started = performance.now();
  const recomputed = await db.sql.transaction((tx) => refreshTicketBusinessTime(tx, 'all'));
  console.log(
    `\nRecomputing the business time of every ticket (a calendar change): ${recomputed.toLocaleString('en')} tickets in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

await revokeApiKey(db.sql, benchKeyId);
await server.shutdown();
await direct.end();
process.exit(0);
