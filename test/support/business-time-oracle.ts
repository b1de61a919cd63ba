// An independent computation of business time for the tests: zone offsets from Intl (not
// Temporal), local times placed by trying the offsets on both sides of a date (the earlier
// instant in a fold, the pre-transition offset in a gap), and the open time of a span counted
// minute by minute. Slow and simple on purpose: nothing in it is shared with server/business-hours.
import type { CalendarRules } from '../../server/business-hours/calendar-rules.js';

const DAY = 86_400_000;
const MINUTE = 60_000;
const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetMs(instant: number, zone: string): number {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant of a wall-clock time (as a UTC-based millisecond count) in `zone`. */
function wallToInstant(wall: number, zone: string): number {
  const before = offsetMs(wall - DAY, zone);
  const after = offsetMs(wall + DAY, zone);
  const valid = [wall - before, wall - after].filter((instant) => offsetMs(instant, zone) === wall - instant);
  if (valid.length) return Math.min(...valid);
  return wall - before; // in a gap: read with the offset before it, i.e. moved forward by the gap
}

/** The open intervals (possibly overlapping) of the local dates around [a, b]. */
function intervalsAround(rules: CalendarRules, a: number, b: number): Array<[number, number]> {
  const intervals: Array<[number, number]> = [];
  const holidays = new Set(rules.holidays);
  const firstDay = Math.floor(a / DAY) * DAY - 2 * DAY;
  for (let day = firstDay; day <= b + 2 * DAY; day += DAY) {
    const date = new Date(day);
    const iso = date.toISOString().slice(0, 10);
    if (holidays.has(iso)) continue;
    for (const hours of rules.weeklyHours.filter((h) => h.day === WEEKDAYS[date.getUTCDay()])) {
      const [oh, om] = hours.opens.split(':').map(Number);
      const [ch, cm] = hours.closes.split(':').map(Number);
      const start = wallToInstant(day + (oh! * 60 + om!) * MINUTE, rules.timeZone);
      const end = wallToInstant(day + (ch! * 60 + cm!) * MINUTE, rules.timeZone);
      if (end > start) intervals.push([start, end]);
    }
  }
  return intervals;
}

/** Business seconds in [a, b), both on whole minutes, counted minute by minute. */
export function oracleBusinessSeconds(rules: CalendarRules, a: Date, b: Date): number {
  const from = a.getTime();
  const to = b.getTime();
  if (from % MINUTE || to % MINUTE) throw new Error('the oracle counts whole minutes');
  const intervals = intervalsAround(rules, from, to);
  let open = 0;
  for (let t = from; t < to; t += MINUTE) {
    if (intervals.some(([start, end]) => t >= start && t < end)) open++;
  }
  return open * 60;
}

/**
 * Open intervals of [from, to] laid out once (for many spans under one calendar): business
 * seconds of any [a, b) inside it as the length of [a, b) within their union, by a plain sweep.
 */
export function oracleCalendar(rules: CalendarRules, from: Date, to: Date) {
  const sorted = intervalsAround(rules, from.getTime(), to.getTime()).sort((x, y) => x[0] - y[0]);
  const union: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = union[union.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else union.push([start, end]);
  }
  return {
    seconds(a: Date, b: Date): number {
      let open = 0;
      for (const [start, end] of union) {
        const overlap = Math.min(end, b.getTime()) - Math.max(start, a.getTime());
        if (overlap > 0) open += overlap;
      }
      return open / 1000;
    },
  };
}
