// The open database of this process. The entry point (through createDeskqlYoga), the tests
// and the benches install it; the GraphQL layer and the import pipeline read it.
import type { Database } from './database.js';

let current: Database | undefined;
let serving = false;

/**
 * Installs the database. `serving`: this process answers API requests, so every Prisma query
 * must run on behalf of an authenticated caller (server/db/prisma.ts refuses one that does not).
 */
export function installDatabase(db: Database, options: { serving?: boolean } = {}): void {
  current = db;
  serving = options.serving ?? false;
}

export function database(): Database {
  if (!current) throw new Error('No database is open: call installDatabase() at start-up');
  return current;
}

export function requestsNeedPrincipal(): boolean {
  return serving;
}
