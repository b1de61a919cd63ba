// Exact percentiles from the duration bins. The bins of a window and group, summed over its
// whole days (rollup rows) and partial days (raw rows), give how many values lie in each bin;
// bins follow value order, so the rank a percentile needs lies in one known bin, at a known
// offset. Only the raw rows of that bin within the window are read and ranked (indexes
// *_bin_kpi_cover), instead of sorting every value of the window. The interpolation between
// the two closest ranks is percentile_cont's own: lo + (p·(n−1) − floor(p·(n−1))) · (hi − lo).
import { rawSql } from '../../db/sql-fragment.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { KpiRequest } from '../request.js';
import { windowsTable } from '../families/window-runs.js';
import {
  daysTable,
  rawRangesTable,
  rollupKeyColumn,
  rollupRowsWhere,
  type DurationRollup,
  type RollupSource,
  type RollupSpec,
} from './read.js';

const FRACTIONS = { median: 0.5, p90: 0.9 } as const;

export interface Percentiles {
  median: number;
  p90: number;
}

interface Want {
  k: number;
  key: string;
  bin: number;
  rank: number;
}

/** The median and p90 (in seconds) of `duration` per window and group, keyed `${k}\0${key}`. */
export async function exactPercentiles(
  request: KpiRequest,
  spec: RollupSpec<unknown>,
  duration: DurationRollup,
  source: RollupSource,
): Promise<Map<string, Percentiles>> {
  const bins = await request.db.$queryRaw<Array<{ k: number; key: string; bin: number; n: number }>>(binsStatement(spec, duration, source));
  // Running counts per window and group, in bin order (the statement sorts them).
  const cells = new Map<string, { k: number; key: string; bins: Array<{ bin: number; upTo: number }>; total: number }>();
  for (const row of bins) {
    const id = `${row.k}\u0000${row.key}`;
    let cell = cells.get(id);
    if (!cell) {
      cell = { k: row.k, key: row.key, bins: [], total: 0 };
      cells.set(id, cell);
    }
    cell.total += row.n;
    cell.bins.push({ bin: row.bin, upTo: cell.total });
  }
  const wants: Want[] = [];
  const seen = new Set<string>();
  const locate = (cell: { k: number; key: string; bins: Array<{ bin: number; upTo: number }> }, rank: number) => {
    const index = cell.bins.findIndex((b) => b.upTo > rank);
    const bin = cell.bins[index]!;
    const before = index === 0 ? 0 : cell.bins[index - 1]!.upTo;
    const want = { k: cell.k, key: cell.key, bin: bin.bin, rank: rank - before };
    const id = `${want.k}\u0000${want.key}\u0000${want.bin}\u0000${want.rank}`;
    if (!seen.has(id)) {
      seen.add(id);
      wants.push(want);
    }
    return id;
  };
  const positions = new Map<string, Record<keyof typeof FRACTIONS, { low: string; high: string; fraction: number }>>();
  for (const [id, cell] of cells) {
    const at = (p: number) => {
      const position = p * (cell.total - 1);
      const low = Math.floor(position);
      return { low: locate(cell, low), high: locate(cell, Math.ceil(position)), fraction: position - low };
    };
    positions.set(id, { median: at(FRACTIONS.median), p90: at(FRACTIONS.p90) });
  }
  const values = new Map<string, number>();
  if (wants.length) {
    const rows = await request.db.$queryRaw<Array<{ k: number; key: string; bin: number; rank: number; v: number }>>(
      valuesStatement(request, spec, duration, source, wants),
    );
    for (const row of rows) values.set(`${row.k}\u0000${row.key}\u0000${row.bin}\u0000${row.rank}`, row.v);
  }
  const result = new Map<string, Percentiles>();
  for (const [id, at] of positions) {
    const value = ({ low, high, fraction }: { low: string; high: string; fraction: number }) => {
      const lo = values.get(low);
      const hi = values.get(high);
      if (lo === undefined || hi === undefined) throw new Error(`duration bins of ${duration.metric} disagree with the rows (${id})`);
      return (lo + fraction * (hi - lo)) / duration.divisor;
    };
    result.set(id, { median: value(at.median), p90: value(at.p90) });
  }
  return result;
}

/** Values per window, group and bin: whole days from the rollup, partial days from the raw rows. */
function binsStatement(spec: RollupSpec<unknown>, duration: DurationRollup, source: RollupSource): Prisma.Sql {
  const { plan, split, parts } = source;
  const branches: Prisma.Sql[] = [];
  if (split.days.k.length) {
    branches.push(Prisma.sql`SELECT w.k, ${rollupKeyColumn(plan, 'b')} AS key, (u.i - 1)::int AS bin, u.n
      FROM ${daysTable(split)} JOIN kpi_day_durations b ON b.metric = ${duration.metric} AND ${rollupRowsWhere(source, 'b')}
      CROSS JOIN LATERAL unnest(b.counts) WITH ORDINALITY AS u(n, i) WHERE u.n <> 0`);
  }
  if (split.raw.k.length) {
    const ts = Prisma.raw(spec.timestamp);
    branches.push(Prisma.sql`SELECT w.k, ${source.rawKey} AS key, (${rawSql(duration.bin)})::int AS bin, 1 AS n
      FROM ${parts.from} JOIN ${rawRangesTable(split)} ON ${ts} >= w.ws AND ${ts} < w.we
      WHERE ${parts.where} AND ${Prisma.raw(duration.value)} IS NOT NULL`);
  }
  return Prisma.sql`SELECT p.k, p.key, p.bin, sum(p.n)::int AS n
    FROM (${Prisma.join(branches, ' UNION ALL ')}) AS p(k, key, bin, n)
    GROUP BY p.k, p.key, p.bin HAVING sum(p.n) <> 0 ORDER BY p.k, p.key, p.bin`;
}

/**
 * The values at the wanted ranks within their bins. Each window's bin is read once for every
 * group (one range of its bin index), and ranked per group.
 */
function valuesStatement(
  request: KpiRequest,
  spec: RollupSpec<unknown>,
  duration: DurationRollup,
  source: RollupSource,
  wants: Want[],
): Prisma.Sql {
  const { parts } = source;
  const ts = Prisma.raw(spec.timestamp);
  const value = Prisma.raw(duration.value);
  return Prisma.sql`
    WITH want AS (SELECT * FROM unnest(${wants.map((w) => w.k)}::int[], ${wants.map((w) => w.key)}::text[],
                                       ${wants.map((w) => w.bin)}::int[], ${wants.map((w) => w.rank)}::int[]) AS want(k, key, bin, rank)),
    need AS (SELECT DISTINCT want.k, want.bin, w.ws, w.we FROM want JOIN ${windowsTable(request.windows)} ON w.k - 1 = want.k)
    SELECT x.k, x.key, x.bin, x.rank, x.v FROM (
      SELECT need.k, need.bin, y.key, y.v, (row_number() OVER (PARTITION BY need.k, need.bin, y.key ORDER BY y.v) - 1)::int AS rank
      FROM need CROSS JOIN LATERAL (
        SELECT ${source.rawKey} AS key, ${value}::float8 AS v FROM ${parts.from}
        WHERE ${rawSql(duration.bin)} = need.bin AND ${ts} >= need.ws AND ${ts} < need.we AND ${parts.where}) AS y
    ) AS x JOIN want ON want.k = x.k AND want.key = x.key AND want.bin = x.bin AND want.rank = x.rank`;
}
