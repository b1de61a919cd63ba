/** When and how long to wait before retrying a request that may safely run twice. */
export interface RetryOptions {
  /** Retries after the first attempt (default 3; 0 disables retrying). */
  retries?: number;
  /** Delay before the first retry in ms, doubled each time, with jitter (default 200). */
  baseDelayMs?: number;
  /**
   * A request refused with 429 (the key's rate limit) is retried after the server's
   * Retry-After when that is at most this long (default 10,000 ms); otherwise the
   * DeskqlError (code RATE_LIMITED) reaches the caller.
   */
  maxRateLimitWaitMs?: number;
}

/** Gateway and availability failures: the request most likely never ran. */
const RETRYABLE_STATUS = new Set([502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUS.has(status);
}

export function backoffDelay(attempt: number, baseDelayMs: number): number {
  const exponential = baseDelayMs * 2 ** attempt;
  return exponential / 2 + Math.random() * (exponential / 2);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
