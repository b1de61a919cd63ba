// Tickets placed by resolvedAt: resolvedCount and resolutionTime.
import { Prisma } from '../../generated/prisma/client.js';
import { ticketFact } from '../facts.js';
import { wantsPercentiles, type KpiRequest } from '../request.js';
import { durationAggregatesMs, durationFromRow, emptyDuration, type DurationStats } from './duration.js';
import { runWindowAggregate } from './window-aggregate.js';

export interface ResolvedValues {
  resolvedCount: number;
  resolution: DurationStats;
}

export const emptyResolved = (): ResolvedValues => ({ resolvedCount: 0, resolution: emptyDuration() });

export function queryResolved(request: KpiRequest) {
  return runWindowAggregate<ResolvedValues>(
    {
      fact: ticketFact,
      timestamp: 't.resolved_at',
      aggregates: Prisma.sql`count(*)::int AS resolved_count,
        ${durationAggregatesMs('res', 't.resolution_ms', wantsPercentiles(request, 'resolutionTime'))}`,
      fromRow: (row) => ({ resolvedCount: row.resolved_count as number, resolution: durationFromRow(row, 'res') }),
    },
    request,
  );
}
