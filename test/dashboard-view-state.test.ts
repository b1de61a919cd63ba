// The dashboard's view in the URL and its calendar days in a time zone (web/src), checked
// without a browser: the period the page sends must be the zone's midnights, DST included.
import { describe, expect, it } from 'vitest';
import { readViewState, writeViewState, presetDays } from '../web/src/view-state.ts';
import { startOfDay, today } from '../web/src/zoned-dates.ts';

describe('calendar days in a time zone', () => {
  it('starts a day at the zone midnight, on either side of a DST change', () => {
    expect(startOfDay('2026-03-01', 'UTC')).toBe('2026-03-01T00:00:00.000Z');
    expect(startOfDay('2026-03-01', 'America/Sao_Paulo')).toBe('2026-03-01T03:00:00.000Z');
    // Berlin moves to summer time on 29 March 2026 at 02:00.
    expect(startOfDay('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDay('2026-03-30', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDay('2026-10-25', 'Europe/Berlin')).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDay('2026-10-26', 'Europe/Berlin')).toBe('2026-10-25T23:00:00.000Z');
    expect(startOfDay('2026-07-01', 'Asia/Kolkata')).toBe('2026-06-30T18:30:00.000Z');
  });

  it("knows today's date on the zone's wall clock", () => {
    const instant = Date.parse('2026-03-01T02:00:00Z');
    expect(today('UTC', instant)).toBe('2026-03-01');
    expect(today('America/Sao_Paulo', instant)).toBe('2026-02-28');
    expect(today('Asia/Tokyo', instant)).toBe('2026-03-01');
  });
});

describe('the view in the URL', () => {
  const now = Date.parse('2026-03-15T12:00:00Z');

  it('reads presets relative to today in the zone, and defaults what is missing or wrong', () => {
    expect(readViewState('?preset=7d&tz=UTC', now)).toEqual({
      preset: '7d',
      from: '2026-03-09',
      to: '2026-03-15',
      timeZone: 'UTC',
      granularity: 'DAY',
      team: '',
    });
    expect(presetDays('last-month', 'UTC', now)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetDays('quarter', 'UTC', now)).toEqual({ from: '2026-01-01', to: '2026-03-15' });
    expect(presetDays('12m', 'UTC', now)).toEqual({ from: '2025-04-01', to: '2026-03-15' });
    expect(readViewState('?preset=12m&tz=UTC', now).granularity).toBe('MONTH');
    const fallback = readViewState('?preset=nonsense&tz=Not/AZone&granularity=CENTURY', now);
    expect(fallback.preset).toBe('30d');
    expect(fallback.granularity).toBe('DAY');
  });

  it('keeps custom dates, granularity and team, and writes them back the same', () => {
    const search = '?preset=custom&from=2026-01-05&to=2026-02-10&tz=Europe%2FBerlin&granularity=WEEK&team=VGVhbTox';
    const state = readViewState(search, now);
    expect(state).toEqual({
      preset: 'custom',
      from: '2026-01-05',
      to: '2026-02-10',
      timeZone: 'Europe/Berlin',
      granularity: 'WEEK',
      team: 'VGVhbTox',
    });
    expect(writeViewState(state)).toBe(search);
    // A reversed or impossible range is not a custom period.
    expect(readViewState('?from=2026-02-10&to=2026-01-05&tz=UTC', now).preset).toBe('30d');
    expect(readViewState('?from=2026-02-30&to=2026-03-05&tz=UTC', now).preset).toBe('30d');
  });

  it('never carries an API key', () => {
    expect(writeViewState(readViewState('?preset=7d&tz=UTC&key=dq_secret&apiKey=dq_secret', now))).not.toContain('dq_');
  });
});
