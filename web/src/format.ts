// How numbers read on the page: counts with separators, rates as percentages, durations in
// the largest sensible unit, and a dash for an empty sample (the API's null), never 0.
const counts = new Intl.NumberFormat('en-US');
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const EMPTY = '–';

export type Unit = 'count' | 'rate' | 'seconds' | 'score' | 'nps';

export function formatValue(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY;
  switch (unit) {
    case 'count':
      return counts.format(value);
    case 'rate':
      return `${oneDecimal.format(value * 100)}%`;
    case 'seconds':
      return formatDuration(value);
    case 'score':
      return oneDecimal.format(value);
    case 'nps':
      return oneDecimal.format(value);
  }
}

export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${oneDecimal.format(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${oneDecimal.format(seconds / 3600)} h`;
  return `${oneDecimal.format(seconds / 86_400)} d`;
}

/** The change against the previous period, in the KPI's own terms (rates in points). */
export function formatChange(absolute: number | null | undefined, relative: number | null | undefined, unit: Unit): string {
  if (absolute === null || absolute === undefined) return 'no previous value';
  const sign = absolute > 0 ? '+' : absolute < 0 ? '−' : '±';
  const magnitude = Math.abs(absolute);
  let text: string;
  if (unit === 'rate') text = `${sign}${oneDecimal.format(magnitude * 100)} pts`;
  else if (unit === 'seconds') text = `${sign}${formatDuration(magnitude)}`;
  else if (unit === 'count') text = `${sign}${counts.format(magnitude)}`;
  else text = `${sign}${oneDecimal.format(magnitude)}`;
  if (unit !== 'rate' && relative !== null && relative !== undefined) text += ` (${sign}${oneDecimal.format(Math.abs(relative) * 100)}%)`;
  return text;
}

export function formatInstant(iso: string | null | undefined, timeZone: string, withTime = true): string {
  if (!iso) return EMPTY;
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
  }).format(new Date(iso));
}

export function formatDay(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
