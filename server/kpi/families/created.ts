// Tickets placed by createdAt: ticketCount, firstResponseTime, selfServiceOpportunity.
import { Prisma } from '../../generated/prisma/client.js';
import { ticketFact } from '../facts.js';
import { wantsPercentiles, type KpiRequest } from '../request.js';
import { durationAggregatesMs, durationFromRow, emptyDuration, type DurationStats } from './duration.js';
import { runWindowAggregate } from './window-aggregate.js';

export interface CreatedValues {
  ticketCount: number;
  firstResponse: DurationStats;
  answeredByArticle: number;
}

export const emptyCreated = (): CreatedValues => ({ ticketCount: 0, firstResponse: emptyDuration(), answeredByArticle: 0 });

export function queryCreated(request: KpiRequest) {
  return runWindowAggregate<CreatedValues>(
    {
      fact: ticketFact,
      timestamp: 't.created_at',
      aggregates: Prisma.sql`count(*)::int AS ticket_count,
        ${durationAggregatesMs('frt', 't.first_response_ms', wantsPercentiles(request, 'firstResponseTime'))},
        count(*) FILTER (WHERE t.knowledge_article_id IS NOT NULL)::int AS answered_by_article`,
      fromRow: (row) => ({
        ticketCount: row.ticket_count as number,
        firstResponse: durationFromRow(row, 'frt'),
        answeredByArticle: row.answered_by_article as number,
      }),
    },
    request,
  );
}
