// What one request knows about the freshness of its answer: the data version its cache key
// was built with, the version its snapshot saw, whether this request computed the answer at
// all (or was served from the cache or another request's computation), and whether its
// numbers can change with time alone. It lives on the GraphQL context.
import type { DataVersion } from '../db/data-version.js';

export interface FreshnessReport extends DataVersion {
  cached: boolean;
}

export class AnswerFreshness {
  /** The version read when the response-cache key was built. */
  keyVersion: DataVersion | undefined;
  /** The response-cache key of this answer (also identifies identical questions in flight). */
  cacheKey: string | undefined;
  /** The version the answer's snapshot saw; set only when this request computed it. */
  computedFrom: DataVersion | undefined;
  /** Set by resolvers whose numbers can change as time passes without any write. */
  dependsOnNow = false;

  /** extensions.freshness of the answer; `stored`: what a cached answer carried. */
  report(stored: unknown): FreshnessReport | undefined {
    if (this.computedFrom) return { ...this.computedFrom, cached: false };
    const fromCache = stored as Partial<FreshnessReport> | undefined;
    if (fromCache?.dataVersion && fromCache.dataAsOf)
      return { dataVersion: fromCache.dataVersion, dataAsOf: fromCache.dataAsOf, cached: true };
    return this.keyVersion ? { ...this.keyVersion, cached: true } : undefined;
  }
}
