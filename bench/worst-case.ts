// npm run bench:worst: the dearest requests of the outside audit (issue 15, items 1 and 2)
// that the cost limit still accepts, and what each costs the server.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/issue15_bench npm run bench:worst [-- --tickets 100000 --runs 3]
//
// Seeds an empty database first. For each shape (nested ticket lists through their assignee,
// every drill-down of daily slices over 136 days) it finds the largest page size `n` whose
// cost fits MAX_QUERY_COST, sends it through a real HTTP server (in this process, default
// limits, no rate limit), and prints wall time, SQL statements, answer size, heap and RSS
// growth, and the worst /healthz latency while it ran (how long the event loop was blocked).
// It also sends the audit's original sizes, which must be refused before any statement.
import { parseArgs } from 'node:util';
import { parse, getOperationAST, Kind, type FragmentDefinitionNode } from 'graphql';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { applyMigrations } from '../server/db/migrations.js';
import { READ_SCOPES } from '../server/auth/scopes.js';
import { estimateCost } from '../server/graphql/cost/estimate.js';
import { DEFAULT_QUERY_LIMITS } from '../server/graphql/plugins/query-limits.js';
import { schema } from '../server/graphql/schema.js';
import { startServer } from '../server/http/server.js';
import { silentLogger } from '../server/logger.js';
import { defaultSeedOptions, isEmpty, seedDatabase } from '../server/seed/seed.js';

const { values: options } = parseArgs({
  options: { tickets: { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' } },
});
const tickets = Number(options.tickets);
const runs = Number(options.runs);
const config = loadConfig();
if (!config.databaseUrl) {
  console.error('bench:worst measures PostgreSQL: set DATABASE_URL to a database (an empty one is seeded).');
  process.exit(2);
}

const SHAPES = {
  'nested tickets (item 1)':
    'query($n:Int){ tickets(first:$n){edges{node{assignee{tickets(first:$n){edges{node{assignee{tickets(first:$n){edges{node{id}}}}}}}}}}}}',
  'drill-downs of 136 daily slices (item 2)': `query($n: Int) {
    kpiSlices(period: { from: "UNTIL_MINUS_136", to: "UNTIL" }, granularity: DAY) {
      bucketStart kpis { ticketCount }
      tickets(basis: BACKLOG, first: $n) { totalCount edges { node { id subject interactions(first: $n) { edges { node { id handleSeconds } } } } } }
      interactions(first: $n) { totalCount edges { node { id } } }
      surveyResponses(first: $n) { totalCount edges { node { id score } } }
      customers(basis: AT_END, first: $n) { totalCount edges { node { id name email } } } } }`,
  // Still dear (see the README): a related page under a list loads the whole relation of each
  // parent and cuts it in memory, whatever first says.
  'whole relations under a list (remaining)':
    'query($n:Int){ tickets(first:$n){edges{node{assignee{tickets(first:1){edges{node{assignee{tickets(first:1){edges{node{id}}}}}}}}}}}}',
};
const AUDIT_SIZES: Record<keyof typeof SHAPES, number> = {
  'nested tickets (item 1)': 60,
  'drill-downs of 136 daily slices (item 2)': 100,
  'whole relations under a list (remaining)': 1000,
};

function costOf(query: string, n: number): number {
  const document = parse(query);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  return estimateCost(DEFAULT_QUERY_LIMITS.maxCost, schema, getOperationAST(document)!, fragments, { n }).estimated;
}

async function main(): Promise<void> {
  let statements = 0;
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: null, poolSize: 10, onStatement: () => statements++ });
  await applyMigrations(db);
  const until = new Date('2026-06-01T00:00:00Z');
  if (await isEmpty(db.sql)) {
    console.error(`seeding ${tickets} tickets…`);
    await seedDatabase(db, defaultSeedOptions(tickets, until));
  }
  const server = await startServer({
    db,
    logger: silentLogger,
    host: '127.0.0.1',
    port: 0,
    graphiql: false,
    shutdownTimeoutMs: 1000,
    anonymousScopes: READ_SCOPES,
    rateLimit: { burst: 1, refillPerSecond: 0 },
  });
  const from = new Date(until.getTime() - 136 * 86_400_000).toISOString();
  const report: Array<Record<string, unknown>> = [];
  try {
    for (const [name, template] of Object.entries(SHAPES) as Array<[keyof typeof SHAPES, string]>) {
      const query = template.replace('UNTIL_MINUS_136', from).replace('"UNTIL"', `"${until.toISOString()}"`);
      let n = 100;
      while (n > 1 && costOf(query, n) > DEFAULT_QUERY_LIMITS.maxCost) n--;
      const audit = AUDIT_SIZES[name];
      statements = 0;
      const refused = (await post(server.url, query, { n: audit })) as { body: { errors?: Array<{ extensions?: { code?: string } }> } };
      report.push({
        shape: name,
        n: audit,
        cost: costOf(query, audit),
        answer: refused.body.errors?.[0]?.extensions?.code ?? 'served',
        statements,
      });
      for (let run = 0; run < runs; run++) {
        global.gc?.();
        const heapBefore = process.memoryUsage().heapUsed;
        const rssBefore = process.memoryUsage().rss;
        let peakRss = rssBefore;
        let worstHealth = 0;
        let done = false;
        const probe = (async () => {
          while (!done) {
            const started = performance.now();
            await fetch(server.url.replace('/graphql', '/healthz'));
            worstHealth = Math.max(worstHealth, performance.now() - started);
            peakRss = Math.max(peakRss, process.memoryUsage().rss);
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        })();
        statements = 0;
        const started = performance.now();
        const answer = await post(server.url, query, { n });
        const ms = performance.now() - started;
        done = true;
        await probe;
        report.push({
          shape: name,
          n,
          cost: costOf(query, n),
          answer: answer.body.errors?.[0]?.extensions?.code ?? 'served',
          ms: Math.round(ms),
          statements,
          bytes: answer.bytes,
          heapGrowthMiB: Math.round(((process.memoryUsage().heapUsed - heapBefore) / 1048576) * 10) / 10,
          rssPeakGrowthMiB: Math.round(((peakRss - rssBefore) / 1048576) * 10) / 10,
          worstHealthzMs: Math.round(worstHealth),
        });
      }
    }
  } finally {
    await server.shutdown();
  }
  console.log('| shape | n | cost | answer | ms | statements | bytes | heap growth MiB | RSS peak growth MiB | worst /healthz ms |');
  console.log('|---|---:|---:|---|---:|---:|---:|---:|---:|---:|');
  for (const row of report) {
    console.log(
      `| ${row.shape} | ${row.n} | ${row.cost} | ${row.answer} | ${row.ms ?? '—'} | ${row.statements} | ${row.bytes ?? '—'} | ${row.heapGrowthMiB ?? '—'} | ${row.rssPeakGrowthMiB ?? '—'} | ${row.worstHealthzMs ?? '—'} |`,
    );
  }
  console.log(JSON.stringify(report));
}

async function post(url: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, bytes: text.length, body: JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> } };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
