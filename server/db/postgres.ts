// A PostgreSQL server (or a PostgreSQL-compatible distributed database) reached with node-pg.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { Logger } from '../logger.js';
import type { SqlClient } from './sql-client.js';
import type { MigrationConnection } from './whole-script-adapter.js';

export interface PostgresDriver {
  kind: 'postgres';
  adapterFactory: PrismaPg;
  sql: SqlClient;
  pool: pg.Pool;
  /**
   * A connection of its own for Prisma's schema engine. It takes a session-level advisory
   * lock while it migrates, which must be released on the connection that took it: through
   * the shared pool the unlock could land elsewhere and the lock stay held by an idle
   * connection, blocking every later migration (another instance, npm run apikey, import).
   */
  openMigrationConnection(): MigrationConnection;
  close(): Promise<void>;
}

export function openPostgres(connectionString: string, poolSize: number, logger: Logger, statementTimeoutMs = 0): PostgresDriver {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    application_name: 'deskql',
    // A request waits at most this long for a connection (a database that stopped answering,
    // a pool held by slow statements), then fails as "database unavailable" instead of hanging.
    connectionTimeoutMillis: 10_000,
    // A runaway query is cancelled by the database itself, not left to hold a connection.
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
  });
  // An idle client losing its connection (a database restart) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on('error', (error) => logger.warn('idle database connection lost', { error: error.message }));
  // So must one in use (a transaction's client between two statements): pg-pool listens only
  // to idle clients, and an 'error' event no one listens to ends the process. The client's next
  // statement fails instead (the request answers 503), and pg-pool drops it when it is released.
  pool.on('connect', (client) =>
    client.on('error', (error) => logger.debug('database connection lost while in use', { error: error.message })),
  );
  return {
    kind: 'postgres',
    adapterFactory: new PrismaPg(pool),
    sql: poolClient(pool),
    pool,
    openMigrationConnection() {
      const single = new pg.Pool({ connectionString, max: 1, application_name: 'deskql-migrate' });
      single.on('error', (error) => logger.warn('migration connection lost', { error: error.message }));
      return {
        factory: new PrismaPg(single),
        // Sent whole (simple query protocol): one implicit transaction per migration.
        runScript: async (script) => {
          await single.query(script);
        },
        close: () => single.end(),
      };
    },
    close: () => pool.end(),
  };
}

function poolClient(pool: pg.Pool): SqlClient {
  return {
    async query<Row>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as Row[];
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(connectionClient(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

function connectionClient(client: pg.PoolClient): SqlClient {
  return {
    async query<Row>(text: string, params: unknown[] = []) {
      return (await client.query(text, params)).rows as Row[];
    },
    transaction: () => Promise.reject(new Error('nested transactions are not supported')),
  };
}
