// Calendar dates in an IANA time zone, turned into the instants the API takes. The browser has
// no zoned-date type, so this asks Intl for the zone's offset at an instant; a day that starts
// at a DST change is found by correcting the offset once.

/** A calendar day, "YYYY-MM-DD". */
export type CalendarDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the browser knows `timeZone` as an IANA zone. */
export function isTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallClock(
  instant: number,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant `date` begins in `timeZone`, as ISO 8601 in UTC. */
export function startOfDay(date: CalendarDate, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(year, month - 1, day);
  let instant = midnightUtc - offsetAt(midnightUtc, timeZone);
  const corrected = midnightUtc - offsetAt(instant, timeZone);
  if (corrected !== instant) instant = corrected;
  return new Date(instant).toISOString();
}

/** Today's date on the zone's wall clock. */
export function today(timeZone: string, now = Date.now()): CalendarDate {
  const w = wallClock(now, timeZone);
  return toDate(Date.UTC(w.year, w.month - 1, w.day));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return toDate(parse(date) + days * 86_400_000);
}

/** The first day of the month `months` away from the month of `date`. */
export function monthStart(date: CalendarDate, months = 0): CalendarDate {
  const d = new Date(parse(date));
  return toDate(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
}

export function quarterStart(date: CalendarDate): CalendarDate {
  const d = new Date(parse(date));
  return toDate(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1));
}

/** Days from `from` to `to` (exclusive). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((parse(to) - parse(from)) / 86_400_000);
}

export function isCalendarDate(value: string | null | undefined): value is CalendarDate {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return toDate(parse(value)) === value;
}

function parse(date: CalendarDate): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

function toDate(utcMidnight: number): CalendarDate {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}
