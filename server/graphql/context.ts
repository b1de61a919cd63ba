// What every resolver receives for the current request: who is calling, the caller's database
// client, the per-request loaders and caches, and whether the operation must stop. Built by the
// context factory in server/yoga.ts, on top of Yoga's server context (server/http/server-context.ts).
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/database.js';
import type { DbClient } from '../db/db-client.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { AnswerFreshness } from './answer-freshness.js';
import type { DrillDownBatches } from './drill-down-batches.js';
import type { KpiRequestCache } from './kpi-request-cache.js';
import type { OperationCost } from './cost/estimate.js';
import type { OperationStop } from './operation-stop.js';

export interface GraphQLContext {
  requestId: string;
  /** The HTTP request (Yoga puts it on every context); absent when a schema is executed directly. */
  request?: Request;
  /** Who is calling: the API key (or the anonymous caller) authentication found; scope-auth reads its scopes (builder.ts). */
  caller: Principal;
  /**
   * Every statement of the request goes through this: while a query answer is computed, that
   * answer's snapshot transaction (plugins/answer-snapshot.ts); in a mutation, the caller's
   * client on the primary, restricted to the caller's teams (row-level security) and stopping
   * with the operation. Lent when execution needs it (plugins/client-lending.ts); before that,
   * any use throws.
   */
  prisma: DbClient;
  /**
   * The caller's client on the database query answers read (DATABASE_READ_URL, else the
   * primary): their snapshot opens on it. Lent when a query answer is computed.
   */
  readPrisma: PrismaClient;
  /** The primary database itself, unrestricted: only for writes the caller's scopes allow (imports, key administration). */
  database: Database;
  /** Whether the operation must stop (client gone, OPERATION_TIMEOUT_MS): checked before every statement of ctx.prisma. */
  stop: OperationStop;
  kpis: KpiRequestCache;
  /** The answer's data version, cache key and whether it was computed (extensions.freshness). */
  freshness: AnswerFreshness;
  /** Batches the drill-down connections of kpiSlices' slices (one statement per field, not per slice). */
  drillDowns: DrillDownBatches;
  /** What the operation was estimated to cost before it ran (plugins/operation-cost.ts). */
  cost?: OperationCost;
  /** Told what an import or upsert wrote, per record type (the server's /metrics). */
  observeImport?: (summary: Array<{ type: string; created: number; updated: number; unchanged: number }>) => void;
}
