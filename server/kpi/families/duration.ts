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

export function durationAggregates<P extends string, E extends string>(prefix: SqlText<P>, seconds: SqlText<E>): Prisma.Sql {
  const expr = Prisma.raw(seconds);
  const alias = (name: string) => Prisma.raw(`${prefix}_${name}`);
  return Prisma.sql`count(${expr})::int AS ${alias('count')},
    avg(${expr})::float8 AS ${alias('average')},
    percentile_cont(0.5) WITHIN GROUP (ORDER BY ${expr})::float8 AS ${alias('median')},
    percentile_cont(0.9) WITHIN GROUP (ORDER BY ${expr})::float8 AS ${alias('p90')}`;
}

/**
 * The same statistics over a duration stored in whole milliseconds (the write-time facts of
 * migration kpi_facts): exact, since timestamps are kept to the millisecond, and integers
 * aggregate and sort faster than intervals. Returned in seconds, as before.
 */
export function durationAggregatesMs<P extends string, E extends string>(prefix: SqlText<P>, milliseconds: SqlText<E>): Prisma.Sql {
  const expr = Prisma.raw(milliseconds);
  const alias = (name: string) => Prisma.raw(`${prefix}_${name}`);
  return Prisma.sql`count(${expr})::int AS ${alias('count')},
    (avg(${expr}) / 1000)::float8 AS ${alias('average')},
    (percentile_cont(0.5) WITHIN GROUP (ORDER BY ${expr}) / 1000)::float8 AS ${alias('median')},
    (percentile_cont(0.9) WITHIN GROUP (ORDER BY ${expr}) / 1000)::float8 AS ${alias('p90')}`;
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
