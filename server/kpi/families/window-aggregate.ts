// The statement shape of every "flow" KPI: records whose timestamp falls in a window,
// aggregated per window and group. Windows arrive as two arrays of instants and are joined
// as a range, so buckets, whole periods and previous periods (which may overlap) all take
// the same single statement.
import { prisma } from '../../db/prisma.js';
import { Prisma } from '../../generated/prisma/client.js';
import { factQueryParts, type Fact } from '../facts.js';
import { emptyResult, groupKey, groupOf, type FamilyResult, type KpiRequest } from '../request.js';

export interface WindowAggregate<V> {
  fact: Fact;
  /** The column that places a record in a window. */
  timestamp: string;
  /** Aggregate expressions (aliased) for SELECT. */
  aggregates: Prisma.Sql;
  /** Extra joins after the fact's own, e.g. a LATERAL subquery. */
  extraJoins?: Prisma.Sql;
  fromRow(row: Record<string, unknown>): V;
}

export function windowsParam(request: KpiRequest): Prisma.Sql {
  const starts = request.windows.map((w) => w.start.toISOString());
  const ends = request.windows.map((w) => w.end.toISOString());
  return Prisma.sql`unnest(${starts}::timestamptz[], ${ends}::timestamptz[]) WITH ORDINALITY AS w(ws, we, k)`;
}

export async function runWindowAggregate<V>(spec: WindowAggregate<V>, request: KpiRequest): Promise<FamilyResult<V>> {
  const parts = factQueryParts(spec.fact, request.groupBy, request.filter);
  const timestamp = Prisma.raw(spec.timestamp);
  const groupBy = Prisma.join([Prisma.sql`w.k`, ...parts.groupDims]);
  const rows = await prisma().$queryRaw<Array<Record<string, unknown>>>`
    SELECT (w.k - 1)::int AS k ${parts.selectDims}, ${spec.aggregates}
    FROM ${parts.from}
    JOIN ${windowsParam(request)} ON ${timestamp} >= w.ws AND ${timestamp} < w.we
    ${spec.extraJoins ?? Prisma.empty}
    WHERE ${parts.where}
    GROUP BY ${groupBy}`;
  const result = emptyResult<V>(request.windows.length);
  for (const row of rows) {
    const group = groupOf(row, request.groupBy);
    result[row.k as number]!.set(groupKey(group, request.groupBy), { group, values: spec.fromRow(row) });
  }
  return result;
}
