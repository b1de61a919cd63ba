// What the dashboard shows, kept in the URL's query string so a view can be shared as a link:
// period (a preset or custom dates), time zone, chart granularity and team. The API key is
// never part of it (see api-key.ts).
import { addDays, daysBetween, isCalendarDate, isTimeZone, monthStart, quarterStart, today, type CalendarDate } from './zoned-dates.ts';

export const PRESETS = ['7d', '30d', '90d', 'month', 'last-month', 'quarter', '12m', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

export const GRANULARITIES = ['HOUR', 'DAY', 'WEEK', 'MONTH', 'QUARTER'] as const;
export type ChartGranularity = (typeof GRANULARITIES)[number];

export interface ViewState {
  preset: Preset;
  /** First day shown, on the zone's calendar. */
  from: CalendarDate;
  /** Last day shown (inclusive), on the zone's calendar. */
  to: CalendarDate;
  timeZone: string;
  granularity: ChartGranularity;
  /** A team's global ID, or '' for every team the key may see. */
  team: string;
}

export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : 'UTC';
}

/** The days a preset covers, ending today in `timeZone` (inclusive). */
export function presetDays(
  preset: Exclude<Preset, 'custom'>,
  timeZone: string,
  now = Date.now(),
): { from: CalendarDate; to: CalendarDate } {
  const day = today(timeZone, now);
  switch (preset) {
    case '7d':
      return { from: addDays(day, -6), to: day };
    case '30d':
      return { from: addDays(day, -29), to: day };
    case '90d':
      return { from: addDays(day, -89), to: day };
    case 'month':
      return { from: monthStart(day), to: day };
    case 'last-month':
      return { from: monthStart(day, -1), to: addDays(monthStart(day), -1) };
    case 'quarter':
      return { from: quarterStart(day), to: day };
    case '12m':
      return { from: monthStart(day, -11), to: day };
  }
}

/** A granularity that keeps the chart readable for a period of `days`. */
export function defaultGranularity(days: number): ChartGranularity {
  if (days <= 2) return 'HOUR';
  if (days <= 62) return 'DAY';
  if (days <= 200) return 'WEEK';
  return 'MONTH';
}

/** Reads the view from a query string; anything missing or invalid falls back to a default. */
export function readViewState(search: string, now = Date.now()): ViewState {
  const params = new URLSearchParams(search);
  const zone = params.get('tz') ?? '';
  const timeZone = isTimeZone(zone) ? zone : browserTimeZone();
  const from = params.get('from');
  const to = params.get('to');
  let preset = (PRESETS as readonly string[]).includes(params.get('preset') ?? '') ? (params.get('preset') as Preset) : null;
  let days: { from: CalendarDate; to: CalendarDate };
  if ((preset === 'custom' || preset === null) && isCalendarDate(from) && isCalendarDate(to) && from <= to) {
    preset = 'custom';
    days = { from, to };
  } else {
    preset = preset && preset !== 'custom' ? preset : '30d';
    days = presetDays(preset, timeZone, now);
  }
  const asked = params.get('granularity') ?? '';
  const granularity = (GRANULARITIES as readonly string[]).includes(asked)
    ? (asked as ChartGranularity)
    : defaultGranularity(daysBetween(days.from, days.to) + 1);
  return { preset, ...days, timeZone, granularity, team: params.get('team') ?? '' };
}

/** The query string of a view: presets stay relative ("last 30 days" tomorrow is tomorrow's). */
export function writeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  params.set('preset', state.preset);
  if (state.preset === 'custom') {
    params.set('from', state.from);
    params.set('to', state.to);
  }
  params.set('tz', state.timeZone);
  params.set('granularity', state.granularity);
  if (state.team) params.set('team', state.team);
  return `?${params.toString()}`;
}
