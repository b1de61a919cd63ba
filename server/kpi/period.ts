// Periods and buckets (kpi-spec: "Periods, buckets and time zones"). A period is [from, to);
// a bucket is a calendar unit in the requested zone, identified by its calendar start (which
// may lie before `from`), and counts only what falls inside the period.
import { userInputError } from '../graphql/errors.js';
import { addDays, addMonths, isoWeekday, isValidTimeZone, localDateOf, startOfLocalDay, wallClock, type LocalDate } from './zoned-time.js';

export const GRANULARITIES = ['HOUR', 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** The most buckets one request may ask for (e.g. HOUR over 41 days, DAY over 2.7 years). */
export const MAX_BUCKETS = 1000;

export interface Period {
  from: Date;
  to: Date;
  timeZone: string;
}

/** A span of time the engine aggregates over: a whole period or one bucket of it. */
export interface Window {
  /** Calendar start of the bucket (= from for a whole period): what clients see. */
  label: Date;
  /** The part of the period it covers: [start, end). */
  start: Date;
  end: Date;
}

export function validatePeriod(period: Period): Period {
  const timeZone = period.timeZone ?? 'UTC';
  if (!isValidTimeZone(timeZone)) {
    throw userInputError(`period.timeZone: "${timeZone}" is not an IANA time zone; use a name such as "UTC" or "America/Sao_Paulo"`);
  }
  if (period.from.getTime() >= period.to.getTime()) {
    throw userInputError(
      `period.from (${period.from.toISOString()}) must be before period.to (${period.to.toISOString()}); to is exclusive`,
    );
  }
  if (period.to.getTime() - period.from.getTime() > MAX_PERIOD_MS) {
    // Its previous period (comparison) must stay within the years a database can hold.
    throw userInputError(
      `period: from ${period.from.toISOString()} to ${period.to.toISOString()} spans more than ${MAX_PERIOD_YEARS} years; ask for a shorter period`,
    );
  }
  return { from: period.from, to: period.to, timeZone };
}

/** The longest period a KPI request may span. */
export const MAX_PERIOD_YEARS = 100;
const MAX_PERIOD_MS = MAX_PERIOD_YEARS * 366 * 24 * 3_600_000;

/** The buckets of `period` at `granularity`, in order, empty ones included. */
export function bucketWindows(period: Period, granularity: Granularity): Window[] {
  const from = period.from.getTime();
  const to = period.to.getTime();
  const windows: Window[] = [];
  let start = bucketStart(from, granularity, period.timeZone);
  while (start < to) {
    const next = nextBucketStart(start, granularity, period.timeZone);
    windows.push({ label: new Date(start), start: new Date(Math.max(start, from)), end: new Date(Math.min(next, to)) });
    if (windows.length > MAX_BUCKETS) {
      throw userInputError(
        `${granularity} buckets over this period would be more than ${MAX_BUCKETS}; choose a coarser granularity or a shorter period`,
      );
    }
    start = next;
  }
  return windows;
}

/** kpi-spec: the interval of the same length that ends where this one starts. */
export function previousWindow(window: Window): Window {
  const length = window.end.getTime() - window.start.getTime();
  const start = new Date(window.start.getTime() - length);
  return { label: start, start, end: window.start };
}

function bucketStart(instant: number, granularity: Granularity, timeZone: string): number {
  if (granularity === 'HOUR') {
    // The instant the local hour began: an hour bucket is a real hour, also across DST.
    const wall = wallClock(instant, timeZone);
    return Math.floor(instant / 1000) * 1000 - (wall.minute * 60 + wall.second) * 1000;
  }
  return startOfLocalDay(truncateDate(localDateOf(instant, timeZone), granularity), timeZone);
}

function nextBucketStart(start: number, granularity: Granularity, timeZone: string): number {
  if (granularity === 'HOUR') return start + 3_600_000;
  const date = truncateDate(localDateOf(start, timeZone), granularity);
  const next =
    granularity === 'DAY'
      ? addDays(date, 1)
      : granularity === 'WEEK'
        ? addDays(date, 7)
        : granularity === 'MONTH'
          ? addMonths(date, 1)
          : granularity === 'QUARTER'
            ? addMonths(date, 3)
            : addMonths(date, 12);
  return startOfLocalDay(next, timeZone);
}

function truncateDate(date: LocalDate, granularity: Exclude<Granularity, 'HOUR'>): LocalDate {
  switch (granularity) {
    case 'DAY':
      return date;
    case 'WEEK':
      return addDays(date, 1 - isoWeekday(date));
    case 'MONTH':
      return { ...date, day: 1 };
    case 'QUARTER':
      return { year: date.year, month: Math.floor((date.month - 1) / 3) * 3 + 1, day: 1 };
    case 'YEAR':
      return { year: date.year, month: 1, day: 1 };
  }
}
