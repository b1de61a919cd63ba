// Business seconds and SLA breach instants (docs/kpis.md "Business hours") against cases worked
// out by hand, across DST gaps and folds in three zones, 24:00, holidays, a 45-minute zone and
// a 30-minute DST, and against an independent computation (test/support/business-time-oracle.ts).
import { describe, expect, it } from 'vitest';
import { BusinessClock } from '../server/business-hours/business-clock.js';
import type { BusinessHours, CalendarRules } from '../server/business-hours/calendar-rules.js';
import { DAYS_OF_WEEK } from '../server/business-hours/calendar-rules.js';
import { oracleBusinessSeconds } from './support/business-time-oracle.js';

const at = (iso: string) => new Date(iso);
const weekdays = (opens: string, closes: string): BusinessHours[] =>
  (['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const).map((day) => ({ day, opens, closes }));
const calendar = (timeZone: string, weeklyHours: BusinessHours[], holidays: string[] = []): CalendarRules => ({
  timeZone,
  weeklyHours,
  holidays,
});
const seconds = (rules: CalendarRules, a: string, b: string) => new BusinessClock(rules).secondsBetween(at(a), at(b));

describe('business seconds, worked by hand', () => {
  const saoPaulo = calendar('America/Sao_Paulo', weekdays('09:00', '18:00'));

  it('skips the weekend: Friday 17:00 to Monday 10:00 in São Paulo (UTC-3) is 1 h + 1 h', () => {
    expect(seconds(saoPaulo, '2026-03-06T20:00:00Z', '2026-03-09T13:00:00Z')).toBe(7200);
    // Within one open interval it is the elapsed time, to the millisecond.
    expect(seconds(saoPaulo, '2026-03-09T12:00:00.250Z', '2026-03-09T12:00:01Z')).toBe(0.75);
    // Entirely outside opening hours.
    expect(seconds(saoPaulo, '2026-03-07T12:00:00Z', '2026-03-08T23:00:00Z')).toBe(0);
  });

  it('New York spring forward (2026-03-08 02:00 EST -> 03:00 EDT): a gap time moves forward by the gap', () => {
    // Sunday 01:00-04:00: 01:00 EST = 06:00Z, 04:00 EDT = 08:00Z: 2 h of open time.
    const sunday = calendar('America/New_York', [{ day: 'SUNDAY', opens: '01:00', closes: '04:00' }]);
    expect(seconds(sunday, '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z')).toBe(7200);
    // Sunday 02:30-05:00: 02:30 does not exist and becomes 03:30 EDT = 07:30Z; 05:00 EDT = 09:00Z: 1.5 h.
    const gap = calendar('America/New_York', [{ day: 'SUNDAY', opens: '02:30', closes: '05:00' }]);
    expect(seconds(gap, '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z')).toBe(5400);
    expect(new BusinessClock(gap).breachAt(at('2026-03-08T00:00:00Z'), 60)).toEqual(at('2026-03-08T07:31:00Z'));
  });

  it('New York fall back (2026-11-01 02:00 EDT -> 01:00 EST): an ambiguous time is the earlier instant', () => {
    // Sunday 00:00-03:00: 00:00 EDT = 04:00Z to 03:00 EST = 08:00Z: the 25-hour day gives 4 h.
    const night = calendar('America/New_York', [{ day: 'SUNDAY', opens: '00:00', closes: '03:00' }]);
    expect(seconds(night, '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z')).toBe(14400);
    // Sunday 01:30-02:00: 01:30 EDT (the first one) = 05:30Z, 02:00 EST = 07:00Z: 1.5 h.
    const fold = calendar('America/New_York', [{ day: 'SUNDAY', opens: '01:30', closes: '02:00' }]);
    expect(seconds(fold, '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z')).toBe(5400);
  });

  it('Europe/Lisbon spring forward (2026-03-29 01:00 WET -> 02:00 WEST): a day of 23 hours', () => {
    const allSunday = calendar('Europe/Lisbon', [{ day: 'SUNDAY', opens: '00:00', closes: '24:00' }]);
    expect(seconds(allSunday, '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z')).toBe(23 * 3600);
  });

  it('24:00 is the start of the next day: Monday 20:00-24:00 and Tuesday 00:00-02:00 join without a gap', () => {
    const late = calendar('UTC', [
      { day: 'MONDAY', opens: '20:00', closes: '24:00' },
      { day: 'TUESDAY', opens: '00:00', closes: '02:00' },
    ]);
    expect(seconds(late, '2026-03-02T19:00:00Z', '2026-03-03T03:00:00Z')).toBe(6 * 3600);
    // 60 s before midnight plus 120 s: the target runs out at 00:01 on Tuesday.
    expect(new BusinessClock(late).breachAt(at('2026-03-02T23:59:00Z'), 120)).toEqual(at('2026-03-03T00:01:00Z'));
  });

  it('holidays are closed all day: Thursday 24 Dec 16:00 to Monday 28 Dec 10:00 over Christmas Friday', () => {
    const office = calendar('UTC', weekdays('09:00', '17:00'), ['2026-12-25']);
    expect(seconds(office, '2026-12-24T16:00:00Z', '2026-12-28T10:00:00Z')).toBe(7200);
    // A holiday is a local date: in São Paulo 25 Dec runs 03:00Z to 03:00Z the next day.
    const brazil = calendar('America/Sao_Paulo', [{ day: 'FRIDAY', opens: '00:00', closes: '24:00' }], ['2026-12-25']);
    expect(seconds(brazil, '2026-12-24T00:00:00Z', '2026-12-27T00:00:00Z')).toBe(0);
  });

  it('Asia/Kathmandu (UTC+05:45): Monday 09:00 opens at 03:15Z', () => {
    const kathmandu = calendar('Asia/Kathmandu', weekdays('09:00', '17:00'));
    expect(seconds(kathmandu, '2026-03-02T03:00:00Z', '2026-03-02T04:00:00Z')).toBe(2700);
    expect(new BusinessClock(kathmandu).breachAt(at('2026-03-02T00:00:00Z'), 3600)).toEqual(at('2026-03-02T04:15:00Z'));
  });

  it('Australia/Lord_Howe: a 30-minute fall back (2026-04-05) and a 30-minute spring forward (2026-10-04)', () => {
    // 01:00 LHDT (+11) = 14:00Z on 4 April; 03:00 LHST (+10:30) = 16:30Z: 01:30-02:00 happens twice, 2.5 h.
    const april = calendar('Australia/Lord_Howe', [{ day: 'SUNDAY', opens: '01:00', closes: '03:00' }]);
    expect(seconds(april, '2026-04-04T00:00:00Z', '2026-04-06T00:00:00Z')).toBe(9000);
    // 02:00 is in the gap [02:00, 02:30) and moves to 02:30 LHDT = 15:30Z on 3 October; 03:00 LHDT = 16:00Z.
    const october = calendar('Australia/Lord_Howe', [{ day: 'SUNDAY', opens: '02:00', closes: '03:00' }]);
    expect(seconds(october, '2026-10-03T00:00:00Z', '2026-10-05T00:00:00Z')).toBe(1800);
  });

  it('spans years: two years of Monday-Friday 09:00-17:00 UTC are 523 weekdays of 8 h', () => {
    const office = calendar('UTC', weekdays('09:00', '17:00'));
    expect(seconds(office, '2024-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toBe(523 * 8 * 3600);
    // A target of 300 business hours from 2025-12-31 runs into February 2026 (37 days of 8 h + 4 h).
    const clock = new BusinessClock(office);
    const breach = clock.breachAt(at('2025-12-31T17:00:00Z'), 300 * 3600)!;
    expect(clock.secondsBetween(at('2025-12-31T17:00:00Z'), breach)).toBe(300 * 3600);
  });

  it('breach instant: a target that runs out at closing time breaches only when the desk opens again', () => {
    const saoPauloClock = new BusinessClock(saoPaulo);
    // Friday 17:00 local plus 1 h runs out at 18:00 Friday; nothing more is spent until Monday 09:00 (12:00Z).
    expect(saoPauloClock.breachAt(at('2026-03-06T20:00:00Z'), 3600)).toEqual(at('2026-03-09T12:00:00Z'));
    expect(saoPauloClock.breachAt(at('2026-03-06T20:00:00Z'), 7200)).toEqual(at('2026-03-09T13:00:00Z'));
  });
});

describe('business seconds against an independent computation', () => {
  const zones = ['America/New_York', 'America/Sao_Paulo', 'Europe/Lisbon', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
  // Days around DST changes of those zones in 2026, and plain days.
  const anchors = ['2026-03-08', '2026-11-01', '2026-03-29', '2026-10-25', '2026-04-05', '2026-10-04', '2026-06-15', '2026-12-24'];
  let seed = 20261202;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const time = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

  function randomCalendar(): CalendarRules {
    const weeklyHours: BusinessHours[] = [];
    for (const day of DAYS_OF_WEEK) {
      // Up to three intervals per day, on quarter hours and odd minutes, some ending at 24:00.
      let cursor = Math.floor(random() * 300);
      for (let i = 0; i < 3 && cursor < 1440 && random() < 0.8; i++) {
        const opens = cursor + Math.floor(random() * 180);
        if (opens >= 1439) break;
        const closes = random() < 0.15 ? 1440 : Math.min(1440, opens + 1 + Math.floor(random() * 480));
        weeklyHours.push({ day, opens: time(opens), closes: time(closes) });
        cursor = closes;
      }
    }
    if (weeklyHours.length === 0) weeklyHours.push({ day: 'SUNDAY', opens: '01:30', closes: '03:00' });
    const holidays = anchors.filter(() => random() < 0.2);
    return calendar(pick(zones), weeklyHours, holidays);
  }

  it('agrees to the second on 120 random spans around DST changes, with random calendars', () => {
    for (let i = 0; i < 120; i++) {
      const rules = randomCalendar();
      const anchor = Date.parse(`${pick(anchors)}T00:00:00Z`);
      const a = new Date(anchor + Math.floor((random() - 0.5) * 3 * 1440) * 60_000);
      const b = new Date(a.getTime() + Math.floor(random() * 4 * 1440) * 60_000);
      const clock = new BusinessClock(rules);
      const expected = oracleBusinessSeconds(rules, a, b);
      expect({ i, rules, a, b, seconds: clock.secondsBetween(a, b) }).toEqual({ i, rules, a, b, seconds: expected });
      // The breach instant of a target that runs out within the span: exactly the target spent by
      // then, and more one minute later.
      if (expected >= 120) {
        const target = 60 * Math.floor(random() * (expected / 60 - 1) + 1);
        const breach = clock.breachAt(a, target)!;
        expect(oracleBusinessSeconds(rules, a, breach)).toBe(target);
        expect(oracleBusinessSeconds(rules, a, new Date(breach.getTime() + 60_000))).toBeGreaterThan(target);
      }
    }
  }, 180_000);
});
