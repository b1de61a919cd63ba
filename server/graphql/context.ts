// What every resolver receives for the current request. Deliberately small: the database is a
// module (server/db/prisma.ts), and per-request loaders are added here as they are needed.
import type { AnswerFreshness } from './answer-freshness.js';
import type { KpiRequestCache } from './kpi-request-cache.js';

export interface GraphQLContext {
  requestId: string;
  kpis: KpiRequestCache;
  /** The answer's data version, cache key and whether it was computed (extensions.freshness). */
  freshness: AnswerFreshness;
}
