// The statement shape of every "flow" KPI: records whose timestamp falls in a window,
// aggregated per window and group, in one statement for all windows (buckets, the whole
// period, previous periods).
import { Prisma } from '../../generated/prisma/client.js';
import { factQueryParts, type Fact, type FactQueryParts } from '../facts.js';
import { emptyResult, groupKey, groupOf, type FamilyResult, type KpiRequest } from '../request.js';
import { contiguousRuns, runPlacement, windowsTable } from './window-runs.js';

export interface WindowAggregate<V> {
  fact: Fact;
  /** The column that places a record in a window. */
  timestamp: string;
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
  column: string,
  select: Prisma.Sql | ((windowEnd: Prisma.Sql) => Prisma.Sql),
  extraJoins: Prisma.Sql = Prisma.empty,
  extraWhere: Prisma.Sql = Prisma.sql`TRUE`,
): Prisma.Sql {
  const runs = contiguousRuns(windows);
  const groupBy = (k: Prisma.Sql) => Prisma.join([k, ...parts.groupDims]);
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
        WHERE ${placement.where} AND ${parts.where} AND ${extraWhere} GROUP BY ${groupBy(Prisma.sql`1`)}`;
    }),
    ' UNION ALL ',
  );
}

export async function runWindowAggregate<V>(spec: WindowAggregate<V>, request: KpiRequest): Promise<FamilyResult<V>> {
  const parts = factQueryParts(spec.fact, request.groupBy, request.filter, { timestamp: spec.timestamp, timeZone: request.timeZone ?? 'UTC' });
  const rows = await request.db.$queryRaw<Array<Record<string, unknown>>>(
    perWindow(parts, request.windows, spec.timestamp, spec.aggregates, spec.extraJoins, spec.where),
  );
  const result = emptyResult<V>(request.windows.length);
  for (const row of rows) {
    const group = groupOf(row, request.groupBy);
    result[row.k as number]!.set(groupKey(group, request.groupBy), { group, values: spec.fromRow(row) });
  }
  return result;
}
