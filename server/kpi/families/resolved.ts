// Tickets placed by resolvedAt: resolvedCount, resolutionTime, and the counts of first contact
// resolution (first-contact.ts), which reads the same tickets: one pass serves both.
import { sqlFragment as f } from '../../db/sql-fragment.js';
import { Prisma } from '../../generated/prisma/client.js';
import { ticketFact } from '../facts.js';
import { wantsPercentiles, type KpiRequest } from '../request.js';
import { durationAggregatesMs, durationFromRow, emptyDuration, type DurationStats } from './duration.js';
import { runRollup, type RollupSpec } from '../rollups/read.js';
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

const fromRow = (row: Record<string, unknown>): ResolvedValues => ({
  resolvedCount: row.resolved_count as number,
  resolution: durationFromRow(row, 'res'),
  resolvedWithContact: row.fcr_all as number,
  resolvedOnFirstContact: row.fcr_yes as number,
});

/** The same values from the daily rollups (table kpi_day_resolved). */
const rollup: RollupSpec<ResolvedValues> = {
  table: f('kpi_day_resolved'),
  fact: ticketFact,
  timestamp: 't.resolved_at',
  measures: [
    [f('resolved'), f('1')],
    [f('res_count'), f('(t.resolution_ms IS NOT NULL)::int')],
    [f('res_ms'), f('coalesce(t.resolution_ms, 0)')],
    [f('fcr_all'), f('(t.interaction_count > 0)::int')],
    [f('fcr_yes'), f('(t.interaction_count = 1 AND t.transferred_interaction_count = 0 AND t.reopen_count = 0)::int')],
  ],
  presence: f('resolved'),
  select: Prisma.sql`sum(p.resolved)::int AS resolved_count, sum(p.res_count)::int AS res_count,
    (sum(p.res_ms)::numeric / nullif(sum(p.res_count), 0) / 1000)::float8 AS res_average,
    sum(p.fcr_all)::int AS fcr_all, sum(p.fcr_yes)::int AS fcr_yes`,
  durations: [
    {
      metric: 'res',
      prefix: 'res',
      kpi: 'resolutionTime',
      value: 't.resolution_ms',
      bin: f('deskql_duration_bin(t.resolution_ms)'),
      divisor: 1000,
    },
  ],
  fromRow,
};

export async function queryResolved(request: KpiRequest) {
  const rolled = await runRollup(rollup, request);
  if (rolled) return rolled;
  return runWindowAggregate<ResolvedValues>(
    {
      fact: ticketFact,
      timestamp: 't.resolved_at',
      aggregates: Prisma.sql`count(*)::int AS resolved_count,
        ${durationAggregatesMs('res', 't.resolution_ms', wantsPercentiles(request, 'resolutionTime'))},
        count(*) FILTER (WHERE t.interaction_count > 0)::int AS fcr_all,
        count(*) FILTER (WHERE t.interaction_count = 1 AND t.transferred_interaction_count = 0 AND t.reopen_count = 0)::int AS fcr_yes`,
      fromRow,
    },
    request,
  );
}
