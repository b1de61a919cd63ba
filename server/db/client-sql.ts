// The SqlClient interface over a request's Prisma client (ctx.prisma), for read helpers written
// against SqlClient (listApiKeys) that a query resolver calls: their statements then run in the
// answer's snapshot, like every other statement of the answer. On the embedded database that
// matters beyond consistency: its one connection is held by the snapshot, so a statement sent
// past it would wait for the answer that waits for it.
import type { DbClient } from './db-client.js';
import type { SqlClient } from './sql-client.js';

export function sqlOver(client: DbClient): SqlClient {
  return {
    query: <Row>(text: string, params: unknown[] = []) => client.$queryRawUnsafe<Row[]>(text, ...params),
    transaction: () => Promise.reject(new Error('a query answer does not open transactions of its own')),
  };
}
