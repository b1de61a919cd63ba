// Interactions placed by startedAt: average handle time (talk + hold + wrap-up) and its parts.
import { sqlFragment as f } from '../../db/sql-fragment.js';
import { Prisma } from '../../generated/prisma/client.js';
import { interactionFact } from '../facts.js';
import { wantsPercentiles, type KpiRequest } from '../request.js';
import { durationFromRow, emptyDuration, histogramDurationAggregates, type DurationStats } from './duration.js';
import { runRollup, type RollupSpec } from '../rollups/read.js';
import { runWindowAggregate, runWindowHistogram } from './window-aggregate.js';

export interface HandleTimeValues extends DurationStats {
  averageTalk: number | null;
  averageHold: number | null;
  averageWrapUp: number | null;
}

export const emptyHandleTime = (): HandleTimeValues => ({ ...emptyDuration(), averageTalk: null, averageHold: null, averageWrapUp: null });

const fromRow = (row: Record<string, unknown>): HandleTimeValues => ({
  ...durationFromRow(row, 'aht'),
  averageTalk: row.avg_talk as number | null,
  averageHold: row.avg_hold as number | null,
  averageWrapUp: row.avg_wrap_up as number | null,
});

/** The same values from the daily rollups (table kpi_day_handle). */
const rollup: RollupSpec<HandleTimeValues> = {
  table: f('kpi_day_handle'),
  fact: interactionFact,
  timestamp: 'i.started_at',
  measures: [
    [f('n'), f('1')],
    [f('talk'), f('i.talk_seconds')],
    [f('hold'), f('i.hold_seconds')],
    [f('wrap_up'), f('i.wrap_up_seconds')],
  ],
  presence: f('n'),
  select: Prisma.sql`sum(p.n)::int AS aht_count,
    ((sum(p.talk) + sum(p.hold) + sum(p.wrap_up))::numeric / sum(p.n))::float8 AS aht_average,
    (sum(p.talk)::numeric / sum(p.n))::float8 AS avg_talk,
    (sum(p.hold)::numeric / sum(p.n))::float8 AS avg_hold,
    (sum(p.wrap_up)::numeric / sum(p.n))::float8 AS avg_wrap_up`,
  durations: [
    {
      metric: 'aht',
      prefix: 'aht',
      kpi: 'averageHandleTime',
      value: 'i.handle_seconds',
      bin: f('deskql_duration_bin(i.handle_seconds * 1000::bigint)'),
      divisor: 1,
    },
  ],
  fromRow,
};

export async function queryHandleTime(request: KpiRequest) {
  const rolled = await runRollup(rollup, request);
  if (rolled) return rolled;
  if (wantsPercentiles(request, 'averageHandleTime') && request.integerPercentiles !== 'sort') {
    // Handle times are whole seconds with a few thousand distinct values among millions of
    // interactions: on PostgreSQL counting them per value is far cheaper than sorting them all.
    // The embedded database sorts them below (KpiRequest.integerPercentiles).
    return runWindowHistogram<HandleTimeValues>(
      {
        fact: interactionFact,
        timestamp: 'i.started_at',
        value: 'i.handle_seconds',
        partials: Prisma.sql`sum(i.talk_seconds) AS talk, sum(i.hold_seconds) AS hold, sum(i.wrap_up_seconds) AS wrap_up`,
        aggregates: Prisma.sql`${histogramDurationAggregates('aht')},
          (sum(h.talk) / sum(h.n))::float8 AS avg_talk,
          (sum(h.hold) / sum(h.n))::float8 AS avg_hold,
          (sum(h.wrap_up) / sum(h.n))::float8 AS avg_wrap_up`,
        fromRow,
      },
      request,
    );
  }
  // Handle time is talk + hold + wrap-up (kept at write time, none of them null), so its
  // average comes from the parts' sums: three sums instead of four averages, the same numbers
  // (avg of integers is their numeric sum over the count).
  const percentiles = wantsPercentiles(request, 'averageHandleTime');
  const sorted = percentiles
    ? Prisma.sql`percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY i.handle_seconds)`
    : Prisma.sql`NULL::float8[]`;
  return runWindowAggregate<HandleTimeValues>(
    {
      fact: interactionFact,
      timestamp: 'i.started_at',
      aggregates: Prisma.sql`count(*)::int AS aht_count,
        ((sum(i.talk_seconds) + sum(i.hold_seconds) + sum(i.wrap_up_seconds))::numeric / count(*))::float8 AS aht_average,
        (${sorted})[1]::float8 AS aht_median,
        (${sorted})[2]::float8 AS aht_p90,
        (sum(i.talk_seconds)::numeric / count(*))::float8 AS avg_talk,
        (sum(i.hold_seconds)::numeric / count(*))::float8 AS avg_hold,
        (sum(i.wrap_up_seconds)::numeric / count(*))::float8 AS avg_wrap_up`,
      fromRow,
    },
    request,
  );
}
