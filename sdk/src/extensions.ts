// What a DeskQL answer carries beside its data (`extensions`), typed for the parts the server
// documents. Dashboards show "as of" from freshness; batch jobs pace themselves with cost.
// Servers that do not report a part leave it undefined; unknown parts pass through untyped.

/** The answer's `extensions`. */
export interface ResponseExtensions {
  /** What the operation cost against the key's rate limit, and what is left. */
  cost?: { requested: number; remaining?: number; burst?: number; refillPerSecond?: number };
  /**
   * How fresh the numbers are: `dataVersion` changes with every committed write, `dataAsOf`
   * is the commit time of the last write, `cached` says whether the answer came from a cache.
   */
  freshness?: { dataVersion: number; dataAsOf: string | null; cached: boolean };
  [name: string]: unknown;
}

/** An operation's data with the answer's extensions. */
export interface ResultWithExtensions<TResult> {
  data: TResult;
  extensions: ResponseExtensions;
}
