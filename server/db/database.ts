// Opens the database the configuration names: a PostgreSQL server when DATABASE_URL is set,
// otherwise the embedded one. Everything above this file sees the same `Database` either way.
import type { SqlDriverAdapterFactory, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../generated/prisma/client.js';
import { silentLogger, type Logger } from '../logger.js';
import { throwIfOperationStopped } from '../auth/principal.js';
import { openEmbedded } from './embedded.js';
import { observeStatements, type StatementListener } from './observed-adapter.js';
import { openPostgres } from './postgres.js';
import { rowScopedAdapterFactory } from './row-scope.js';
import type { SqlClient } from './sql-client.js';
import { wholeScriptAdapter } from './whole-script-adapter.js';

export interface Database {
  kind: 'embedded' | 'postgres';
  prisma: PrismaClient;
  /** Raw SQL for bulk writes and aggregates Prisma cannot express. */
  sql: SqlClient;
  /**
   * Opens a connection for Prisma's schema engine (migrations), unobserved, running scripts
   * whole; close it when the engine is done.
   */
  openMigrationAdapter(): { factory: SqlMigrationAwareDriverAdapterFactory; close(): Promise<void> };
  /**
   * A Prisma client that sees only these teams' tickets, interactions, survey responses and
   * customers (row-level security, server/db/row-scope.ts); one per team set, kept open.
   */
  restrictedTo(teamIds: readonly number[]): PrismaClient;
  /** Connections of the PostgreSQL pool (for /metrics); null for the embedded database's single one. */
  poolStats(): PoolStats | null;
  close(): Promise<void>;
}

export interface PoolStats {
  /** Connections open, in use or idle. */
  total: number;
  idle: number;
  /** Requests waiting for a connection. */
  waiting: number;
  max: number;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; null opens the embedded database. */
  databaseUrl: string | null;
  /** Data directory of the embedded database; null keeps it in memory. */
  dataDir: string | null;
  /** Embedded only: start from this dump of a data directory (PGlite's dumpDataDir). */
  loadDataDir?: Blob;
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
    : await openEmbedded(options.dataDir, options.loadDataDir);
  const listener = options.onStatement;
  // Before every statement: a stopped operation (client gone, OPERATION_TIMEOUT_MS) starts none.
  const beforeStatement: StatementListener = (sql) => {
    throwIfOperationStopped();
    listener?.(sql);
  };
  const observed = <F extends SqlDriverAdapterFactory>(factory: F) => observeStatements(factory, beforeStatement);
  const prisma = new PrismaClient({ adapter: observed(driver.adapterFactory) });
  // A client per team set, not per request: Prisma batches lookups within a client, and a
  // batch must never mix statements of differently restricted requests.
  const restricted = new Map<string, PrismaClient>();
  let closing: Promise<void> | undefined;
  return {
    kind: driver.kind,
    prisma,
    sql: driver.sql,
    openMigrationAdapter() {
      const connection = driver.openMigrationConnection();
      return { factory: wholeScriptAdapter(connection.factory, connection.runScript), close: () => connection.close() };
    },
    restrictedTo(teamIds) {
      const key = [...new Set(teamIds)].sort((a, b) => a - b).join(',');
      let client = restricted.get(key);
      if (!client) {
        client = new PrismaClient({ adapter: observed(rowScopedAdapterFactory(driver.adapterFactory, key.split(',').map(Number))) });
        restricted.set(key, client);
      }
      return client;
    },
    poolStats() {
      if (driver.kind !== 'postgres') return null;
      const pool = driver.pool;
      return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 };
    },
    // Idempotent: shutdown paths (signals, test teardown) may both ask.
    close() {
      const clients = [prisma, ...restricted.values()];
      closing ??= Promise.all(clients.map((client) => client.$disconnect())).then(() => driver.close());
      return closing;
    },
  };
}
