// What a KPI set is compared with (kpi-spec: "Comparison with the previous period" and
// "Comparing with last year"): the window each basis puts beside a current window.
import { previousWindow, type Window } from './period.js';
import { sameLocalTimeAYearEarlier } from './zoned-time.js';

export const COMPARISON_BASES = ['PREVIOUS_PERIOD', 'PREVIOUS_YEAR'] as const;
export type ComparisonBasis = (typeof COMPARISON_BASES)[number];

/** The same local calendar interval one year earlier in `timeZone`: both ends (and the label) move back a year. */
export function previousYearWindow(window: Window, timeZone: string): Window {
  const back = (date: Date) => new Date(sameLocalTimeAYearEarlier(date.getTime(), timeZone));
  return { label: back(window.label), start: back(window.start), end: back(window.end) };
}

export function comparedWindow(window: Window, basis: ComparisonBasis, timeZone: string): Window {
  return basis === 'PREVIOUS_YEAR' ? previousYearWindow(window, timeZone) : previousWindow(window);
}
