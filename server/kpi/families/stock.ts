// "Stock" KPIs count what is open at an instant (tickets in the backlog, customers on the
// books): everything that entered before it minus everything that left before it. Instead of
// scanning all history once per instant, one statement counts entries and exits between
// consecutive instants (and before the first), and the running sums give the stock at each.
import type { SqlColumn } from '../../db/sql-fragment.js';
import { Prisma } from '../../generated/prisma/client.js';
import { factQueryParts, type Fact, type FactQueryParts } from '../facts.js';
import type { GroupValues } from '../dimensions.js';
import { groupKey, groupOf, type KpiRequest } from '../request.js';
import { runPlacement } from './window-runs.js';

export interface StockSpec {
  fact: Fact;
  /** When a record enters the stock, and when it leaves (null: still in). */
  enters: SqlColumn;
  leaves: SqlColumn;
  /** More UNION ALL parts returning (m, k, d…, n, n2), e.g. per-window flows. */
  extraParts?: (parts: FactQueryParts) => Prisma.Sql[];
}

export interface StockRows {
  /** The stock per group at any window boundary. */
  stockAt(group: string, instant: Date): number;
  groups: Map<string, GroupValues>;
  /** Rows of the extra parts, by m, window and group. */
  extra: Map<string, { n: number; n2: number }>;
}

/** Up to this many instants, movements are counted per instant rather than grouped by interval. */
const MAX_COUNTED_INSTANTS = 6;

type Movement = (kind: string, column: SqlColumn) => Prisma.Sql;

/** Records moving in each interval: the interval of each by width_bucket, grouped by it. */
function bucketedMovement(parts: FactQueryParts, bounds: string[]): Movement {
  return (kind, column) => {
    const placement = runPlacement(column, { offset: 0, bounds });
    return Prisma.sql`
      SELECT ${kind}::text AS m, ${placement.k} AS k ${parts.selectDims}, count(*)::int AS n, 0 AS n2
      FROM ${parts.from}
      WHERE ${placement.where} AND ${parts.where}
      GROUP BY ${Prisma.join([Prisma.sql`2`, ...parts.groupDims])}`;
  };
}

/**
 * The same rows from one count per instant (records moving before it), differenced into
 * intervals. With a few instants (a period's start and end) these comparisons cost less than
 * grouping every record by its interval, the hash (or sort) that is most of the bucketed
 * statement on the embedded database.
 */
function countedMovement(parts: FactQueryParts, instants: number[]): Movement {
  const dims = Prisma.raw(parts.groupDims.map((_, i) => `w.d${i}, `).join(''));
  return (kind, column) => {
    const col = Prisma.raw(column);
    const iso = instants.map((t) => new Date(t).toISOString());
    const before = iso.map((instant) => Prisma.sql`count(*) FILTER (WHERE ${col} < ${instant}::timestamptz)`);
    return Prisma.sql`
      SELECT w.m, (x.j - 1)::int AS k, ${dims} (x.n - coalesce(w.ns[x.j - 1], 0))::int AS n, 0 AS n2
      FROM (
        SELECT ${kind}::text AS m ${parts.selectDims}, ARRAY[${Prisma.join(before)}]::int[] AS ns
        FROM ${parts.from}
        WHERE ${col} < ${iso[iso.length - 1]!}::timestamptz AND ${parts.where}
        ${parts.groupDims.length ? Prisma.sql`GROUP BY ${Prisma.join(parts.groupDims)}` : Prisma.sql`HAVING count(*) > 0`}
      ) w CROSS JOIN LATERAL unnest(w.ns) WITH ORDINALITY AS x(n, j)`;
  };
}

export async function runStock(spec: StockSpec, request: KpiRequest): Promise<StockRows> {
  const instants = [...new Set(request.windows.flatMap((w) => [w.start.getTime(), w.end.getTime()]))].sort((a, b) => a - b);
  // Interval 0 is everything before the first instant; interval j ends at instants[j]. They
  // are contiguous, so width_bucket over the boundaries places every record in one pass.
  const bounds = ['-infinity', ...instants.map((t) => new Date(t).toISOString())];
  const parts = factQueryParts(spec.fact, request.groupBy, request.filter);
  const movement = instants.length <= MAX_COUNTED_INSTANTS ? countedMovement(parts, instants) : bucketedMovement(parts, bounds);
  const statement = Prisma.join(
    [movement('in', spec.enters), movement('out', spec.leaves), ...(spec.extraParts?.(parts) ?? [])].map((part) => Prisma.sql`(${part})`),
    ' UNION ALL ',
  );
  const rows = await request.db.$queryRaw<Array<Record<string, unknown>>>(statement);

  const groups = new Map<string, GroupValues>();
  const net = new Map<string, number[]>();
  const extra = new Map<string, { n: number; n2: number }>();
  for (const row of rows) {
    const group = groupOf(row, request.groupBy);
    const key = groupKey(group, request.groupBy);
    groups.set(key, group);
    const m = row.m as string;
    if (m === 'in' || m === 'out') {
      const series = net.get(key) ?? new Array<number>(instants.length).fill(0);
      series[row.k as number]! += m === 'in' ? (row.n as number) : -(row.n as number);
      net.set(key, series);
    } else {
      extra.set(`${m}|${row.k}|${key}`, { n: row.n as number, n2: row.n2 as number });
    }
  }
  const cumulative = new Map<string, number[]>();
  for (const [key, series] of net) {
    let total = 0;
    cumulative.set(
      key,
      series.map((value) => (total += value)),
    );
  }
  const index = new Map(instants.map((t, j) => [t, j]));
  return {
    stockAt: (group, instant) => cumulative.get(group)?.[index.get(instant.getTime())!] ?? 0,
    groups,
    extra,
  };
}
