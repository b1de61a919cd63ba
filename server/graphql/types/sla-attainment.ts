// SlaAttainment (api-contract, second round): how many tickets met, missed or are still within
// a service-level target, and the attainment rate over those decided.
import type { SlaCounts } from '../../kpi/families/sla.js';
import { builder } from '../builder.js';
import { Rate, rateValue, type RateShape } from './kpi-values.js';

/** achieved / (achieved + breached): pending tickets are not decided yet. */
export const slaRate = (c: SlaCounts): RateShape => ({ numerator: c.achieved, denominator: c.achieved + c.breached });

/** The headline value of an SLA KPI (issue "ordering": its rate's value). */
export const slaHeadline = (c: SlaCounts): number | null => rateValue(slaRate(c));

export const SlaAttainment = builder.objectRef<SlaCounts>('SlaAttainment').implement({
  description:
    'Attainment of a service-level target over tickets that have one: achieved (ended within the target), breached (ended after it, or ' +
    'not ended and already past it), pending (not ended, still within it). rate = achieved / (achieved + breached), null when both are 0. ' +
    'Pending and breached depend on the time of the query: an answer with pending tickets can change without any write.',
  fields: (t) => ({
    rate: t.field({ type: Rate, resolve: slaRate }),
    achieved: t.exposeInt('achieved'),
    breached: t.exposeInt('breached'),
    pending: t.exposeInt('pending'),
  }),
});
