// How a statement places records in windows. Buckets are contiguous, so a run of them is one
// indexed range scan plus width_bucket() over the sorted boundaries: PostgreSQL estimates that
// exactly, where a join against an array of windows makes it guess (and spill sorts to disk).
// Windows that are not contiguous (previous periods of months, which overlap) form runs of
// their own, one UNION ALL part each; past MAX_RUNS parts, a range join takes over.
import type { SqlColumn } from '../../db/sql-fragment.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { Window } from '../period.js';

const MAX_RUNS = 40;

export interface Run {
  /** Index of the run's first window among all windows. */
  offset: number;
  /** Boundaries: each window's start, then the last window's end. '-infinity' is allowed. */
  bounds: string[];
}

/** Splits windows into maximal runs of contiguous ones; null when there are too many runs. */
export function contiguousRuns(windows: Array<{ start: Date | '-infinity'; end: Date }>): Run[] | null {
  const runs: Run[] = [];
  const iso = (d: Date | '-infinity') => (d === '-infinity' ? d : d.toISOString());
  windows.forEach((window, index) => {
    const last = runs[runs.length - 1];
    if (last && last.bounds[last.bounds.length - 1] === iso(window.start)) {
      last.bounds.push(iso(window.end));
    } else {
      runs.push({ offset: index, bounds: [iso(window.start), iso(window.end)] });
    }
  });
  return runs.length <= MAX_RUNS ? runs : null;
}

/**
 * The window index of `column` within a run, the condition that keeps the run's rows, and the
 * window's end. In a run of one window (`single`) both are constants: every row the condition
 * keeps is in that window, so a statement need not group by it.
 */
export function runPlacement(column: SqlColumn, run: Run): { k: Prisma.Sql; where: Prisma.Sql; end: Prisma.Sql; single: boolean } {
  const col = Prisma.raw(column);
  const first = run.bounds[0]!;
  const last = run.bounds[run.bounds.length - 1]!;
  const where = Prisma.sql`${col} >= ${first}::timestamptz AND ${col} < ${last}::timestamptz`;
  if (run.bounds.length === 2) return { k: Prisma.sql`${run.offset}::int`, where, end: Prisma.sql`${last}::timestamptz`, single: true };
  return {
    single: false,
    k: Prisma.sql`(width_bucket(${col}, ${run.bounds}::timestamptz[]) - 1 + ${run.offset}::int)::int`,
    where,
    // The end of the record's window: the next boundary (arrays are 1-based, as is width_bucket).
    end: Prisma.sql`(${run.bounds}::timestamptz[])[width_bucket(${col}, ${run.bounds}::timestamptz[]) + 1]`,
  };
}

/** Windows as a joinable set w(ws, we, k), for the range-join fallback. */
export function windowsTable(windows: Window[]): Prisma.Sql {
  const starts = windows.map((w) => w.start.toISOString());
  const ends = windows.map((w) => w.end.toISOString());
  return Prisma.sql`unnest(${starts}::timestamptz[], ${ends}::timestamptz[]) WITH ORDINALITY AS w(ws, we, k)`;
}
