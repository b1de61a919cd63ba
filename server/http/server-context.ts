// What the HTTP layer keeps about one request: Yoga's server context, a fresh object per request
// that every hook receives and that Yoga then extends into the GraphQL context (so ctx.caller is
// the caller authentication put here). Each hook owns its own field.
import type { Principal } from '../auth/principal.js';
import type { RequestClients } from '../db/request-clients.js';

export interface DeskqlServerContext {
  /** The Node request when node:http serves it (metrics-endpoint.ts reads the peer's address). */
  req?: { socket?: { remoteAddress?: string } };
  /** The authenticated caller (authentication.ts); absent before it and on paths that need no key. */
  caller?: Principal;
  /** The database clients the request borrowed (useRequestClients, useClientLending), given back when it is answered. */
  clients?: RequestClients;
  /** When the request arrived (performance.now(); useArrivalTime): its operation's time counts from then. */
  arrivedAt?: number;
  /** When the request arrived and what it asked (request-logging.ts). */
  requestLog?: { startedAt: number; operation?: string };
  /** When a GraphQL request arrived, its operation label and whether its result had errors (request-metrics.ts). */
  requestMetrics?: { startedAt: number; operation?: string; hadErrors: boolean };
}
