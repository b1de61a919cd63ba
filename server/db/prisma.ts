// The Prisma client the GraphQL layer reads through: a module, not a context field (one
// database per process), taken from the open database (server/db/current-database.ts).
import type { PrismaClient } from '../generated/prisma/client.js';
import { database } from './current-database.js';

export function prisma(): PrismaClient {
  return database().prisma;
}
