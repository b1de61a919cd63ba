// The open database of this process. The entry point (through createDeskqlYoga), the tests
// and the benches install it; the GraphQL layer and the import pipeline read it.
import type { Database } from './database.js';

let current: Database | undefined;

export function installDatabase(db: Database): void {
  current = db;
}

export function database(): Database {
  if (!current) throw new Error('No database is open: call installDatabase() at start-up');
  return current;
}
