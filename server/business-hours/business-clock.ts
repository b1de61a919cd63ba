// Business time under one calendar, answered in O(log n): the open intervals are laid out once
// per run with running totals of open time, so the business time between two instants is the
// difference of two lookups, and "when does a target run out" is a binary search. The years
// covered grow on demand, so tickets spanning years cost no more than any other.
import { Temporal } from 'temporal-polyfill';
import type { CalendarRules } from './calendar-rules.js';
import { openIntervals } from './open-intervals.js';

/** How far ahead a target may run out before it is treated as never (a calendar open only on holidays' days). */
const MAX_YEARS_AHEAD = 30;
const DAY = 86_400_000;

export class BusinessClock {
  /** Local dates laid out: [first, end). Empty until the first question. */
  private first: Temporal.PlainDate | null = null;
  private end: Temporal.PlainDate | null = null;
  /** The same dates as UTC midnights (epoch ms), so the hot path compares numbers, not Temporal objects. */
  private firstMs = Infinity;
  private endMs = -Infinity;
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
    for (;;) {
      // The first interval whose end lies beyond the budget: the target runs out inside it.
      const n = this.starts.length;
      if (n > 0 && this.openAtEnd(n - 1) > budget) {
        let low = 0;
        let high = n - 1;
        while (low < high) {
          const mid = (low + high) >> 1;
          if (this.openAtEnd(mid) > budget) high = mid;
          else low = mid + 1;
        }
        return new Date(this.starts[low]! + (budget - this.before[low]!));
      }
      if (this.endMs - start > MAX_YEARS_AHEAD * 366 * DAY) return null;
      this.append(this.end!.add({ years: 1 }));
    }
  }

  private openAtEnd(i: number): number {
    return this.before[i]! + this.ends[i]! - this.starts[i]!;
  }

  /** Open milliseconds before instant t (t within the laid-out dates). */
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

  /**
   * Lays out the local dates around [a, b]: two days of margin cover any zone offset. Later
   * dates are appended in steps of at least a quarter (tickets mostly come in time order);
   * an earlier date than laid out starts over, a month before it.
   */
  private cover(a: number, b: number): void {
    if (a - 2 * DAY >= this.firstMs && b + 3 * DAY <= this.endMs) return;
    const needFirst = utcDate(a).subtract({ days: 2 });
    const needEnd = utcDate(b).add({ days: 3 });
    if (this.first === null || Temporal.PlainDate.compare(needFirst, this.first) < 0) {
      const end = this.end && Temporal.PlainDate.compare(this.end, needEnd) > 0 ? this.end : needEnd.add({ months: 3 });
      this.first = needFirst.subtract({ months: 1 });
      this.end = this.first;
      this.starts = [];
      this.ends = [];
      this.before = [];
      this.append(end);
    } else if (Temporal.PlainDate.compare(needEnd, this.end!) > 0) {
      this.append(needEnd.add({ months: 3 }));
    }
  }

  /** Lays out the dates from the current end up to `end`, merging an interval that runs across the seam. */
  private append(end: Temporal.PlainDate): void {
    const { starts, ends } = openIntervals(this.rules, this.end!, end);
    this.end = end;
    this.firstMs = Date.UTC(this.first!.year, this.first!.month - 1, this.first!.day);
    this.endMs = Date.UTC(end.year, end.month - 1, end.day);
    for (let i = 0; i < starts.length; i++) {
      const last = this.ends.length - 1;
      if (last >= 0 && starts[i]! <= this.ends[last]!) {
        this.ends[last] = Math.max(this.ends[last]!, ends[i]!);
        continue;
      }
      this.before.push(last >= 0 ? this.openAtEnd(last) : 0);
      this.starts.push(starts[i]!);
      this.ends.push(ends[i]!);
    }
  }
}

function utcDate(epochMs: number): Temporal.PlainDate {
  const date = new Date(epochMs);
  return new Temporal.PlainDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
