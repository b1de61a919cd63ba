// What prisma/schema.prisma needs beyond prisma/migrations, worked out by the schema engine
// on a scratch in-memory database (its shadow database is another in-memory PGlite), so that
// creating a migration or checking for drift needs no database server and no native binary.
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { migrationsDir, noSchemaFilter, readMigrationList, readSchemaFiles } from './migrations.js';
import { startSchemaEngine } from './schema-engine.js';

/** The SQL that would bring a database migrated to the latest migration up to the schema; '' when none. */
export async function pendingSchemaChanges(dir = migrationsDir): Promise<string> {
  const scratch = new PGlite();
  const files = await readSchemaFiles();
  const engine = await startSchemaEngine(new PrismaPGlite(scratch), files);
  try {
    const result = await engine.diff({
      from: { tag: 'migrations', ...(await readMigrationList(dir)) },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: true,
      filters: noSchemaFilter,
    });
    return result.exitCode === 2 ? withoutMigrationOnlyIndexes(result.stdout ?? '') : '';
  } finally {
    engine.free();
    await scratch.close();
  }
}

/**
 * Indexes named *_kpi_cover carry INCLUDE columns, which Prisma's schema cannot express (migration
 * kpi_covering_indexes): they exist in migrations only, and the engine's wish to drop them is not drift.
 */
const MIGRATION_ONLY_INDEX = /^-- DropIndex\nDROP INDEX "[a-z0-9_]+_kpi_cover";$/;

export function withoutMigrationOnlyIndexes(script: string): string {
  const kept = script.split(/\n\s*\n/).filter((part) => !MIGRATION_ONLY_INDEX.test(part.trim()));
  return kept.some((part) => part.trim()) ? `${kept.join('\n\n').trim()}\n` : '';
}
