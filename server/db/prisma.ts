// The Prisma client the GraphQL layer reads through: a module, not a context field (one
// database per process), taken from the open database (server/db/current-database.ts).
// It is also where team restrictions are enforced: a request made with a team-restricted key
// gets a client whose every statement runs under row-level security for those teams.
import type { PrismaClient } from '../generated/prisma/client.js';
import { currentPrincipal } from '../auth/principal.js';
import { database, requestsNeedPrincipal } from './current-database.js';

export function prisma(): PrismaClient {
  const principal = currentPrincipal();
  if (!principal && requestsNeedPrincipal()) {
    // Fail closed: a query that lost track of its request must not run unrestricted.
    throw new Error('database access outside an authenticated request');
  }
  const db = database();
  return principal?.teamIds ? db.restrictedTo(principal.teamIds) : db.prisma;
}
