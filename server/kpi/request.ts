// What one KPI computation is asked for: windows of time, a grouping, a filter.
import type { DbClient } from '../db/db-client.js';
import type { Dimension, GroupValues, ResolvedKpiFilter } from './dimensions.js';
import type { KpiName } from './definitions.js';
import type { Window } from './period.js';

/** Where a KPI family sends its statement: the request's client (ctx.prisma), in a query answer its snapshot. */
export type KpiReader = Pick<DbClient, '$queryRaw'>;

export interface KpiRequest {
  db: KpiReader;
  windows: Window[];
  groupBy: Dimension[];
  filter: ResolvedKpiFilter;
  /** The time of the query, for KPIs that depend on it (pending SLA targets); one per request. */
  now?: Date;
  /** The period's IANA zone: the local time of HOUR_OF_DAY and DAY_OF_WEEK, and of last year's windows. UTC when absent. */
  timeZone?: string;
  /**
   * The duration KPIs whose median and p90 are computed; absent: all. Exact percentiles sort
   * every value of the sample, so they are computed only when a client reads them.
   */
  percentiles?: ReadonlySet<KpiName>;
  /**
   * How exact percentiles of whole numbers with few distinct values (handle seconds) are
   * computed: from per-value counts ('histogram', a hash aggregate: on PostgreSQL it beats
   * sorting millions of rows), or by sorting the values ('sort': the embedded database, whose
   * hash aggregates cost more than its sorts of the thousands of rows it holds). Histogram
   * when absent.
   */
  integerPercentiles?: IntegerPercentiles;
  /**
   * Whether the daily rollups may answer (rollups/plan.ts): only for an unrestricted client,
   * since rollups are sums over every team's records and know nothing of row-level security.
   */
  rollups?: boolean;
  /**
   * Where exact medians and p90s of durations come from when the rollups answer: the daily
   * duration bins ('bins', PostgreSQL: only the bin holding a rank is read), or a sort of the raw
   * values ('sort', the embedded database: its few thousand values, read in value order from
   * the value-ordered indexes, sort in less time than its bins are summed). Bins when absent.
   */
  durationPercentiles?: DurationPercentiles;
}

export type DurationPercentiles = 'bins' | 'sort';

/** The way that suits each database (KpiRequest.durationPercentiles). */
export function durationPercentilesFor(kind: 'embedded' | 'postgres'): DurationPercentiles {
  return kind === 'embedded' ? 'sort' : 'bins';
}

export type IntegerPercentiles = 'histogram' | 'sort';

/** The way that suits each database (KpiRequest.integerPercentiles). */
export function integerPercentilesFor(kind: 'embedded' | 'postgres'): IntegerPercentiles {
  return kind === 'embedded' ? 'sort' : 'histogram';
}

/** Whether the request reads the percentiles of duration KPI `name`. */
export function wantsPercentiles(request: KpiRequest, name: KpiName): boolean {
  return !request.percentiles || request.percentiles.has(name);
}

/** One family's values for one window and group. */
export interface FamilyCell<V> {
  group: GroupValues;
  values: V;
}

/** A family's results: by window index, then by group key. */
export type FamilyResult<V> = Array<Map<string, FamilyCell<V>>>;

export function groupKey(values: GroupValues, groupBy: Dimension[]): string {
  return JSON.stringify(groupBy.map((dimension) => values[dimension] ?? null));
}

/** Reads the grouping columns d0, d1, … of a result row. */
export function groupOf(row: Record<string, unknown>, groupBy: Dimension[]): GroupValues {
  const values: GroupValues = {};
  groupBy.forEach((dimension, index) => {
    values[dimension] = (row[`d${index}`] as string | number | null | undefined) ?? null;
  });
  return values;
}

export function emptyResult<V>(windows: number): FamilyResult<V> {
  return Array.from({ length: windows }, () => new Map<string, FamilyCell<V>>());
}
