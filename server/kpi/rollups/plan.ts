// Whether a KPI request can read the daily rollups (migration kpi_daily_rollups), by which
// dimension, and how its windows split into whole UTC days (read from the rollups) and the
// partial days at their edges (read from the raw rows).
import { FILTER_DIMENSION, type Dimension, type ResolvedKpiFilter } from '../dimensions.js';
import type { Window } from '../period.js';
import type { KpiRequest } from '../request.js';

/** The dimensions rollups are kept by, one at a time; ALL is the rollup of every record. */
export const ROLLUP_DIMENSIONS = ['AGENT', 'TEAM', 'CHANNEL', 'PRIORITY', 'CATEGORY', 'CUSTOMER_SEGMENT'] as const;
export type RollupDimension = 'ALL' | (typeof ROLLUP_DIMENSIONS)[number];

/** Rollup dimensions whose values are integer ids (the others are text). */
export const INTEGER_DIMENSIONS: ReadonlySet<RollupDimension> = new Set(['AGENT', 'TEAM']);

const isRollupDimension = (dimension: Dimension): dimension is (typeof ROLLUP_DIMENSIONS)[number] =>
  (ROLLUP_DIMENSIONS as readonly string[]).includes(dimension);

export interface RollupPlan {
  /** The rollup rows read: those of this dimension. */
  dimension: RollupDimension;
  /** Whether answers are grouped by that dimension (otherwise it only narrows them). */
  grouped: boolean;
  /** The filter's values of the dimension as rollup keys; null: every value. */
  keys: string[] | null;
}

/**
 * The rollup plan of a request, or null when it must read the raw rows: a restricted caller
 * (rollups know nothing of row-level security), a grouping or filter by more than one
 * dimension, by the customer or by local time of day.
 */
export function rollupPlan(request: KpiRequest): RollupPlan | null {
  if (!request.rollups) return null;
  const dimensions = new Set<Dimension>(request.groupBy);
  for (const [field, values] of Object.entries(request.filter) as Array<[keyof ResolvedKpiFilter, unknown[] | undefined]>) {
    if (values) dimensions.add(FILTER_DIMENSION[field]);
  }
  if (dimensions.size === 0) return { dimension: 'ALL', grouped: false, keys: null };
  const [dimension] = [...dimensions];
  if (dimensions.size > 1 || !dimension || !isRollupDimension(dimension)) return null;
  const field = (Object.keys(FILTER_DIMENSION) as Array<keyof ResolvedKpiFilter>).find((f) => FILTER_DIMENSION[f] === dimension)!;
  const values = request.filter[field] as Array<string | number> | undefined;
  return { dimension, grouped: request.groupBy.length === 1, keys: values ? values.map(rollupKey) : null };
}

/** A dimension value as rollup key (SQL deskql_rollup_key): '' for null, '=' and the value otherwise. */
export function rollupKey(value: string | number | null): string {
  return value === null ? '' : `=${value}`;
}

export interface WindowSplit {
  /** Whole UTC days [from, to) of window k, as dates. */
  days: { k: number[]; from: string[]; to: string[] };
  /** Instants [start, end) of window k read from the raw rows: the partial days. */
  raw: { k: number[]; start: string[]; end: string[] };
}

const DAY_MS = 86_400_000;

/** The start of the UTC day of an instant, in milliseconds: the day its rollup row holds. */
export const utcDayStart = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

export function splitWindows(windows: Window[]): WindowSplit {
  const split: WindowSplit = { days: { k: [], from: [], to: [] }, raw: { k: [], start: [], end: [] } };
  const raw = (k: number, start: number, end: number) => {
    if (start >= end) return;
    split.raw.k.push(k);
    split.raw.start.push(new Date(start).toISOString());
    split.raw.end.push(new Date(end).toISOString());
  };
  windows.forEach((window, k) => {
    const start = window.start.getTime();
    const end = window.end.getTime();
    const firstDay = Math.ceil(start / DAY_MS) * DAY_MS;
    const lastDay = utcDayStart(end);
    if (firstDay >= lastDay) {
      raw(k, start, end);
      return;
    }
    split.days.k.push(k);
    split.days.from.push(new Date(firstDay).toISOString().slice(0, 10));
    split.days.to.push(new Date(lastDay).toISOString().slice(0, 10));
    raw(k, start, firstDay);
    raw(k, lastDay, end);
  });
  return split;
}
