// The embedded database: PostgreSQL compiled to WebAssembly (PGlite), running in this process.
// It lets a new user start DeskQL with nothing installed; production uses a PostgreSQL server.
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { lockDataDir } from './embedded-lock.js';
import type { SqlClient } from './sql-client.js';
import type { MigrationConnection } from './whole-script-adapter.js';

export interface EmbeddedDriver {
  kind: 'embedded';
  adapterFactory: PrismaPGlite;
  sql: SqlClient;
  /** The schema engine's connection: PGlite has only one, shared. */
  openMigrationConnection(): MigrationConnection;
  close(): Promise<void>;
}

/**
 * Opens the embedded database kept in `dataDir`, or an in-memory one when it is null.
 * `loadDataDir` starts it from a dump (PGlite's dumpDataDir), e.g. an already migrated template;
 * `open` is one already open in this process (the tests reuse theirs), closed with the driver.
 */
export async function openEmbedded(dataDir: string | null, loadDataDir?: Blob, open?: PGlite): Promise<EmbeddedDriver> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const pglite = open ?? (await PGlite.create(dataDir ?? undefined, loadDataDir ? { loadDataDir } : {}));
    return {
      kind: 'embedded',
      adapterFactory: new PrismaPGlite(pglite),
      sql: pgliteClient(pglite),
      openMigrationConnection: () => ({
        factory: new PrismaPGlite(pglite),
        runScript: async (script) => {
          await pglite.exec(script);
        },
        close: async () => {},
      }),
      async close() {
        await pglite.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

function pgliteClient(db: PGlite | Transaction): SqlClient {
  return {
    async query<Row>(text: string, params: unknown[] = []) {
      return (await db.query<Row>(text, params)).rows;
    },
    async transaction(work) {
      if (!('transaction' in db)) throw new Error('PGlite does not nest transactions');
      return db.transaction((tx) => work(pgliteClient(tx)));
    },
  };
}
