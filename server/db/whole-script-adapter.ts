// Runs each migration script as one multi-statement query, as `prisma migrate deploy`'s
// native engine does. The driver adapters fall short of that: node-pg's adapter splits the
// script on every ";" (breaking PL/pgSQL bodies and even comments that contain one), and the
// PGlite adapter does not wait for the script, so a failing migration would be recorded as
// applied. Sent whole, a PostgreSQL script also runs as one implicit transaction: a migration
// that fails leaves nothing half-applied.
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { withOverrides } from './adapter-proxy.js';

/** Sends a whole script to the database and resolves when it has run (or rejects). */
export type ScriptRunner = (script: string) => Promise<void>;

/** What a driver gives the schema engine: an adapter, a script runner, and the way to close them. */
export interface MigrationConnection {
  factory: SqlMigrationAwareDriverAdapterFactory;
  runScript: ScriptRunner;
  close(): Promise<void>;
}

export function wholeScriptAdapter(
  factory: SqlMigrationAwareDriverAdapterFactory,
  runScript: ScriptRunner,
): SqlMigrationAwareDriverAdapterFactory {
  // The shadow database (diffs only) is a different database: it keeps its own executeScript.
  return withOverrides(factory, {
    connect: async () => withOverrides<SqlDriverAdapter>(await factory.connect(), { executeScript: runScript }),
  });
}
