// Tickets placed by resolvedAt: resolvedCount, resolutionTime, and the counts of first contact
// resolution (first-contact.ts), which reads the same tickets: one pass serves both.
import { Prisma } from '../../generated/prisma/client.js';
import { ticketFact } from '../facts.js';
import { wantsPercentiles, type KpiRequest } from '../request.js';
import { durationAggregatesMs, durationFromRow, emptyDuration, type DurationStats } from './duration.js';
import { runWindowAggregate } from './window-aggregate.js';

export interface ResolvedValues {
  resolvedCount: number;
  resolution: DurationStats;
  /** Of the resolved tickets, those with at least one interaction (kept at write time, migration kpi_facts)… */
  resolvedWithContact: number;
  /** …and of those, the ones resolved with exactly one, not transferred, never reopened. */
  resolvedOnFirstContact: number;
}

export const emptyResolved = (): ResolvedValues => ({
  resolvedCount: 0,
  resolution: emptyDuration(),
  resolvedWithContact: 0,
  resolvedOnFirstContact: 0,
});

export function queryResolved(request: KpiRequest) {
  return runWindowAggregate<ResolvedValues>(
    {
      fact: ticketFact,
      timestamp: 't.resolved_at',
      aggregates: Prisma.sql`count(*)::int AS resolved_count,
        ${durationAggregatesMs('res', 't.resolution_ms', wantsPercentiles(request, 'resolutionTime'))},
        count(*) FILTER (WHERE t.interaction_count > 0)::int AS fcr_all,
        count(*) FILTER (WHERE t.interaction_count = 1 AND t.transferred_interaction_count = 0 AND t.reopen_count = 0)::int AS fcr_yes`,
      fromRow: (row) => ({
        resolvedCount: row.resolved_count as number,
        resolution: durationFromRow(row, 'res'),
        resolvedWithContact: row.fcr_all as number,
        resolvedOnFirstContact: row.fcr_yes as number,
      }),
    },
    request,
  );
}
