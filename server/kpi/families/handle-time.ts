// Interactions placed by startedAt: average handle time (talk + hold + wrap-up) and its parts.
import { Prisma } from '../../generated/prisma/client.js';
import { interactionFact } from '../facts.js';
import { wantsPercentiles, type KpiRequest } from '../request.js';
import { durationAggregates, durationFromRow, emptyDuration, type DurationStats } from './duration.js';
import { runWindowAggregate } from './window-aggregate.js';

export interface HandleTimeValues extends DurationStats {
  averageTalk: number | null;
  averageHold: number | null;
  averageWrapUp: number | null;
}

export const emptyHandleTime = (): HandleTimeValues => ({ ...emptyDuration(), averageTalk: null, averageHold: null, averageWrapUp: null });

export function queryHandleTime(request: KpiRequest) {
  return runWindowAggregate<HandleTimeValues>(
    {
      fact: interactionFact,
      timestamp: 'i.started_at',
      aggregates: Prisma.sql`${durationAggregates('aht', 'i.handle_seconds', wantsPercentiles(request, 'averageHandleTime'))},
        avg(i.talk_seconds)::float8 AS avg_talk,
        avg(i.hold_seconds)::float8 AS avg_hold,
        avg(i.wrap_up_seconds)::float8 AS avg_wrap_up`,
      fromRow: (row) => ({
        ...durationFromRow(row, 'aht'),
        averageTalk: row.avg_talk as number | null,
        averageHold: row.avg_hold as number | null,
        averageWrapUp: row.avg_wrap_up as number | null,
      }),
    },
    request,
  );
}
