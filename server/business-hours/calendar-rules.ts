// The rules a business calendar must follow (docs/kpis.md "Business hours"), checked in one place
// for the import lines, the upsert mutation and anything else that writes a calendar, so that
// the business-time arithmetic can trust what it reads.
import { Temporal } from 'temporal-polyfill';

export const DAYS_OF_WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];

export interface BusinessHours {
  day: DayOfWeek;
  /** "HH:MM", 00:00..23:59. */
  opens: string;
  /** "HH:MM", after opens; "24:00" is the end of the day. */
  closes: string;
}

export interface CalendarRules {
  timeZone: string;
  weeklyHours: BusinessHours[];
  /** Local dates YYYY-MM-DD. */
  holidays: string[];
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Minutes after local midnight of "HH:MM" ("24:00" is 1440); null when malformed. */
export function minutesOf(time: unknown, allowEndOfDay: boolean): number | null {
  if (allowEndOfDay && time === '24:00') return 24 * 60;
  if (typeof time !== 'string') return null;
  const match = TIME.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** The canonical name of an IANA zone, or null when the runtime does not know it. */
export function canonicalTimeZone(zone: unknown): string | null {
  if (typeof zone !== 'string' || zone === '' || zone.length > 64) return null;
  try {
    return Temporal.ZonedDateTime.from({ year: 2000, month: 1, day: 1, timeZone: zone }).timeZoneId;
  } catch {
    return null;
  }
}

/** Problems with weekly hours, each as [field, reason]; the parsed hours when there are none. */
export function checkWeeklyHours(raw: unknown): { hours?: BusinessHours[]; problems: string[] } {
  if (!Array.isArray(raw) || raw.length === 0) {
    return { problems: ['must be a non-empty list of { "day": "MONDAY".."SUNDAY", "opens": "HH:MM", "closes": "HH:MM" }'] };
  }
  if (raw.length > 7 * 48) return { problems: [`must hold at most ${7 * 48} intervals`] };
  const problems: string[] = [];
  const hours: BusinessHours[] = [];
  raw.forEach((entry, index) => {
    const where = `[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${where} must be an object { day, opens, closes }`);
      return;
    }
    const { day, opens, closes, ...rest } = entry as Record<string, unknown>;
    const extra = Object.keys(rest);
    if (extra.length) problems.push(`${where} has unknown field ${extra.join(', ')}; fields are day, opens, closes`);
    if (!DAYS_OF_WEEK.includes(day as DayOfWeek))
      problems.push(`${where}.day must be one of ${DAYS_OF_WEEK.join(', ')}, got ${JSON.stringify(day ?? null)}`);
    const from = minutesOf(opens, false);
    const to = minutesOf(closes, true);
    if (from === null)
      problems.push(`${where}.opens must be a local time "HH:MM" from 00:00 to 23:59, got ${JSON.stringify(opens ?? null)}`);
    if (to === null)
      problems.push(`${where}.closes must be a local time "HH:MM" from 00:01 to 24:00, got ${JSON.stringify(closes ?? null)}`);
    if (from !== null && to !== null && from >= to)
      problems.push(`${where} opens at ${opens as string}, which is not before it closes (${closes as string})`);
    if (problems.length === 0) hours.push({ day: day as DayOfWeek, opens: opens as string, closes: closes as string });
  });
  if (problems.length) return { problems };
  // Intervals of one day must not overlap (touching, 12:00-12:00, is fine).
  for (const day of DAYS_OF_WEEK) {
    const ofDay = hours.filter((h) => h.day === day).sort((a, b) => minutesOf(a.opens, false)! - minutesOf(b.opens, false)!);
    for (let i = 1; i < ofDay.length; i++) {
      const before = ofDay[i - 1]!;
      const after = ofDay[i]!;
      if (minutesOf(after.opens, false)! < minutesOf(before.closes, true)!) {
        problems.push(
          `${day} ${before.opens}-${before.closes} overlaps ${day} ${after.opens}-${after.closes}; intervals of one day must not overlap`,
        );
      }
    }
  }
  return problems.length ? { problems } : { hours: sortHours(hours), problems };
}

/** Holidays: a list of real local dates YYYY-MM-DD; returned sorted and without repeats. */
export function checkHolidays(raw: unknown): { dates?: string[]; problems: string[] } {
  if (!Array.isArray(raw)) return { problems: ['must be a list of local dates "YYYY-MM-DD"'] };
  if (raw.length > 10_000) return { problems: ['must hold at most 10000 dates'] };
  const problems: string[] = [];
  for (const [index, value] of raw.entries()) {
    if (typeof value !== 'string' || !DATE.test(value) || !isRealDate(value)) {
      problems.push(`[${index}] must be a real local date "YYYY-MM-DD", got ${JSON.stringify(value)}`);
    }
  }
  return problems.length ? { problems } : { dates: [...new Set(raw as string[])].sort(), problems };
}

function isRealDate(value: string): boolean {
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' }).toString() === value;
  } catch {
    return false;
  }
}

function sortHours(hours: BusinessHours[]): BusinessHours[] {
  return [...hours].sort((a, b) => DAYS_OF_WEEK.indexOf(a.day) - DAYS_OF_WEEK.indexOf(b.day) || a.opens.localeCompare(b.opens));
}
