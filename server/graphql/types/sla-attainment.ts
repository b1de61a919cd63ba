// SlaAttainment (api-contract, second round): how many tickets met, missed or are still within
// a service-level target, and the attainment rate over those decided.
import type { SlaCounts } from '../../kpi/families/sla.js';
import { slaRate } from '../../kpi/value-shapes.js';
import { builder } from '../builder.js';
import { Rate } from './kpi-values.js';

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
