// First contact resolution, over tickets placed by resolvedAt that had at least one
// interaction: resolved with exactly one, not transferred, never reopened.
import { Prisma } from '../../generated/prisma/client.js';
import { ticketFact } from '../facts.js';
import type { KpiRequest } from '../request.js';
import { runWindowAggregate } from './window-aggregate.js';

export interface FirstContactValues {
  resolvedOnFirstContact: number;
  resolvedWithContact: number;
}

export const emptyFirstContact = (): FirstContactValues => ({ resolvedOnFirstContact: 0, resolvedWithContact: 0 });

export function queryFirstContact(request: KpiRequest) {
  return runWindowAggregate<FirstContactValues>(
    {
      fact: ticketFact,
      timestamp: 't.resolved_at',
      // The ticket's interaction counts are kept at write time (migration kpi_facts).
      where: Prisma.sql`t.interaction_count > 0`,
      aggregates: Prisma.sql`count(*) FILTER (WHERE t.interaction_count = 1 AND t.transferred_interaction_count = 0 AND t.reopen_count = 0)::int AS fcr_yes,
        count(*)::int AS fcr_all`,
      fromRow: (row) => ({
        resolvedOnFirstContact: row.fcr_yes as number,
        resolvedWithContact: row.fcr_all as number,
      }),
    },
    request,
  );
}
