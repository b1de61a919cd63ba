// Tickets placed by createdAt: ticketCount, firstResponseTime, selfServiceOpportunity.
import { sqlFragment as f } from '../../db/sql-fragment.js';
import { Prisma } from '../../generated/prisma/client.js';
import { ticketFact } from '../facts.js';
import { wantsPercentiles, type KpiRequest } from '../request.js';
import { durationAggregatesMs, durationFromRow, emptyDuration, type DurationStats } from './duration.js';
import { runRollup, type RollupSpec } from '../rollups/read.js';
import { runWindowAggregate } from './window-aggregate.js';

export interface CreatedValues {
  ticketCount: number;
  firstResponse: DurationStats;
  answeredByArticle: number;
}

export const emptyCreated = (): CreatedValues => ({ ticketCount: 0, firstResponse: emptyDuration(), answeredByArticle: 0 });

const fromRow = (row: Record<string, unknown>): CreatedValues => ({
  ticketCount: row.ticket_count as number,
  firstResponse: durationFromRow(row, 'frt'),
  answeredByArticle: row.answered_by_article as number,
});

/** The same values from the daily rollups (table kpi_day_created). */
const rollup: RollupSpec<CreatedValues> = {
  table: f('kpi_day_created'),
  fact: ticketFact,
  timestamp: 't.created_at',
  measures: [
    [f('tickets'), f('1')],
    [f('frt_count'), f('(t.first_response_ms IS NOT NULL)::int')],
    [f('frt_ms'), f('coalesce(t.first_response_ms, 0)')],
    [f('answered'), f('(t.knowledge_article_id IS NOT NULL)::int')],
  ],
  presence: f('tickets'),
  select: Prisma.sql`sum(p.tickets)::int AS ticket_count, sum(p.frt_count)::int AS frt_count,
    (sum(p.frt_ms)::numeric / nullif(sum(p.frt_count), 0) / 1000)::float8 AS frt_average,
    sum(p.answered)::int AS answered_by_article`,
  durations: [
    {
      metric: 'frt',
      prefix: 'frt',
      kpi: 'firstResponseTime',
      value: 't.first_response_ms',
      bin: f('deskql_duration_bin(t.first_response_ms)'),
      divisor: 1000,
    },
  ],
  fromRow,
};

export async function queryCreated(request: KpiRequest) {
  const rolled = await runRollup(rollup, request);
  if (rolled) return rolled;
  return runWindowAggregate<CreatedValues>(
    {
      fact: ticketFact,
      timestamp: 't.created_at',
      aggregates: Prisma.sql`count(*)::int AS ticket_count,
        ${durationAggregatesMs('frt', 't.first_response_ms', wantsPercentiles(request, 'firstResponseTime'))},
        count(*) FILTER (WHERE t.knowledge_article_id IS NOT NULL)::int AS answered_by_article`,
      fromRow,
    },
    request,
  );
}
