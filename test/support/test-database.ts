// A fresh database for one test file: in-memory PGlite by default, or, when DATABASE_URL is
// set, a new database on that PostgreSQL server, dropped again when the file is done.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../server/db/database.js';
import { applyMigrations } from '../../server/db/migrations.js';
import type { StatementListener } from '../../server/db/observed-adapter.js';

export interface TestDatabase {
  db: Database;
  /** The PostgreSQL URL of this database; null for the in-memory embedded one. */
  url: string | null;
  /** Closes the database and, on PostgreSQL, drops it. */
  drop(): Promise<void>;
}

export async function createTestDatabase(
  options: { migrate?: boolean; onStatement?: StatementListener } = {},
): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({ databaseUrl: null, dataDir: null, onStatement: options.onStatement });
    if (options.migrate !== false) await applyMigrations(db);
    return { db, url: null, drop: () => db.close() };
  }
  const name = `deskql_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: null, poolSize: 4, onStatement: options.onStatement });
  if (options.migrate !== false) await applyMigrations(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
