// Tells a lost or unreachable database from every other failure, so that clients get
// "unavailable, retry" (503) for it instead of an unexpected error. Errors arrive wrapped
// (Prisma's around the driver adapter's around node-pg's or a socket's), so the whole cause
// chain is read.

/** What a client is told, with 503 and Retry-After, whichever step found the database gone. */
export const DATABASE_UNAVAILABLE = 'The database is unavailable; try again shortly.';

/** PostgreSQL's SQLSTATEs of a connection that failed, or a server shutting down or starting. */
const UNAVAILABLE_SQLSTATES = new Set(['08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connect ECONNREFUSED|terminating connection|the database system is (starting up|shutting down|in recovery mode)|timeout exceeded when trying to connect|Client has encountered a connection error|Can't reach database server|Server has closed the connection|Connection closed/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const candidate = current as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown };
    for (const code of [candidate.code, candidate.originalCode]) {
      if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code))) return true;
    }
    if (typeof candidate.message === 'string' && UNAVAILABLE_MESSAGES.test(candidate.message)) return true;
    current = candidate.cause;
  }
  return false;
}
