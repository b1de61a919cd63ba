// How many Prisma clients requests may borrow and how long one waits for a client (see
// client-pool.ts): its own file, so that the configuration reads the defaults without loading
// the Prisma client.

export interface ClientPoolOptions {
  /** Clients alive at most, lent or idle (REQUEST_CLIENTS_MAX). */
  max: number;
  /** Longest a request waits for a client when all are lent (REQUEST_CLIENT_WAIT_MS). */
  maxWaitMs: number;
}

/**
 * 16 clients: each alive one holds several MiB, and a request holds one only while it computes
 * (KPI_CONCURRENCY answers at once, 4 by default) or reads a page, which takes milliseconds;
 * more than DATABASE_POOL_SIZE (10) busy at once would only queue for connections.
 */
export const DEFAULT_CLIENT_POOL: ClientPoolOptions = { max: 16, maxWaitMs: 2000 };
