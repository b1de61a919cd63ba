// The Prisma client the GraphQL layer reads through: a module, not a context field (one
// database per process), taken from the open database (server/db/current-database.ts).
// It is also where team restrictions are enforced: a request made with a team-restricted key
// gets a client whose every statement runs under row-level security for those teams. And
// while a query answer is computed, every statement goes to that answer's snapshot
// (server/db/answer-snapshot.ts), which was itself opened on the caller's client.
import type { PrismaClient } from '../generated/prisma/client.js';
import { currentPrincipal } from '../auth/principal.js';
import { currentSnapshot } from './answer-snapshot.js';
import { database, readDatabase, requestsNeedPrincipal } from './current-database.js';
import type { Database } from './database.js';

export function prisma(): PrismaClient {
  const snapshot = currentSnapshot();
  // A transaction client has every model and raw query method the resolvers use.
  if (snapshot) return snapshot.client as unknown as PrismaClient;
  return callersClient(database());
}

/** The caller's client on the database KPI reads go to (DATABASE_READ_URL, else the primary). */
export function readPrisma(): PrismaClient {
  return callersClient(readDatabase());
}

function callersClient(db: Database): PrismaClient {
  const principal = currentPrincipal();
  if (!principal && requestsNeedPrincipal()) {
    // Fail closed: a query that lost track of its request must not run unrestricted.
    throw new Error('database access outside an authenticated request');
  }
  return principal?.teamIds ? db.restrictedTo(principal.teamIds) : db.prisma;
}
