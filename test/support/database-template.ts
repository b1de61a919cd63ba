// One migrated database per test run. Running every migration through the schema engine costs
// seconds per database, and most test files want a fresh, fully migrated one: the global setup
// (test/support/global-setup.ts) migrates a template once, and each file clones it. On
// PostgreSQL the template is a database cloned with CREATE DATABASE … TEMPLATE; on the embedded
// database it is a dump of a migrated PGlite data directory, loaded into a new in-memory one
// (and a dump of the same directory before migrating, for the files that want it empty).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase } from '../../server/db/database.js';
import { applyMigrations } from '../../server/db/migrations.js';

export type DatabaseTemplate =
  /** Dumps of PGlite data directories: `migrated`, and `empty` (initdb only, for tests of migrating). */
  { kind: 'embedded'; migrated: string; empty: string } | { kind: 'postgres'; serverUrl: string; name: string };

export interface CreatedTemplate {
  template: DatabaseTemplate;
  remove(): Promise<void>;
}

/** Migrates a template on the server DATABASE_URL names, or an embedded one when it is unset. */
export async function createDatabaseTemplate(serverUrl = process.env.DATABASE_URL): Promise<CreatedTemplate> {
  return serverUrl ? createPostgresTemplate(serverUrl) : createEmbeddedTemplate();
}

async function createEmbeddedTemplate(): Promise<CreatedTemplate> {
  const dir = await mkdtemp(path.join(tmpdir(), 'deskql-template-'));
  const dataDir = path.join(dir, 'data');
  // Only PGlite itself can dump its data directory: it is opened bare for that.
  const dumpTo = async (name: string) => {
    const pglite = await PGlite.create(dataDir);
    const dump = await pglite.dumpDataDir('none');
    await pglite.close();
    const dumpPath = path.join(dir, name);
    await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
    return dumpPath;
  };
  // initdb is what a new PGlite data directory costs most (seconds of CPU): the files that
  // need an empty database (migrate: false) load this dump instead of running it again.
  const empty = await dumpTo('empty.tar');
  const db = await openDatabase({ databaseUrl: null, dataDir });
  try {
    await applyMigrations(db);
  } finally {
    await db.close();
  }
  const migrated = await dumpTo('migrated.tar');
  await rm(dataDir, { recursive: true, force: true });
  return { template: { kind: 'embedded', migrated, empty }, remove: () => rm(dir, { recursive: true, force: true }) };
}

async function createPostgresTemplate(serverUrl: string): Promise<CreatedTemplate> {
  const name = `deskql_template_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const db = await openDatabase({ databaseUrl: databaseUrlOf(serverUrl, name), dataDir: null, poolSize: 2 });
  try {
    await applyMigrations(db);
  } finally {
    await db.close();
  }
  return {
    template: { kind: 'postgres', serverUrl, name },
    remove: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** The URL of database `name` on the server `serverUrl` points at. */
export function databaseUrlOf(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
