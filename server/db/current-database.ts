// The open database of this process. The entry point (through createDeskqlYoga), the tests
// and the benches install it; the GraphQL layer and the import pipeline read it.
import type { Database } from './database.js';

let current: Database | undefined;
let reads: Database | undefined;
let serving = false;

/**
 * Installs the database. `serving`: this process answers API requests, so every Prisma query
 * must run on behalf of an authenticated caller (server/db/prisma.ts refuses one that does not).
 */
export function installDatabase(db: Database, options: { serving?: boolean; readDb?: Database | null } = {}): void {
  current = db;
  reads = options.readDb ?? undefined;
  serving = options.serving ?? false;
}

/** Where query answers read (a replica named by DATABASE_READ_URL), else the primary. */
export function readDatabase(): Database {
  return reads ?? database();
}

export function database(): Database {
  if (!current) throw new Error('No database is open: call installDatabase() at start-up');
  return current;
}

export function requestsNeedPrincipal(): boolean {
  return serving;
}
