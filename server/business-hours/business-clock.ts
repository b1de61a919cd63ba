// Business time under one calendar, answered in O(log n): the open intervals are laid out once
// per run with running totals of open time, so the business time between two instants is the
// difference of two lookups, and "when does a target run out" is a binary search. The years
// covered grow on demand, so tickets spanning years cost no more than any other.
import { Temporal } from 'temporal-polyfill';
import type { CalendarRules } from './calendar-rules.js';
import { openIntervals } from './open-intervals.js';

/** How far ahead a target may run out before it is treated as never (a calendar open only on holidays' days). */
const MAX_YEARS_AHEAD = 30;

export class BusinessClock {
  private firstYear = 0;
  private lastYear = -1; // covered: local dates of [firstYear, lastYear]
  private starts: number[] = [];
  private ends: number[] = [];
  /** Open milliseconds before interval i. */
  private before: number[] = [];

  constructor(private readonly rules: CalendarRules) {}

  /** Business seconds in [a, b) (a <= b); exact to the millisecond. */
  secondsBetween(a: Date, b: Date): number {
    this.cover(a.getTime(), b.getTime());
    return (this.openBefore(b.getTime()) - this.openBefore(a.getTime())) / 1000;
  }

  /**
   * The last instant at which no more than `targetSeconds` of business time has passed since
   * `from`: a ticket still open after it has breached its target. Null when the calendar does
   * not open long enough within MAX_YEARS_AHEAD.
   */
  breachAt(from: Date, targetSeconds: number): Date | null {
    const start = from.getTime();
    this.cover(start, start);
    const budget = this.openBefore(start) + targetSeconds * 1000;
    const startYear = new Date(start).getUTCFullYear();
    for (;;) {
      // The first interval whose end lies beyond the budget: the target runs out inside it.
      const n = this.starts.length;
      if (n > 0 && this.before[n - 1]! + this.ends[n - 1]! - this.starts[n - 1]! > budget) {
        let low = 0;
        let high = n - 1;
        while (low < high) {
          const mid = (low + high) >> 1;
          if (this.before[mid]! + this.ends[mid]! - this.starts[mid]! > budget) high = mid;
          else low = mid + 1;
        }
        return new Date(this.starts[low]! + (budget - this.before[low]!));
      }
      if (this.lastYear - startYear >= MAX_YEARS_AHEAD) return null;
      this.extendTo(this.firstYear, this.lastYear + 1);
    }
  }

  /** Open milliseconds before instant t (t within the covered years). */
  private openBefore(t: number): number {
    // The last interval starting at or before t.
    let low = 0;
    let high = this.starts.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid]! <= t) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (found < 0) return 0;
    return this.before[found]! + Math.min(t, this.ends[found]!) - this.starts[found]!;
  }

  /** Makes sure every local date around [a, b] is laid out (a year of margin on each side covers any offset). */
  private cover(a: number, b: number): void {
    const first = new Date(a).getUTCFullYear() - 1;
    const last = new Date(b).getUTCFullYear() + 1;
    if (this.lastYear >= this.firstYear && first >= this.firstYear && last <= this.lastYear) return;
    this.extendTo(this.lastYear >= this.firstYear ? Math.min(first, this.firstYear) : first, Math.max(last, this.lastYear));
  }

  private extendTo(firstYear: number, lastYear: number): void {
    const { starts, ends } = openIntervals(
      this.rules,
      Temporal.PlainDate.from({ year: firstYear, month: 1, day: 1 }),
      Temporal.PlainDate.from({ year: lastYear + 1, month: 1, day: 1 }),
    );
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.starts = starts;
    this.ends = ends;
    this.before = new Array<number>(starts.length);
    let total = 0;
    for (let i = 0; i < starts.length; i++) {
      this.before[i] = total;
      total += ends[i]! - starts[i]!;
    }
  }
}
