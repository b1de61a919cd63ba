// "Stock" KPIs count what is open at an instant (tickets in the backlog, customers on the
// books): everything that entered before it minus everything that left before it. Instead of
// scanning all history once per instant, one statement counts entries and exits between
// consecutive instants (and before the first), and the running sums give the stock at each.
import type { SqlColumn } from '../../db/sql-fragment.js';
import { Prisma } from '../../generated/prisma/client.js';
import { factQueryParts, type Fact } from '../facts.js';
import type { GroupValues } from '../dimensions.js';
import { groupKey, groupOf, type KpiRequest } from '../request.js';
import { runPlacement } from './window-runs.js';

export interface StockSpec {
  fact: Fact;
  /** When a record enters the stock, and when it leaves (null: still in). */
  enters: SqlColumn;
  leaves: SqlColumn;
  /** More UNION ALL parts returning (m, k, d…, n, n2), e.g. per-window flows. */
  extraParts?: (parts: ReturnType<typeof factQueryParts>) => Prisma.Sql[];
}

export interface StockRows {
  /** The stock per group at any window boundary. */
  stockAt(group: string, instant: Date): number;
  groups: Map<string, GroupValues>;
  /** Rows of the extra parts, by m, window and group. */
  extra: Map<string, { n: number; n2: number }>;
}

export async function runStock(spec: StockSpec, request: KpiRequest): Promise<StockRows> {
  const instants = [...new Set(request.windows.flatMap((w) => [w.start.getTime(), w.end.getTime()]))].sort((a, b) => a - b);
  // Interval 0 is everything before the first instant; interval j ends at instants[j]. They
  // are contiguous, so width_bucket over the boundaries places every record in one pass.
  const bounds = ['-infinity', ...instants.map((t) => new Date(t).toISOString())];
  const parts = factQueryParts(spec.fact, request.groupBy, request.filter);
  const movement = (kind: string, column: SqlColumn) => {
    const placement = runPlacement(column, { offset: 0, bounds });
    return Prisma.sql`
      SELECT ${kind}::text AS m, ${placement.k} AS k ${parts.selectDims}, count(*)::int AS n, 0 AS n2
      FROM ${parts.from}
      WHERE ${placement.where} AND ${parts.where}
      GROUP BY ${Prisma.join([Prisma.sql`2`, ...parts.groupDims])}`;
  };
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
