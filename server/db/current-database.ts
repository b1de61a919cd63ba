// The open database of this process, for code that needs more than the Prisma client (the
// import pipeline's raw SQL and transactions). Installed next to the Prisma client.
import type { Database } from './database.js';

let current: Database | undefined;

export function installDatabase(db: Database): void {
  current = db;
}

export function database(): Database {
  if (!current) throw new Error('No database is open: call installDatabase() at start-up');
  return current;
}
