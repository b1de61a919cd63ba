// Fills a database with a generated help desk, in one transaction: a seed that fails half way
// leaves the database as it was. Then refreshes the planner's statistics of what it wrote.
import type { Database } from '../db/database.js';
import { refreshStatistics } from '../db/refresh-statistics.js';
import type { SqlClient } from '../db/sql-client.js';
import { RECORD_SPECS } from '../import/record-specs.js';
import { generateActivity } from './activity.js';
import { seedBusinessHours } from './business-hours.js';
import { generateDirectory } from './directory.js';
import { Random } from './random.js';
import { agentTable, articleTable, customerTable, insertRows, interactionTable, surveyTable, teamTable, ticketTable } from './tables.js';

const DAY = 86_400_000;

export interface SeedOptions {
  tickets: number;
  /** Same seed and options, same data. */
  seed: number;
  /** The end of the generated history (exclusive); tickets span the `days` before it. */
  until: Date;
  days: number;
  /** Defaults scale with the ticket volume. */
  agents?: number;
  customers?: number;
  /** Empty the tables first instead of refusing a database that holds data. */
  reset?: boolean;
  batchSize?: number;
}

export interface SeedProgress {
  phase: 'directory' | 'activity' | 'rollups' | 'done';
  tickets: number;
  interactions: number;
  surveys: number;
}

export interface SeedSummary extends SeedProgress {
  teams: number;
  agents: number;
  customers: number;
  articles: number;
}

export class SeedRefusedError extends Error {}

/** Every record table, in dependency order (the import format's order). */
const TABLES = RECORD_SPECS.map((spec) => spec.table);

export function defaultSeedOptions(tickets: number, until = startOfHour(new Date())): SeedOptions {
  return { tickets, seed: 1, until, days: 365 };
}

export async function seedDatabase(
  db: Database,
  options: SeedOptions,
  onProgress: (progress: SeedProgress) => void = () => {},
): Promise<SeedSummary> {
  validate(options);
  const start = new Date(options.until.getTime() - options.days * DAY);
  const ticketsPerDay = options.tickets / options.days;
  const random = new Random(options.seed);
  const { directory, traits } = generateDirectory(random, {
    agents: options.agents ?? clamp(Math.round(ticketsPerDay / 22), 12, 400),
    customers: options.customers ?? Math.max(50, Math.round(options.tickets / 6)),
    start,
    until: options.until,
  });

  const summary = await db.sql.transaction(async (sql) => {
    if (options.reset) {
      await sql.query(`TRUNCATE ${[...TABLES, 'ticket_business_time'].map((t) => `"${t}"`).join(', ')} RESTART IDENTITY`);
    } else {
      await assertEmpty(sql);
    }
    // A bulk load: the daily rollups are computed once at the end (below), in one pass per
    // table, rather than by their triggers for every batch, which would double the seed's time.
    // Other sessions never see the triggers off: this transaction turns them on before it commits.
    await sql.query('SELECT deskql_rollup_triggers(false)');
    const progress: SeedProgress = { phase: 'directory', tickets: 0, interactions: 0, surveys: 0 };
    onProgress(progress);
    await insertRows(sql, teamTable, directory.teams);
    await insertRows(sql, agentTable, directory.agents);
    await insertRows(sql, articleTable, directory.articles);
    for (let index = 0; index < directory.customers.length; index += 5000) {
      await insertRows(sql, customerTable, directory.customers.slice(index, index + 5000));
    }
    progress.phase = 'activity';
    const batches = generateActivity(random, directory, traits, {
      tickets: options.tickets,
      start,
      until: options.until,
      batchSize: options.batchSize ?? 5000,
    });
    for (const batch of batches) {
      await insertRows(sql, ticketTable, batch.tickets);
      await insertRows(sql, interactionTable, batch.interactions);
      await insertRows(sql, surveyTable, batch.surveys);
      progress.tickets += batch.tickets.length;
      progress.interactions += batch.interactions.length;
      progress.surveys += batch.surveys.length;
      onProgress(progress);
    }
    await seedBusinessHours(sql, start, options.until);
    progress.phase = 'rollups';
    onProgress(progress);
    await sql.query('SELECT deskql_rebuild_rollups()');
    await sql.query('SELECT deskql_rollup_triggers(true)');
    // Ids were assigned here, so the sequences must continue after them.
    for (const table of TABLES) {
      await sql.query(
        `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT max(id) FROM "${table}"), 0) + 1, false)`,
      );
    }
    progress.phase = 'done';
    onProgress(progress);
    return {
      ...progress,
      teams: directory.teams.length,
      agents: directory.agents.length,
      customers: directory.customers.length,
      articles: directory.articles.length,
    };
  });
  await refreshStatistics(db.sql);
  return summary;
}

/** True when the database holds no record at all: the demo data is loaded only then. */
export async function isEmpty(sql: SqlClient): Promise<boolean> {
  const [row] = await sql.query<{ used: boolean }>(`SELECT ${TABLES.map((t) => `EXISTS (SELECT 1 FROM "${t}")`).join(' OR ')} AS used`);
  return !row?.used;
}

async function assertEmpty(sql: SqlClient): Promise<void> {
  if (!(await isEmpty(sql))) {
    throw new SeedRefusedError('The database already holds data. Pass --reset to replace ALL of it with generated data.');
  }
}

function validate(options: SeedOptions): void {
  const problems: string[] = [];
  if (!Number.isInteger(options.tickets) || options.tickets < 0) problems.push('--tickets must be a whole number >= 0');
  if (!Number.isInteger(options.days) || options.days < 1) problems.push('--days must be a whole number >= 1');
  if (!Number.isInteger(options.seed)) problems.push('--seed must be a whole number');
  if (Number.isNaN(options.until.getTime())) problems.push('--until must be an ISO 8601 instant such as 2026-01-01T00:00:00Z');
  if (options.agents !== undefined && (!Number.isInteger(options.agents) || options.agents < 5))
    problems.push('--agents must be a whole number >= 5');
  if (options.customers !== undefined && (!Number.isInteger(options.customers) || options.customers < 1))
    problems.push('--customers must be a whole number >= 1');
  if (problems.length > 0) throw new SeedRefusedError(problems.join('\n'));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function startOfHour(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 3_600_000) * 3_600_000);
}
