// The one reading of an instant that DeskQL accepts, in imports and in GraphQL: an ISO 8601
// date and time with an offset or Z, every part checked. JavaScript's Date alone rolls
// 2026-02-30 over to March 2, takes T24:00 and offsets like +23:59, and lets year 0000 through
// to fail later inside PostgreSQL with an unexpected error.

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):?(\d{2}))$/i;

/** Years DeskQL holds: after them PostgreSQL and ISO 8601's four-digit years disagree or end. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 9999;

export const INSTANT_EXAMPLE = '2026-03-02T09:00:00Z';

/** The instant `text` names, or a reason it names none (to follow "must be…" in messages). */
export function parseIsoInstant(text: unknown): { date: Date } | { problem: string } {
  const match = typeof text === 'string' ? PATTERN.exec(text) : null;
  if (!match) return { problem: `an ISO 8601 instant with an offset or Z, such as "${INSTANT_EXAMPLE}"` };
  const [, y, mo, d, h, mi, s = '0', , zone, sign, oh = '0', om = '0'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (year < FIRST_YEAR || year > LAST_YEAR) return { problem: `in the years ${FIRST_YEAR} to ${LAST_YEAR}` };
  if (month < 1 || month > 12) return { problem: `a real date: month ${mo} does not exist` };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return { problem: `a real date: ${y}-${mo} has ${daysInMonth} days` };
  if (hour > 23 || minute > 59 || second > 59) return { problem: 'a real time of day: hours 00-23, minutes and seconds 00-59' };
  if (zone!.toUpperCase() !== 'Z') {
    const offsetMinutes = Number(oh) * 60 + Number(om);
    if (Number(om) > 59 || offsetMinutes > (sign === '+' ? 14 * 60 : 12 * 60)) return { problem: 'an offset between -12:00 and +14:00' };
  }
  const date = new Date(text as string);
  if (Number.isNaN(date.getTime())) return { problem: `an ISO 8601 instant with an offset or Z, such as "${INSTANT_EXAMPLE}"` };
  return { date };
}
