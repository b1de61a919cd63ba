// Buckets: every granularity, two time zones, DST days of 23 and 25 hours, Monday weeks,
// partial first and last buckets, empty buckets, and comparison per slice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from './support/fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;

const created = [
  '2026-01-20T12:00:00Z',
  '2026-03-01T00:30:00Z', // 2026-02-28 21:30 in São Paulo (UTC-3)
  '2026-03-02T10:00:00Z',
  '2026-03-08T04:30:00Z', // New York: Mar 7 23:30 EST
  '2026-03-08T05:30:00Z', // New York: Mar 8 00:30 EST
  '2026-03-09T03:30:00Z', // New York: Mar 8 23:30 EDT (the 23-hour day)
  '2026-03-09T04:30:00Z', // New York: Mar 9 00:30 EDT
  '2026-05-05T00:00:00Z',
  '2026-11-01T05:30:00Z', // New York: 01:30 EDT
  '2026-11-01T06:30:00Z', // New York: 01:30 EST, the repeated hour
];

beforeAll(async () => {
  api = await startTestApi();
  const make = fixtures(api.db.prisma);
  const customer = await make.customer('Acme');
  for (const at of created) await make.ticket(customer.id, { createdAt: new Date(at) });
});
afterAll(() => api.close());

async function series(period: Record<string, string>, granularity: string) {
  const { kpiSlices } = await api.data(
    `query ($p: PeriodInput!, $g: Granularity) { kpiSlices(period: $p, granularity: $g) { bucketStart bucketEnd kpis { ticketCount } } }`,
    { p: period, g: granularity },
  );
  return kpiSlices.map((s: any) => [s.bucketStart, s.bucketEnd, s.kpis.ticketCount]);
}

describe('buckets', () => {
  it('DAY in UTC and in São Paulo put the same tickets on different days', async () => {
    expect(await series({ from: '2026-03-01T00:00:00Z', to: '2026-03-03T00:00:00Z' }, 'DAY')).toEqual([
      ['2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z', 1],
      ['2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z', 1],
    ]);
    expect(
      await series({ from: '2026-02-28T00:00:00-03:00', to: '2026-03-03T00:00:00-03:00', timeZone: 'America/Sao_Paulo' }, 'DAY'),
    ).toEqual([
      ['2026-02-28T03:00:00.000Z', '2026-03-01T03:00:00.000Z', 1],
      ['2026-03-01T03:00:00.000Z', '2026-03-02T03:00:00.000Z', 0], // empty buckets are returned
      ['2026-03-02T03:00:00.000Z', '2026-03-03T03:00:00.000Z', 1],
    ]);
  });

  it('makes the spring-forward day 23 hours long', async () => {
    expect(
      await series({ from: '2026-03-07T00:00:00-05:00', to: '2026-03-10T00:00:00-04:00', timeZone: 'America/New_York' }, 'DAY'),
    ).toEqual([
      ['2026-03-07T05:00:00.000Z', '2026-03-08T05:00:00.000Z', 1],
      ['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z', 2],
      ['2026-03-09T04:00:00.000Z', '2026-03-10T04:00:00.000Z', 1],
    ]);
  });

  it('keeps the repeated hour of the fall-back day apart (a 25-hour day)', async () => {
    const day = await series({ from: '2026-11-01T00:00:00-04:00', to: '2026-11-02T00:00:00-05:00', timeZone: 'America/New_York' }, 'DAY');
    expect(day).toEqual([['2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z', 2]]);
    const hours = await series(
      { from: '2026-11-01T00:00:00-04:00', to: '2026-11-01T03:00:00-05:00', timeZone: 'America/New_York' },
      'HOUR',
    );
    expect(hours).toEqual([
      ['2026-11-01T04:00:00.000Z', '2026-11-01T05:00:00.000Z', 0],
      ['2026-11-01T05:00:00.000Z', '2026-11-01T06:00:00.000Z', 1], // 01:00 EDT
      ['2026-11-01T06:00:00.000Z', '2026-11-01T07:00:00.000Z', 1], // 01:00 EST
      ['2026-11-01T07:00:00.000Z', '2026-11-01T08:00:00.000Z', 0],
    ]);
  });

  it('starts weeks on Monday; the first bucket may start before from and is clipped', async () => {
    // 2026-03-01 is a Sunday.
    expect(await series({ from: '2026-03-01T00:00:00Z', to: '2026-03-16T00:00:00Z' }, 'WEEK')).toEqual([
      ['2026-02-23T00:00:00.000Z', '2026-03-02T00:00:00.000Z', 1],
      ['2026-03-02T00:00:00.000Z', '2026-03-09T00:00:00.000Z', 3],
      ['2026-03-09T00:00:00.000Z', '2026-03-16T00:00:00.000Z', 2],
    ]);
  });

  it('buckets by MONTH, QUARTER and YEAR', async () => {
    const period = { from: '2026-01-15T00:00:00Z', to: '2026-06-15T00:00:00Z' };
    expect(await series(period, 'MONTH')).toEqual([
      ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', 1],
      ['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', 0],
      ['2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', 6],
      ['2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z', 0],
      ['2026-05-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z', 1],
      ['2026-06-01T00:00:00.000Z', '2026-06-15T00:00:00.000Z', 0],
    ]);
    expect(await series(period, 'QUARTER')).toEqual([
      ['2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', 7],
      ['2026-04-01T00:00:00.000Z', '2026-06-15T00:00:00.000Z', 1],
    ]);
    expect(await series(period, 'YEAR')).toEqual([['2026-01-01T00:00:00.000Z', '2026-06-15T00:00:00.000Z', 8]]);
  });

  it('counts a record at from and not one at to', async () => {
    expect(await series({ from: '2026-03-02T10:00:00Z', to: '2026-03-08T04:30:00Z' }, 'YEAR')).toEqual([
      ['2026-01-01T00:00:00.000Z', '2026-03-08T04:30:00.000Z', 1],
    ]);
  });

  it('compares each slice with the period of its own length just before it', async () => {
    const { kpiSlices } =
      await api.data(`{ kpiSlices(period: { from: "2026-03-08T00:00:00Z", to: "2026-03-10T00:00:00Z" }, granularity: DAY) {
      bucketStart kpis { ticketCount comparison { from to change { ticketCount { current previous absolute relative } } } } } }`);
    expect(kpiSlices.map((s: any) => [s.bucketStart, s.kpis.comparison.from, s.kpis.comparison.change.ticketCount])).toEqual([
      ['2026-03-08T00:00:00.000Z', '2026-03-07T00:00:00.000Z', { current: 2, previous: 0, absolute: 2, relative: null }],
      ['2026-03-09T00:00:00.000Z', '2026-03-08T00:00:00.000Z', { current: 2, previous: 2, absolute: 0, relative: 0 }],
    ]);
  });
});
