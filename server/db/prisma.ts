// The Prisma client the GraphQL layer reads through. It is a module, not a context field
// (one database per process); the entry point, the CLI commands and the tests install it.
import type { PrismaClient } from '../generated/prisma/client.js';

let current: PrismaClient | undefined;

export function installPrismaClient(client: PrismaClient): void {
  current = client;
}

export function prisma(): PrismaClient {
  if (!current) throw new Error('No database is open: call installPrismaClient() at start-up');
  return current;
}
