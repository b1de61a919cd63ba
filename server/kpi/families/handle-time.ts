// Interactions placed by startedAt: average handle time (talk + hold + wrap-up) and its parts.
import { Prisma } from '../../generated/prisma/client.js';
import { interactionFact } from '../facts.js';
import { wantsPercentiles, type KpiRequest } from '../request.js';
import { durationAggregates, durationFromRow, emptyDuration, histogramDurationAggregates, type DurationStats } from './duration.js';
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

export function queryHandleTime(request: KpiRequest) {
  if (wantsPercentiles(request, 'averageHandleTime')) {
    // Handle times are whole seconds with a few thousand distinct values among millions of
    // interactions: counting them per value is far cheaper than sorting them all.
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
  return runWindowAggregate<HandleTimeValues>(
    {
      fact: interactionFact,
      timestamp: 'i.started_at',
      aggregates: Prisma.sql`${durationAggregates('aht', 'i.handle_seconds', false)},
        avg(i.talk_seconds)::float8 AS avg_talk,
        avg(i.hold_seconds)::float8 AS avg_hold,
        avg(i.wrap_up_seconds)::float8 AS avg_wrap_up`,
      fromRow,
    },
    request,
  );
}
