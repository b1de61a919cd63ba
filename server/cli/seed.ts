// npm run seed -- --tickets N [--seed S] [--until ISO] [--days D] [--agents A] [--customers C] [--reset]
// Generates a realistic help desk into the configured database (DATABASE_URL or the embedded one).
import { parseArgs } from 'node:util';
import { EmbeddedDatabaseBusyError } from '../db/embedded-lock.js';
import { defaultSeedOptions, seedDatabase, SeedRefusedError, type SeedProgress } from '../seed/seed.js';
import { describeTarget, openConfiguredDatabase, runCli } from './open.js';

class UsageError extends Error {}

runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        tickets: { type: 'string', default: '20000' },
        seed: { type: 'string', default: '1' },
        until: { type: 'string' },
        days: { type: 'string', default: '365' },
        agents: { type: 'string' },
        customers: { type: 'string' },
        reset: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message}\nUsage: npm run seed -- --tickets N [--seed S] [--until ISO] [--days D] [--agents A] [--customers C] [--reset]`,
    );
  }
  const options = {
    ...defaultSeedOptions(Number(values.tickets)),
    seed: Number(values.seed),
    days: Number(values.days),
    reset: values.reset,
    ...(values.until ? { until: new Date(values.until) } : {}),
    ...(values.agents ? { agents: Number(values.agents) } : {}),
    ...(values.customers ? { customers: Number(values.customers) } : {}),
  };
  const { config, db } = await openConfiguredDatabase();
  const started = Date.now();
  try {
    console.error(
      `Seeding ${describeTarget(config)} with ${options.tickets} tickets (seed ${options.seed}, ${options.days} days until ${options.until.toISOString()})`,
    );
    let lastReport = 0;
    const summary = await seedDatabase(db, options, (progress) => {
      if (progress.phase !== 'activity' || Date.now() - lastReport > 1000) {
        lastReport = Date.now();
        console.error(formatProgress(progress, options.tickets, started));
      }
    });
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `Seeded ${summary.teams} teams, ${summary.agents} agents, ${summary.customers} customers, ${summary.articles} articles, ` +
        `${summary.tickets} tickets, ${summary.interactions} interactions, ${summary.surveys} survey responses ` +
        `in ${seconds.toFixed(1)} s (${Math.round(summary.tickets / seconds)} tickets/s)`,
    );
  } finally {
    await db.close();
  }
}, [SeedRefusedError, UsageError, EmbeddedDatabaseBusyError]);

function formatProgress(progress: SeedProgress, total: number, started: number): string {
  const elapsed = ((Date.now() - started) / 1000).toFixed(1);
  if (progress.phase === 'directory') return `[${elapsed}s] writing teams, agents, customers and articles…`;
  if (progress.phase === 'rollups') return `[${elapsed}s] computing the daily KPI rollups…`;
  if (progress.phase === 'done') return `[${elapsed}s] committing…`;
  const percent = total ? Math.floor((100 * progress.tickets) / total) : 100;
  return `[${elapsed}s] ${progress.tickets}/${total} tickets (${percent}%), ${progress.interactions} interactions, ${progress.surveys} surveys`;
}
