// The statement shape of every "flow" KPI: records whose timestamp falls in a window,
// aggregated per window and group, in one statement for all windows (buckets, the whole
// period, previous periods).
import type { SqlColumn } from '../../db/sql-fragment.js';
import { Prisma } from '../../generated/prisma/client.js';
import { factQueryParts, type Fact, type FactQueryParts } from '../facts.js';
import { emptyResult, groupKey, groupOf, type FamilyResult, type KpiRequest } from '../request.js';
import { contiguousRuns, runPlacement, windowsTable } from './window-runs.js';

export interface WindowAggregate<V> {
  fact: Fact;
  /** The column that places a record in a window. */
  timestamp: SqlColumn;
  /** Aggregate expressions (aliased) for SELECT. */
  aggregates: Prisma.Sql;
  /** Extra joins after the fact's own, e.g. a LATERAL subquery. */
  extraJoins?: Prisma.Sql;
  /** An extra condition on the fact's rows (the family's sample). */
  where?: Prisma.Sql;
  fromRow(row: Record<string, unknown>): V;
}

/**
 * `SELECT k, d0…, <select> FROM <fact> … GROUP BY k, d…` with k the window of `column`, as
 * UNION ALL parts over contiguous runs of windows (or one range join when there are many).
 */
export function perWindow(
  parts: FactQueryParts,
  windows: KpiRequest['windows'],
  column: SqlColumn,
  select: Prisma.Sql | ((windowEnd: Prisma.Sql) => Prisma.Sql),
  extraJoins: Prisma.Sql = Prisma.empty,
  extraWhere: Prisma.Sql = Prisma.sql`TRUE`,
  extraGroupBy: Prisma.Sql[] = [],
): Prisma.Sql {
  const runs = contiguousRuns(windows);
  const groupBy = (k: Prisma.Sql) => Prisma.join([k, ...parts.groupDims, ...extraGroupBy]);
  const selectFor = (windowEnd: Prisma.Sql) => (typeof select === 'function' ? select(windowEnd) : select);
  if (!runs) {
    const col = Prisma.raw(column);
    return Prisma.sql`SELECT (w.k - 1)::int AS k ${parts.selectDims}, ${selectFor(Prisma.sql`w.we`)}
      FROM ${parts.from} JOIN ${windowsTable(windows)} ON ${col} >= w.ws AND ${col} < w.we ${extraJoins}
      WHERE ${parts.where} AND ${extraWhere} GROUP BY ${groupBy(Prisma.sql`w.k`)}`;
  }
  return Prisma.join(
    runs.map((run) => {
      const placement = runPlacement(column, run);
      return Prisma.sql`SELECT ${placement.k} AS k ${parts.selectDims}, ${selectFor(placement.end)}
        FROM ${parts.from} ${extraJoins}
        WHERE ${placement.where} AND ${parts.where} AND ${extraWhere} ${placement.single ? singleWindowGrouping([...parts.groupDims, ...extraGroupBy]) : Prisma.sql`GROUP BY ${groupBy(Prisma.sql`1`)}`}`;
    }),
    ' UNION ALL ',
  );
}

/**
 * The grouping of a run of one window: by the dimensions only, and without any a plain aggregate
 * (kept to windows that have rows, as a grouped one would be). Grouping every row by a window
 * index that cannot vary costs a hash or a sort of the whole sample; on the embedded database
 * that is a third of the statement.
 */
function singleWindowGrouping(dims: Prisma.Sql[]): Prisma.Sql {
  return dims.length ? Prisma.sql`GROUP BY ${Prisma.join(dims)}` : Prisma.sql`HAVING count(*) > 0`;
}

export async function runWindowAggregate<V>(spec: WindowAggregate<V>, request: KpiRequest): Promise<FamilyResult<V>> {
  const parts = factQueryParts(spec.fact, request.groupBy, request.filter, {
    timestamp: spec.timestamp,
    timeZone: request.timeZone ?? 'UTC',
  });
  const rows = await request.db.$queryRaw<Array<Record<string, unknown>>>(
    perWindow(parts, request.windows, spec.timestamp, spec.aggregates, spec.extraJoins, spec.where),
  );
  return toFamilyResult(rows, request, spec.fromRow);
}

export interface WindowHistogram<V> {
  fact: Fact;
  timestamp: SqlColumn;
  /** An integer column with few distinct values (seconds of handle time): the histogram's value v. */
  value: SqlColumn;
  /** Partial aggregates per window, group and value, aliased, beside n = count(*). */
  partials: Prisma.Sql;
  /**
   * Final aggregates over the histogram rows: v, n, the partials, cum (rows up to and including
   * v, in value order) and total (rows of the window and group).
   */
  aggregates: Prisma.Sql;
  fromRow(row: Record<string, unknown>): V;
}

/**
 * A family over the histogram of an integer value: rows are first counted per window, group and
 * value (a hash aggregate), and the statistics computed from the counts. Exact percentiles then
 * sort a few thousand distinct values instead of every record (duration.ts, histogramDurationAggregates).
 * The counts are MATERIALIZED: planned on their own they are a hash aggregate; inlined, the
 * planner (which cannot guess how few distinct values there are) sorts every record to feed
 * the running sums in order, the very sort this avoids.
 */
export async function runWindowHistogram<V>(spec: WindowHistogram<V>, request: KpiRequest): Promise<FamilyResult<V>> {
  const parts = factQueryParts(spec.fact, request.groupBy, request.filter, {
    timestamp: spec.timestamp,
    timeZone: request.timeZone ?? 'UTC',
  });
  const value = Prisma.raw(spec.value);
  const counts = perWindow(
    parts,
    request.windows,
    spec.timestamp,
    Prisma.sql`${value} AS v, count(*) AS n, ${spec.partials}`,
    Prisma.empty,
    Prisma.sql`TRUE`,
    [value],
  );
  const keys = Prisma.raw(['k', ...request.groupBy.map((_, index) => `d${index}`)].join(', '));
  const rows = await request.db.$queryRaw<Array<Record<string, unknown>>>(Prisma.sql`
    WITH counts AS MATERIALIZED (${counts})
    SELECT ${keys}, ${spec.aggregates}
    FROM (SELECT h.*, sum(h.n) OVER (PARTITION BY ${keys} ORDER BY h.v) AS cum, sum(h.n) OVER (PARTITION BY ${keys}) AS total
          FROM counts AS h) AS h
    GROUP BY ${keys}`);
  return toFamilyResult(rows, request, spec.fromRow);
}

function toFamilyResult<V>(
  rows: Array<Record<string, unknown>>,
  request: KpiRequest,
  fromRow: (row: Record<string, unknown>) => V,
): FamilyResult<V> {
  const result = emptyResult<V>(request.windows.length);
  for (const row of rows) {
    const group = groupOf(row, request.groupBy);
    result[row.k as number]!.set(groupKey(group, request.groupBy), { group, values: fromRow(row) });
  }
  return result;
}
