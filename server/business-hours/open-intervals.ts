// The open intervals of a business calendar as instants (docs/kpis.md "Business hours"): each
// weekly interval on every local date that is not a holiday, placed in the calendar's zone by
// Temporal. Temporal's "compatible" disambiguation is exactly the contract: a time in a
// spring-forward gap moves forward by the gap's length, an ambiguous one is the earlier instant.
import { Temporal } from 'temporal-polyfill';
import { DAYS_OF_WEEK, minutesOf, type CalendarRules } from './calendar-rules.js';

/** Sorted, disjoint [start, end) instants in epoch milliseconds. */
export interface OpenIntervals {
  starts: number[];
  ends: number[];
}

/** The open intervals of every local date from `firstDate` up to (not including) `endDate`. */
export function openIntervals(rules: CalendarRules, firstDate: Temporal.PlainDate, endDate: Temporal.PlainDate): OpenIntervals {
  const holidays = new Set(rules.holidays);
  const byWeekday = DAYS_OF_WEEK.map((day) =>
    rules.weeklyHours.filter((h) => h.day === day).map((h) => [minutesOf(h.opens, false)!, minutesOf(h.closes, true)!] as const),
  );
  const raw: Array<[number, number]> = [];
  for (let date = firstDate; Temporal.PlainDate.compare(date, endDate) < 0; date = date.add({ days: 1 })) {
    const hours = byWeekday[date.dayOfWeek - 1]!;
    if (hours.length === 0 || holidays.has(date.toString())) continue;
    for (const [opens, closes] of hours) {
      const start = instantAt(date, opens, rules.timeZone);
      const end = instantAt(date, closes, rules.timeZone);
      // A gap can swallow an interval (02:00-02:30 on a spring-forward night) or invert it.
      if (end > start) raw.push([start, end]);
    }
  }
  // Gaps can also make one day's intervals overlap once placed; the open time is their union.
  raw.sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [start, end] of raw) {
    const last = ends.length - 1;
    if (last >= 0 && start <= ends[last]!) {
      ends[last] = Math.max(ends[last]!, end);
    } else {
      starts.push(start);
      ends.push(end);
    }
  }
  return { starts, ends };
}

/** The instant of a local time (minutes after midnight, 1440 = next midnight) on a local date. */
function instantAt(date: Temporal.PlainDate, minutes: number, timeZone: string): number {
  const day = minutes === 24 * 60 ? date.add({ days: 1 }) : date;
  const wall = day.toPlainDateTime({ hour: Math.floor((minutes % 1440) / 60), minute: minutes % 60 });
  return wall.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
}
