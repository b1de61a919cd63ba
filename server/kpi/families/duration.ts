// Average, median and p90 of a duration expression (seconds), as PostgreSQL computes them
// (percentile_cont: linear interpolation between the closest ranks).
import type { SqlText } from '../../db/sql-fragment.js';
import { Prisma } from '../../generated/prisma/client.js';

export interface DurationStats {
  count: number;
  average: number | null;
  median: number | null;
  p90: number | null;
}

/**
 * count, average, median and p90 of `expr` scaled by 1/`divisor`. Both percentiles come from one
 * sort (percentile_cont over an array of fractions). Without `percentiles` they are NULL: the
 * request does not read them, and the sort is most of the statement's cost.
 */
function aggregates(prefix: string, expr: Prisma.Sql, divisor: number, percentiles: boolean): Prisma.Sql {
  const alias = (name: string) => Prisma.raw(`${prefix}_${name}`);
  const scale = divisor === 1 ? Prisma.empty : Prisma.raw(` / ${divisor}`);
  const sorted = percentiles ? Prisma.sql`percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${expr})` : Prisma.sql`NULL::float8[]`;
  return Prisma.sql`count(${expr})::int AS ${alias('count')},
    (avg(${expr})${scale})::float8 AS ${alias('average')},
    ((${sorted})[1]${scale})::float8 AS ${alias('median')},
    ((${sorted})[2]${scale})::float8 AS ${alias('p90')}`;
}

/** The statistics of a duration in seconds. */
export function durationAggregates<P extends string, E extends string>(
  prefix: SqlText<P>,
  seconds: SqlText<E>,
  percentiles = true,
): Prisma.Sql {
  return aggregates(prefix, Prisma.raw(seconds), 1, percentiles);
}

/**
 * The same statistics over a duration stored in whole milliseconds (the write-time facts of
 * migration kpi_facts): exact, since timestamps are kept to the millisecond, and integers
 * aggregate and sort faster than intervals. Returned in seconds, as before.
 */
export function durationAggregatesMs<P extends string, E extends string>(
  prefix: SqlText<P>,
  milliseconds: SqlText<E>,
  percentiles = true,
): Prisma.Sql {
  return aggregates(prefix, Prisma.raw(milliseconds), 1000, percentiles);
}

/**
 * The same statistics from histogram rows h(v, n, cum, total) (window-aggregate.ts,
 * runWindowHistogram), exactly as percentile_cont and avg compute them: the value at 0-based
 * rank r is the least v whose cum exceeds r; a percentile interpolates between the ranks
 * floor and ceil of p·(total − 1) with PostgreSQL's own arithmetic; the average divides
 * numeric sums, as avg() of integers does.
 */
export function histogramDurationAggregates(prefix: string): Prisma.Sql {
  const alias = (name: string) => Prisma.raw(`${prefix}_${name}`);
  const percentile = (p: number) => {
    const position = `(${p}::float8 * (h.total - 1)::float8)`;
    const lower = `(min(h.v) FILTER (WHERE h.cum::float8 > floor(${position})))::float8`;
    const upper = `(min(h.v) FILTER (WHERE h.cum::float8 > ceil(${position})))::float8`;
    return Prisma.raw(`(${lower} + ((max(${position}) - floor(max(${position}))) * (${upper} - ${lower})))::float8`);
  };
  return Prisma.sql`sum(h.n)::int AS ${alias('count')},
    (sum(h.v::numeric * h.n) / sum(h.n))::float8 AS ${alias('average')},
    ${percentile(0.5)} AS ${alias('median')},
    ${percentile(0.9)} AS ${alias('p90')}`;
}

export function durationFromRow(row: Record<string, unknown>, prefix: string): DurationStats {
  return {
    count: row[`${prefix}_count`] as number,
    average: row[`${prefix}_average`] as number | null,
    median: row[`${prefix}_median`] as number | null,
    p90: row[`${prefix}_p90`] as number | null,
  };
}

export const emptyDuration = (): DurationStats => ({ count: 0, average: null, median: null, p90: null });
