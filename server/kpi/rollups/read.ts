// A KPI family read from the daily rollups: the whole UTC days of each window from the rollup
// rows, its partial days from the raw rows (the same measures, one row at a time), summed per
// window and group in one statement; then, when asked for, exact percentiles (percentiles.ts).
import { rawSql, type SqlColumn, type SqlFragment } from '../../db/sql-fragment.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { KpiName } from '../definitions.js';
import { factQueryParts, type Fact, type FactQueryParts } from '../facts.js';
import { emptyResult, groupKey, groupOf, wantsPercentiles, type FamilyResult, type KpiRequest } from '../request.js';
import { exactPercentiles } from './percentiles.js';
import { INTEGER_DIMENSIONS, rollupPlan, splitWindows, type RollupPlan, type WindowSplit } from './plan.js';

/** A duration whose exact median and p90 come from the duration bins (table kpi_day_durations). */
export interface DurationRollup {
  metric: 'frt' | 'res' | 'aht';
  /** The prefix of the family's statistics (frt_median, …). */
  prefix: string;
  kpi: KpiName;
  /** The value on the raw row, and its bin: the very expressions of the bin indexes. */
  value: SqlColumn;
  bin: SqlFragment;
  /** What the value is divided by to give seconds. */
  divisor: number;
}

export interface RollupSpec<V> {
  table: SqlFragment;
  fact: Fact;
  /** The raw rows' placing timestamp. */
  timestamp: SqlColumn;
  /** Each rollup column, and the same measure of one raw row. */
  measures: ReadonlyArray<readonly [column: SqlFragment, raw: SqlFragment]>;
  /** The column whose sum tells that a window and group holds records. */
  presence: SqlFragment;
  /** The family's values over the summed measures (p.<column>), aliased as its raw statement's. */
  select: Prisma.Sql;
  durations: DurationRollup[];
  fromRow(row: Record<string, unknown>): V;
}

/** Where a rollup statement reads: the plan, the windows' split, and the raw rows' SQL parts. */
export interface RollupSource {
  plan: RollupPlan;
  split: WindowSplit;
  parts: FactQueryParts;
  /** The raw row's rollup key (deskql_rollup_key of the grouped dimension, '' when not grouped). */
  rawKey: Prisma.Sql;
}

/** The family's values from the rollups, or null when the request must read the raw rows. */
export async function runRollup<V>(spec: RollupSpec<V>, request: KpiRequest): Promise<FamilyResult<V> | null> {
  const plan = rollupPlan(request);
  if (!plan) return null;
  if (request.windows.length === 0) return emptyResult<V>(0);
  // Duration bins are not kept per agent (an agent-day holds a handful of values); the embedded
  // database sorts its values instead (KpiRequest.durationPercentiles).
  const percentiles = spec.durations.filter((duration) => wantsPercentiles(request, duration.kpi));
  if (percentiles.length > 0 && (plan.dimension === 'AGENT' || request.durationPercentiles === 'sort')) return null;
  const parts = factQueryParts(spec.fact, request.groupBy, request.filter, {
    timestamp: spec.timestamp,
    timeZone: request.timeZone ?? 'UTC',
  });
  const source: RollupSource = {
    plan,
    split: splitWindows(request.windows),
    parts,
    rawKey: rawKeyOf(plan, parts),
  };
  // The sums and each percentile's bins do not wait for one another.
  const [rows, ...percentileValues] = await Promise.all([
    request.db.$queryRaw<Array<Record<string, unknown>>>(sumsStatement(spec, source)),
    ...percentiles.map((duration) => exactPercentiles(request, spec as RollupSpec<unknown>, duration, source)),
  ]);
  for (const duration of spec.durations) {
    for (const row of rows) {
      row[`${duration.prefix}_median`] = null;
      row[`${duration.prefix}_p90`] = null;
    }
  }
  percentiles.forEach((duration, index) => {
    const values = percentileValues[index]!;
    for (const row of rows) {
      const found = values.get(`${row.k as number}\u0000${row.key as string}`);
      if (!found) continue;
      row[`${duration.prefix}_median`] = found.median;
      row[`${duration.prefix}_p90`] = found.p90;
    }
  });
  const result = emptyResult<V>(request.windows.length);
  for (const row of rows) {
    const group = groupOf(row, request.groupBy);
    result[row.k as number]!.set(groupKey(group, request.groupBy), { group, values: spec.fromRow(row) });
  }
  return result;
}

/** The grouped dimension's value decoded from the rollup key p.key, as d0 (groupOf). */
export function groupColumn(plan: RollupPlan): Prisma.Sql {
  if (!plan.grouped) return Prisma.empty;
  return INTEGER_DIMENSIONS.has(plan.dimension)
    ? Prisma.sql`, CASE WHEN p.key = '' THEN NULL ELSE substr(p.key, 2)::int END AS d0`
    : Prisma.sql`, CASE WHEN p.key = '' THEN NULL ELSE substr(p.key, 2) END AS d0`;
}

/** The raw row's rollup key: deskql_rollup_key of the grouped dimension, '' when not grouped. */
export function rawKeyOf(plan: RollupPlan, parts: FactQueryParts): Prisma.Sql {
  return plan.grouped ? Prisma.sql`deskql_rollup_key((${parts.groupDims[0]!})::text)` : Prisma.sql`''`;
}

/** The windows' whole days as a joinable set w(k, df, dt). */
export function daysTable(split: WindowSplit): Prisma.Sql {
  return Prisma.sql`unnest(${split.days.k}::int[], ${split.days.from}::date[], ${split.days.to}::date[]) AS w(k, df, dt)`;
}

/** The windows' partial days as a joinable set w(k, ws, we). */
export function rawRangesTable(split: WindowSplit): Prisma.Sql {
  return Prisma.sql`unnest(${split.raw.k}::int[], ${split.raw.start}::timestamptz[], ${split.raw.end}::timestamptz[]) AS w(k, ws, we)`;
}

/** Rollup table aliases of the rollup statements. */
export type RollupAlias = 'r' | 'b' | 'c';

/** A rollup row's key as the statement groups it: the key when grouped by its dimension, '' otherwise. */
export function rollupKeyColumn(plan: RollupPlan, alias: RollupAlias): Prisma.Sql {
  return plan.grouped ? Prisma.sql`${rawSql(alias as SqlFragment)}.key` : Prisma.sql`''`;
}

/** The rollup rows of the plan's dimension and of the filter's keys; `days`: the condition on their day. */
export function rollupRowsOf(plan: RollupPlan, alias: RollupAlias, days: Prisma.Sql): Prisma.Sql {
  const a = rawSql(alias as SqlFragment);
  const keys = plan.keys ? Prisma.sql` AND ${a}.key = ANY(${plan.keys}::text[])` : Prisma.empty;
  return Prisma.sql`${a}.dim = ${plan.dimension} AND ${days}${keys}`;
}

/** The rollup rows of the plan within the whole days w(df, dt) of each window (daysTable). */
export function rollupRowsWhere(source: RollupSource, alias: 'r' | 'b'): Prisma.Sql {
  const a = rawSql(alias as SqlFragment);
  return rollupRowsOf(source.plan, alias, Prisma.sql`${a}.day >= w.df AND ${a}.day < w.dt`);
}

function sumsStatement<V>(spec: RollupSpec<V>, source: RollupSource): Prisma.Sql {
  const { plan, split, parts } = source;
  const columns = spec.measures.map(([column]) => rawSql(column));
  const branches: Prisma.Sql[] = [];
  if (split.days.k.length) {
    branches.push(Prisma.sql`SELECT w.k, ${rollupKeyColumn(plan, 'r')} AS key, ${Prisma.join(columns.map((c) => Prisma.sql`r.${c}`))}
      FROM ${daysTable(split)} JOIN ${rawSql(spec.table)} r ON ${rollupRowsWhere(source, 'r')}`);
  }
  if (split.raw.k.length) {
    const ts = Prisma.raw(spec.timestamp);
    branches.push(Prisma.sql`SELECT w.k, ${source.rawKey} AS key, ${Prisma.join(spec.measures.map(([, raw]) => rawSql(raw)))}
      FROM ${parts.from} JOIN ${rawRangesTable(split)} ON ${ts} >= w.ws AND ${ts} < w.we WHERE ${parts.where}`);
  }
  return Prisma.sql`SELECT p.k, p.key ${groupColumn(plan)}, ${spec.select}
    FROM (${Prisma.join(branches, ' UNION ALL ')}) AS p(k, key, ${Prisma.join(columns)})
    GROUP BY p.k, p.key HAVING sum(p.${rawSql(spec.presence)}) > 0`;
}
