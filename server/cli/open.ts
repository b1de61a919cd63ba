// Shared start-up for command-line tools: read the configuration, open the database the
// server would use, bring its schema up to date, and report failures as one clear line.
import { ConfigError, loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { applyMigrations } from '../db/migrations.js';
import { createLogger } from '../logger.js';

export async function openConfiguredDatabase(): Promise<{ config: Config; db: Database }> {
  const config = loadConfig();
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 2,
    logger: createLogger(config.logLevel),
  });
  try {
    await applyMigrations(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return { config, db };
}

export function describeTarget(config: Config): string {
  if (!config.databaseUrl) return `the embedded database in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL database "${url.pathname.slice(1)}" on ${url.hostname}:${url.port || 5432}`;
}

/** Runs a command's main function: expected failures print their message, not a stack. */
export function runCli(main: () => Promise<void>, expected: Array<new (...args: never[]) => Error>): void {
  main().then(
    // A command that set process.exitCode (the import rejecting a file: 1) keeps it.
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      if (error instanceof ConfigError || expected.some((type) => error instanceof type)) {
        console.error((error as Error).message);
        process.exit(2);
      }
      console.error(error);
      process.exit(1);
    },
  );
}
