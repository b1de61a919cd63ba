// What every resolver receives for the current request. Deliberately small: the database is a
// module (server/db/prisma.ts), and per-request loaders are added here as they are needed.
import type { Principal } from '../auth/principal.js';
import type { AnswerFreshness } from './answer-freshness.js';
import type { DrillDownBatches } from './drill-down-batches.js';
import type { KpiRequestCache } from './kpi-request-cache.js';
import type { OperationCost } from './cost/estimate.js';

export interface GraphQLContext {
  requestId: string;
  /** The HTTP request (Yoga puts it on every context); absent when a schema is executed directly. */
  request?: Request;
  /** Who is asking: scope-auth reads their scopes from here (builder.ts). */
  caller: Principal;
  kpis: KpiRequestCache;
  /** The answer's data version, cache key and whether it was computed (extensions.freshness). */
  freshness: AnswerFreshness;
  /** Batches the drill-down connections of kpiSlices' slices (one statement per field, not per slice). */
  drillDowns: DrillDownBatches;
  /** Fires when the operation must stop: the client left or OPERATION_TIMEOUT_MS passed (plugins/operation-deadline.ts). */
  signal?: AbortSignal;
  /** Throws once the operation must stop; checks the time itself, since a timer cannot fire while statements run back to back. */
  throwIfStopped?: () => void;
  /** What the operation was estimated to cost before it ran (plugins/operation-cost.ts). */
  cost?: OperationCost;
  /** Told what an import or upsert wrote, per record type (the server's /metrics). */
  observeImport?: (summary: Array<{ type: string; created: number; updated: number; unchanged: number }>) => void;
}
