// Applies prisma/migrations through Prisma's schema engine, exactly as `prisma migrate deploy`
// would: same checksums, same `_prisma_migrations` history, same advisory locking.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import type { Database } from './database.js';
import { startSchemaEngine, type SchemaFile } from './schema-engine.js';

/** The folder holding prisma/: two levels up from server/db, three from the built dist/server/db. */
/** The repository's root, from the sources (server/db) or the compiled server (dist/server/db). */
export const projectRoot =
  [fileURLToPath(new URL('../../', import.meta.url)), fileURLToPath(new URL('../../../', import.meta.url))].find((dir) =>
    existsSync(path.join(dir, 'prisma', 'schema.prisma')),
  ) ?? fileURLToPath(new URL('../../', import.meta.url));
export const migrationsDir = path.join(projectRoot, 'prisma', 'migrations');
export const schemaPath = path.join(projectRoot, 'prisma', 'schema.prisma');
export const noSchemaFilter = { externalTables: [], externalEnums: [] };

export async function readSchemaFiles(): Promise<SchemaFile[]> {
  return [{ path: schemaPath, content: await readFile(schemaPath, 'utf8') }];
}

/** Reads the migrations folder in the shape the schema engine expects. */
export async function readMigrationList(dir = migrationsDir): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockPath = path.join(dir, 'migration_lock.toml');
  return {
    baseDir: dir,
    lockfile: { path: lockPath, content: await readFile(lockPath, 'utf8').catch(() => null) },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      names.map(async (name) => {
        const file = path.join(dir, name, 'migration.sql');
        const content = await readFile(file, 'utf8').then(
          (value) => ({ tag: 'ok' as const, value }),
          (error: Error) => ({ tag: 'error' as const, value: error.message }),
        );
        return { path: name, migrationFile: { path: 'migration.sql', content } };
      }),
    ),
  };
}

/** Applies every migration not yet applied; returns the names it applied. */
export async function applyMigrations(db: Database, dir = migrationsDir): Promise<string[]> {
  const connection = db.openMigrationAdapter();
  try {
    const engine = await startSchemaEngine(connection.factory, await readSchemaFiles());
    try {
      const result = await engine.applyMigrations({ migrationsList: await readMigrationList(dir), filters: noSchemaFilter });
      return result.appliedMigrationNames;
    } finally {
      engine.free();
    }
  } finally {
    await connection.close();
  }
}

/** Names of migrations in the folder that the database has not finished applying. */
export async function pendingMigrations(db: Database, dir = migrationsDir): Promise<string[]> {
  const list = await readMigrationList(dir);
  const [history] = await db.sql.query<{ present: boolean }>("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
  const rows = history?.present
    ? await db.sql.query<{ migration_name: string }>(
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      )
    : [];
  const applied = new Set(rows.map((row) => row.migration_name));
  return list.migrationDirectories.map((m) => m.path).filter((name) => !applied.has(name));
}
