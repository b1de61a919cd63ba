// Opens the database the configuration names: a PostgreSQL server when DATABASE_URL is set,
// otherwise the embedded one. Everything above this file sees the same `Database` either way.
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../generated/prisma/client.js';
import { silentLogger, type Logger } from '../logger.js';
import { openEmbedded } from './embedded.js';
import { observeStatements, type StatementListener } from './observed-adapter.js';
import { openPostgres } from './postgres.js';
import type { SqlClient } from './sql-client.js';

export interface Database {
  kind: 'embedded' | 'postgres';
  prisma: PrismaClient;
  /** Raw SQL for bulk writes and aggregates Prisma cannot express. */
  sql: SqlClient;
  /** The unobserved adapter, for Prisma's schema engine (migrations). */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; null opens the embedded database. */
  databaseUrl: string | null;
  /** Data directory of the embedded database; null keeps it in memory. */
  dataDir: string | null;
  poolSize?: number;
  /** PostgreSQL only: statements running longer are cancelled (PGlite cannot enforce it). */
  statementTimeoutMs?: number;
  logger?: Logger;
  /** Called with every SQL statement Prisma sends. */
  onStatement?: StatementListener;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const logger = options.logger ?? silentLogger;
  const driver = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10, logger, options.statementTimeoutMs ?? 0)
    : await openEmbedded(options.dataDir);
  const listener = options.onStatement;
  const adapter = listener ? observeStatements(driver.adapterFactory, listener) : driver.adapterFactory;
  const prisma = new PrismaClient({ adapter });
  let closing: Promise<void> | undefined;
  return {
    kind: driver.kind,
    prisma,
    sql: driver.sql,
    adapterFactory: driver.adapterFactory,
    // Idempotent: shutdown paths (signals, test teardown) may both ask.
    close() {
      closing ??= prisma.$disconnect().then(() => driver.close());
      return closing;
    },
  };
}
