// What every resolver receives for the current request. Deliberately small: the database is a
// module (server/db/prisma.ts), and per-request loaders are added here as they are needed.
import type { KpiRequestCache } from './kpi-request-cache.js';

export interface GraphQLContext {
  requestId: string;
  kpis: KpiRequestCache;
  /** Told what an import or upsert wrote, per record type (the server's /metrics). */
  observeImport?: (summary: Array<{ type: string; created: number; updated: number; unchanged: number }>) => void;
}
