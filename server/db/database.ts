// Opens the database the configuration names: a PostgreSQL server when DATABASE_URL is set,
// otherwise the embedded one. Everything above this file sees the same `Database` either way.
import type { PGlite } from '@electric-sql/pglite';
import type { SqlDriverAdapterFactory, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../generated/prisma/client.js';
import { silentLogger, type Logger } from '../logger.js';
import { ClientPool, type BeforeStatement, type ClientPoolStats, type LentClient } from './client-pool.js';
import type { ClientPoolOptions } from './client-pool-options.js';
import { openEmbedded } from './embedded.js';
import { observeStatements, type StatementListener } from './observed-adapter.js';
import { openPostgres } from './postgres.js';
import type { SqlClient } from './sql-client.js';
import { wholeScriptAdapter } from './whole-script-adapter.js';

export interface Database {
  kind: 'embedded' | 'postgres';
  /** Unrestricted, for tools (migrations, seed, import, CLI); requests use lendClient(). */
  prisma: PrismaClient;
  /** Raw SQL for bulk writes and aggregates Prisma cannot express. */
  sql: SqlClient;
  /**
   * Opens a connection for Prisma's schema engine (migrations), unobserved, running scripts
   * whole; close it when the engine is done.
   */
  openMigrationAdapter(): { factory: SqlMigrationAwareDriverAdapterFactory; close(): Promise<void> };
  /**
   * A Prisma client for one request (server/db/client-pool.ts): when `teamIds` is not null it
   * sees only these teams' tickets, interactions, survey responses and customers (row-level
   * security, server/db/row-scope.ts), and it calls `beforeStatement` before every statement.
   * Waits while every client is lent (at most REQUEST_CLIENT_WAIT_MS, then ClientsExhausted;
   * or until `signal` aborts). Give it back when the request is answered.
   */
  lendClient(teamIds: readonly number[] | null, beforeStatement: BeforeStatement, signal?: AbortSignal): Promise<LentClient>;
  /** The request clients: how many are lent, idle, waited for, created so far. */
  clientStats(): ClientPoolStats;
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
  /** Embedded only: an in-memory database already open in this process, instead of a new one; closed with this one. */
  embedded?: PGlite;
  poolSize?: number;
  /** PostgreSQL only: statements running longer are cancelled (PGlite cannot enforce it). */
  statementTimeoutMs?: number;
  logger?: Logger;
  /** Called with every SQL statement Prisma sends. */
  onStatement?: StatementListener;
  /** How many Prisma clients requests may borrow, and how long one waits (REQUEST_CLIENTS_MAX, REQUEST_CLIENT_WAIT_MS). */
  requestClients?: ClientPoolOptions;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const logger = options.logger ?? silentLogger;
  const driver = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10, logger, options.statementTimeoutMs ?? 0)
    : await openEmbedded(options.dataDir, options.loadDataDir, options.embedded);
  const listener = options.onStatement;
  const prisma = new PrismaClient({ adapter: observeStatements(driver.adapterFactory, (sql) => listener?.(sql)) });
  // The request's hook first: a stopped operation (client gone, OPERATION_TIMEOUT_MS) starts
  // no statement, and one that does not start is not reported either.
  const requestClients = new ClientPool(
    driver.adapterFactory,
    (factory: SqlDriverAdapterFactory, beforeStatement) =>
      observeStatements(factory, (sql) => {
        beforeStatement(sql);
        listener?.(sql);
      }),
    options.requestClients,
  );
  let closing: Promise<void> | undefined;
  return {
    kind: driver.kind,
    prisma,
    sql: driver.sql,
    openMigrationAdapter() {
      const connection = driver.openMigrationConnection();
      return { factory: wholeScriptAdapter(connection.factory, connection.runScript), close: () => connection.close() };
    },
    lendClient(teamIds, beforeStatement, signal) {
      return requestClients.lend(teamIds, beforeStatement, signal);
    },
    clientStats() {
      return requestClients.stats();
    },
    poolStats() {
      if (driver.kind !== 'postgres') return null;
      const pool = driver.pool;
      return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 };
    },
    // Idempotent: shutdown paths (signals, test teardown) may both ask.
    close() {
      closing ??= Promise.all([prisma.$disconnect(), requestClients.close()]).then(() => driver.close());
      return closing;
    },
  };
}
