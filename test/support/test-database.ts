// A fresh database for one test file: in-memory PGlite by default, or, when DATABASE_URL is
// set, a new database on that PostgreSQL server, dropped again when the file is done. Migrated
// databases are clones of the run's template (test/support/global-setup.ts), so a file does
// not pay for running every migration again; empty embedded ones load the template's dump from
// before its migrations, so that no file pays for PGlite's initdb either. Migrated embedded
// databases are reused within a worker, reset to the template (test/support/embedded-reuse.ts).
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../server/db/database.js';
import type { ClientPoolOptions } from '../../server/db/client-pool-options.js';
import type { StatementListener } from '../../server/db/observed-adapter.js';
import { adminQuery, databaseUrlOf, type DatabaseTemplate } from './database-template.js';
import { lendDatabase } from './embedded-reuse.js';

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
  const template = inject('databaseTemplate');
  const migrate = options.migrate !== false;
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl && migrate) {
    const lent = await lendDatabase(await embeddedDump(template, 'migrated'));
    const db = await openDatabase({
      databaseUrl: null,
      dataDir: null,
      embedded: lent.pglite,
      onStatement: options.onStatement,
      requestClients: options.requestClients,
    });
    return { db, url: null, drop: () => lent.release(() => db.close()) };
  }
  if (!serverUrl) {
    const loadDataDir = await embeddedDump(template, 'empty');
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
    migrate ? `CREATE DATABASE "${name}" TEMPLATE "${postgresTemplateName(template)}"` : `CREATE DATABASE "${name}"`,
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

/**
 * An embedded database in `dataDir`, for a process of its own (a command, a server) to open
 * after the test has closed it: a copy of the run's migrated template, like a database that
 * `npm start` or a command has already migrated, for the cost of loading a dump rather than
 * of initdb and every migration. Returned open, for the test to add what it needs.
 */
export async function openEmbeddedCopy(dataDir: string): Promise<Database> {
  return openDatabase({ databaseUrl: null, dataDir, loadDataDir: await embeddedDump(inject('databaseTemplate'), 'migrated') });
}

/** The dumps this process has read, by path: a worker runs many files (vitest.config.ts, isolate: false). */
const dumps = new Map<string, Promise<Blob>>();

async function embeddedDump(template: DatabaseTemplate, which: 'migrated' | 'empty'): Promise<Blob> {
  if (template.kind !== 'embedded')
    throw new Error('The test run migrated a PostgreSQL template, but DATABASE_URL is unset in this test file');
  const file = template[which];
  if (!dumps.has(file))
    dumps.set(
      file,
      readFile(file).then((bytes) => new Blob([bytes])),
    );
  return dumps.get(file)!;
}

function postgresTemplateName(template: DatabaseTemplate): string {
  if (template.kind !== 'postgres')
    throw new Error('The test run migrated an embedded template, but DATABASE_URL is set in this test file');
  return template.name;
}
