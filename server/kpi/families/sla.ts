// SLA attainment (kpi-spec "Service-level targets"), over tickets created in the window that
// have a target. Whether an ended ticket met its target is stored at write time; for one not
// yet ended the stored instant after which it breaches is compared with the request's `now`,
// the only part of the answer that changes as time passes.
import { Prisma } from '../../generated/prisma/client.js';
import { businessTimeFact } from '../facts.js';
import type { KpiRequest } from '../request.js';
import { runWindowAggregate } from './window-aggregate.js';

export interface SlaCounts {
  achieved: number;
  breached: number;
  pending: number;
}

export interface SlaValues {
  firstResponse: SlaCounts;
  resolution: SlaCounts;
}

const emptyCounts = (): SlaCounts => ({ achieved: 0, breached: 0, pending: 0 });
export const emptySla = (): SlaValues => ({ firstResponse: emptyCounts(), resolution: emptyCounts() });

/** The SLA metrics and their columns in ticket_business_time. */
export const SLA_METRICS = { firstResponse: 'first_response_sla', resolution: 'resolution_sla' } as const;
export type SlaMetric = keyof typeof SLA_METRICS;
export type SlaOutcome = keyof SlaCounts;

/** The condition for one outcome of one metric, as SQL over `b` (ticket_business_time). */
export function slaOutcomeSql(metric: SlaMetric, outcome: SlaOutcome, now: Date): Prisma.Sql {
  const column = (suffix: string) => Prisma.raw(`b.${SLA_METRICS[metric]}_${suffix}`);
  switch (outcome) {
    case 'achieved':
      return Prisma.sql`${column('met')}`;
    case 'breached':
      return Prisma.sql`(NOT ${column('met')} OR (${column('met')} IS NULL AND ${column('target')} IS NOT NULL AND ${column('breach_at')} < ${now}))`;
    case 'pending':
      return Prisma.sql`(${column('met')} IS NULL AND ${column('target')} IS NOT NULL AND (${column('breach_at')} IS NULL OR ${column('breach_at')} >= ${now}))`;
  }
}

export function querySla(request: KpiRequest) {
  const now = request.now ?? new Date();
  const counts = (metric: SlaMetric) =>
    (['achieved', 'breached', 'pending'] as const).map(
      (outcome) =>
        Prisma.sql`count(*) FILTER (WHERE ${slaOutcomeSql(metric, outcome, now)})::int AS ${Prisma.raw(`${SLA_METRICS[metric]}_${outcome}`)}`,
    );
  const read = (row: Record<string, unknown>, metric: SlaMetric): SlaCounts => ({
    achieved: row[`${SLA_METRICS[metric]}_achieved`] as number,
    breached: row[`${SLA_METRICS[metric]}_breached`] as number,
    pending: row[`${SLA_METRICS[metric]}_pending`] as number,
  });
  return runWindowAggregate<SlaValues>(
    {
      fact: businessTimeFact,
      timestamp: 'b.created_at',
      aggregates: Prisma.join([...counts('firstResponse'), ...counts('resolution')]),
      fromRow: (row) => ({ firstResponse: read(row, 'firstResponse'), resolution: read(row, 'resolution') }),
    },
    request,
  );
}
