// Calendar arithmetic in an IANA time zone, on top of Intl (no dependency). The KPI engine
// computes every bucket boundary here and hands PostgreSQL only instants, so bucketing is
// identical on every database and DST days simply come out 23 or 25 hours long.

export interface LocalDate {
  year: number;
  month: number; // 1..12
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock fields of `instant` in `timeZone`. */
export function wallClock(instant: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The first instant of local date `date` in `timeZone` (its local midnight, or the first
 * moment after midnight where a DST change skips it).
 */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  const naive = Date.UTC(date.year, date.month - 1, date.day);
  // Two passes settle the offset, also when the day starts inside a DST change.
  let guess = naive - offsetAt(naive, timeZone);
  guess = naive - offsetAt(guess, timeZone);
  const wall = wallClock(guess, timeZone);
  if (wall.day !== date.day) {
    // Midnight does not exist that day (the clock jumps from 23:59 to 01:00): take the jump.
    guess += 3_600_000 - (wall.minute * 60 + wall.second) * 1000;
  }
  return guess;
}

export function localDateOf(instant: number, timeZone: string): LocalDate {
  const { year, month, day } = wallClock(instant, timeZone);
  return { year, month, day };
}

/** The local date `days` days after `date` (calendar arithmetic, no time zone involved). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

export function addMonths(date: LocalDate, months: number): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1 + months, 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: date.day };
}

/** ISO weekday, Monday = 1 .. Sunday = 7. */
export function isoWeekday(date: LocalDate): number {
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

/**
 * The instant of local date-time `local` in `timeZone`. A time inside a spring-forward gap is
 * moved forward by the gap (02:30 in a one-hour gap is 03:30, Temporal's "compatible"); a
 * repeated time on a fall-back day is the earlier instant.
 */
export function instantOfLocal(local: LocalDateTime, timeZone: string): number {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  // The offsets in force a day either side cover any single transition near `local`.
  const before = offsetAt(naive - 86_400_000, timeZone);
  const after = offsetAt(naive + 86_400_000, timeZone);
  const matches = [...new Set([before, after])]
    .map((offset) => naive - offset)
    .filter((instant) => {
      const wall = wallClock(instant, timeZone);
      return (
        wall.year === local.year &&
        wall.month === local.month &&
        wall.day === local.day &&
        wall.hour === local.hour &&
        wall.minute === local.minute
      );
    })
    .sort((a, b) => a - b);
  // In a gap neither offset fits: the offset before the change moves the wall time forward.
  return matches[0] ?? naive - before;
}

/** The same local date-time one calendar year earlier (February 29 becomes February 28). */
export function sameLocalTimeAYearEarlier(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const day = wall.month === 2 && wall.day === 29 ? 28 : wall.day;
  const earlier = instantOfLocal({ ...wall, year: wall.year - 1, day }, timeZone);
  return earlier + (((instant % 1000) + 1000) % 1000);
}

/** `instant` as a local ISO 8601 date-time with its offset in `timeZone`: 2026-01-01T00:00:00-03:00. */
export function localIsoString(instant: number, timeZone: string): string {
  const wall = wallClock(instant, timeZone);
  const offsetMinutes = Math.round(offsetAt(instant, timeZone) / 60_000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
