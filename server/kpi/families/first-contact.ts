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
      // Per ticket, through the interaction(ticket_id) index: cheap for the tickets in the window.
      extraJoins: Prisma.sql`JOIN LATERAL (
          SELECT count(*)::int AS contacts, coalesce(bool_or(i.transferred), false) AS transferred
          FROM interaction i WHERE i.ticket_id = t.id) ia ON ia.contacts > 0`,
      aggregates: Prisma.sql`count(*) FILTER (WHERE ia.contacts = 1 AND NOT ia.transferred AND t.reopen_count = 0)::int AS fcr_yes,
        count(*)::int AS fcr_all`,
      fromRow: (row) => ({
        resolvedOnFirstContact: row.fcr_yes as number,
        resolvedWithContact: row.fcr_all as number,
      }),
    },
    request,
  );
}
