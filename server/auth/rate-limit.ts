// The per-key rate limit by query cost: a token bucket of `burst` tokens refilled at
// `refillPerSecond`; each operation takes its estimated cost. The bucket lives in the database
// (table rate_bucket) and is updated by one atomic statement, so that every server instance
// behind a load balancer draws from the same bucket and concurrent requests cannot overdraw it.
// The table is unlogged (migration rate_bucket_unlogged): a charge's commit waits for no disk
// flush, and a crash merely refills every bucket.
import type { SqlClient } from '../db/sql-client.js';

export interface RateLimit {
  /** Largest cost a key can spend at once; at least the largest operation cost. */
  burst: number;
  /** Cost regained per second; 0 turns the rate limit off. */
  refillPerSecond: number;
}

/** 100,000 cost units at once, 2,000 regained per second (a one-year KPI set costs about 300). */
export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 100_000, refillPerSecond: 2_000 };

export type Charge =
  | { allowed: true; remaining: number }
  | { allowed: false; remaining: number; retryAfterSeconds: number }
  /** The operation costs more than the whole bucket: no wait would let it run. */
  | { allowed: false; remaining: number; retryAfterSeconds: null };

export async function charge(sql: SqlClient, subject: string, cost: number, limit: RateLimit): Promise<Charge> {
  if (cost > limit.burst) return { allowed: false, remaining: 0, retryAfterSeconds: null };
  // The refilled level, capped at the burst size: the same expression in SET and WHERE. The
  // instant of this charge was read before it waited for a concurrent charge's row lock, so it
  // may precede that charge's: time never runs backwards here (a negative refill would take
  // tokens nobody spent).
  const refilled =
    'LEAST($2::float8, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM (excluded.updated_at - b.updated_at)))::float8 * $4::float8)';
  const [taken] = await sql.query<{ tokens: number }>(
    `INSERT INTO rate_bucket AS b (subject, tokens, updated_at) VALUES ($1, $2::float8 - $3::float8, clock_timestamp())
     ON CONFLICT (subject) DO UPDATE SET tokens = ${refilled} - $3::float8, updated_at = GREATEST(b.updated_at, excluded.updated_at)
     WHERE ${refilled} >= $3::float8
     RETURNING tokens`,
    [subject, limit.burst, cost, limit.refillPerSecond],
  );
  if (taken) return { allowed: true, remaining: Math.floor(Number(taken.tokens)) };
  const [bucket] = await sql.query<{ available: number }>(
    `SELECT LEAST($2::float8, tokens + GREATEST(0, EXTRACT(EPOCH FROM (clock_timestamp() - updated_at)))::float8 * $3::float8) AS available
     FROM rate_bucket WHERE subject = $1`,
    [subject, limit.burst, limit.refillPerSecond],
  );
  const available = Number(bucket?.available ?? 0);
  return {
    allowed: false,
    remaining: Math.floor(available),
    retryAfterSeconds: Math.max(1, Math.ceil((cost - available) / limit.refillPerSecond)),
  };
}

/**
 * Takes `cost` more from a bucket whatever is left (it may go below zero, and the key then waits
 * longer): for cost found only while the operation ran, after it was allowed.
 */
export async function debit(sql: SqlClient, subject: string, cost: number, limit: RateLimit): Promise<number> {
  const [row] = await sql.query<{ tokens: number }>(
    `UPDATE rate_bucket SET tokens = LEAST($2::float8, tokens + GREATEST(0, EXTRACT(EPOCH FROM (clock_timestamp() - updated_at)))::float8 * $4::float8) - $3::float8,
       updated_at = GREATEST(updated_at, clock_timestamp())
     WHERE subject = $1 RETURNING tokens`,
    [subject, limit.burst, cost, limit.refillPerSecond],
  );
  return Math.floor(Number(row?.tokens ?? 0));
}
