// npm run bench:kpi:embedded: what the quick start's user sees. The embedded database (PGlite,
// in memory) with the demo's year of 20,000 tickets, and a year of every KPI asked through
// the GraphQL handler: cold (a new question each time, which the response cache cannot answer)
// and warm (the same question again).
//
//   npm run bench:kpi:embedded [-- --iterations 20 --tickets 20000]
import { parseArgs } from 'node:util';
import { READ_SCOPES } from '../server/auth/scopes.js';
import { openDatabase } from '../server/db/database.js';
import { applyMigrations } from '../server/db/migrations.js';
import { defaultSeedOptions, seedDatabase } from '../server/seed/seed.js';
import { createDeskqlYoga } from '../server/yoga.js';

const { values: options } = parseArgs({
  options: { iterations: { type: 'string', default: '20' }, tickets: { type: 'string', default: '20000' } },
});
const iterations = Number(options.iterations);

const db = await openDatabase({ databaseUrl: null, dataDir: null });
await applyMigrations(db);
const until = new Date('2026-11-01T00:00:00Z');
await seedDatabase(db, { ...defaultSeedOptions(Number(options.tickets), until) });
const yoga = createDeskqlYoga({ db, anonymousScopes: READ_SCOPES, rateLimit: { burst: 1, refillPerSecond: 0 } });
const year = { from: '2025-11-01T00:00:00Z', to: until.toISOString() };
const query = `query YearOfEveryKpi($p: PeriodInput!) { kpis(period: $p) { ticketCount resolvedCount backlog
  firstResponseTime { average median p90 } resolutionTime { average median p90 } firstContactResolution { value }
  averageHandleTime { average median p90 averageTalk } nps { score } csat { rate { value } average } ces { average }
  selfServiceOpportunity { value } customersAtStart customersAtEnd newCustomers retentionRate { value } churnRate { value } } }`;

let run = 0;
async function ask(cold: boolean): Promise<number> {
  const text = cold ? query.replace('YearOfEveryKpi', `YearOfEveryKpi${++run}`) : query;
  const started = performance.now();
  const response = await yoga.fetch('http://deskql.bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text, variables: { p: year } }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return performance.now() - started;
}

const percentile = (samples: number[], p: number) =>
  [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.ceil(p * samples.length) - 1)]!;
await ask(true); // plans and JIT
const cold: number[] = [];
for (let i = 0; i < iterations; i++) cold.push(await ask(true));
const warm: number[] = [];
for (let i = 0; i < iterations; i++) warm.push(await ask(false));
console.log(`\nEmbedded database, ${Number(options.tickets).toLocaleString('en')} demo tickets, a year of every KPI, ${iterations} runs`);
console.log(`cold p50 ${percentile(cold, 0.5).toFixed(1)} ms  p95 ${percentile(cold, 0.95).toFixed(1)} ms`);
console.log(`warm p50 ${percentile(warm, 0.5).toFixed(1)} ms  p95 ${percentile(warm, 0.95).toFixed(1)} ms`);
await db.close();
process.exit(0);
