// A fresh database for one test file: in-memory PGlite by default, or, when DATABASE_URL is
// set, a new database on that PostgreSQL server, dropped again when the file is done. Migrated
// databases are clones of the run's template (test/support/global-setup.ts), so a file does
// not pay for running every migration again.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../server/db/database.js';
import type { ClientPoolOptions } from '../../server/db/client-pool-options.js';
import type { StatementListener } from '../../server/db/observed-adapter.js';
import { adminQuery, databaseUrlOf, type DatabaseTemplate } from './database-template.js';

export interface TestDatabase {
  db: Database;
  /** The PostgreSQL URL of this database; null for the in-memory embedded one. */
  url: string | null;
  /** Closes the database and, on PostgreSQL, drops it. */
  drop(): Promise<void>;
}

export async function createTestDatabase(
  options: { migrate?: boolean; onStatement?: StatementListener; requestClients?: ClientPoolOptions } = {},
): Promise<TestDatabase> {
  const template = options.migrate === false ? null : inject('databaseTemplate');
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const loadDataDir = template ? await embeddedDump(template) : undefined;
    const db = await openDatabase({
      databaseUrl: null,
      dataDir: null,
      loadDataDir,
      onStatement: options.onStatement,
      requestClients: options.requestClients,
    });
    return { db, url: null, drop: () => db.close() };
  }
  const name = `deskql_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(
    serverUrl,
    template ? `CREATE DATABASE "${name}" TEMPLATE "${postgresTemplateName(template)}"` : `CREATE DATABASE "${name}"`,
  );
  const url = databaseUrlOf(serverUrl, name);
  const db = await openDatabase({
    databaseUrl: url,
    dataDir: null,
    poolSize: 4,
    onStatement: options.onStatement,
    requestClients: options.requestClients,
  });
  return {
    db,
    url,
    async drop() {
      await db.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function embeddedDump(template: DatabaseTemplate): Promise<Blob> {
  if (template.kind !== 'embedded')
    throw new Error('The test run migrated a PostgreSQL template, but DATABASE_URL is unset in this test file');
  return new Blob([await readFile(template.dumpPath)]);
}

function postgresTemplateName(template: DatabaseTemplate): string {
  if (template.kind !== 'postgres')
    throw new Error('The test run migrated an embedded template, but DATABASE_URL is set in this test file');
  return template.name;
}
