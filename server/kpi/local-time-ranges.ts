// HOUR_OF_DAY and DAY_OF_WEEK as instants, for drill-down: the records of the slice "14:00"
// are those whose timestamp falls in one of the local 14:00-15:00 hours of the window. Prisma
// cannot express a zone-aware extract(), but it can express ranges of an indexed column, and
// the ranges come from the same Intl zone data as the bucket boundaries.
import type { GroupValues } from './dimensions.js';
import type { Window } from './period.js';
import { isoWeekday, wallClock } from './zoned-time.js';

const HOUR = 3_600_000;

/**
 * The maximal ranges [gte, lt) of `window` whose local time (in `timeZone`) has the hour and
 * ISO weekday the group names; null when the group names neither (no time-of-day grouping).
 */
export function localTimeRanges(window: Window, timeZone: string, group: GroupValues): Array<{ gte: Date; lt: Date }> | null {
  const hour = group.HOUR_OF_DAY;
  const weekday = group.DAY_OF_WEEK;
  if (hour === undefined && weekday === undefined) return null;
  const start = window.start.getTime();
  const end = window.end.getTime();
  const ranges: Array<{ gte: Date; lt: Date }> = [];
  // Walk the window by local hours: each begins where the wall clock shows minute 0.
  const first = wallClock(start, timeZone);
  let hourStart = Math.floor(start / 1000) * 1000 - (first.minute * 60 + first.second) * 1000;
  while (hourStart < end) {
    const wall = wallClock(hourStart, timeZone);
    const matches =
      (hour === undefined || wall.hour === hour) &&
      (weekday === undefined || isoWeekday({ year: wall.year, month: wall.month, day: wall.day }) === weekday);
    if (matches) {
      const from = Math.max(hourStart, start);
      const to = Math.min(hourStart + HOUR, end);
      const last = ranges[ranges.length - 1];
      if (last && last.lt.getTime() === from) last.lt = new Date(to);
      else ranges.push({ gte: new Date(from), lt: new Date(to) });
    }
    hourStart += HOUR;
  }
  return ranges;
}
