import type { Prisma } from '../../generated/prisma/client.js';
import { builder } from '../builder.js';
import { idsIn, instantRange, valuesIn } from '../filters.js';
import { defineOrderInput } from '../ordering.js';
import { SurveyKindEnum } from './enums.js';

export const SurveyResponseFilter = builder.inputType('SurveyResponseFilter', {
  description: 'Narrows a list of survey responses. Lists match any of their values; fields combine with AND.',
  fields: (t) => ({
    kinds: t.field({ type: [SurveyKindEnum] }),
    customerIds: t.idList({ description: 'Customer IDs.' }),
    ticketIds: t.idList({ description: 'Ticket IDs.' }),
    respondedFrom: t.field({ type: 'DateTime', description: 'Answered at or after this instant.' }),
    respondedTo: t.field({ type: 'DateTime', description: 'Answered before this instant (exclusive).' }),
  }),
});

export function surveyResponseWhere(filter: typeof SurveyResponseFilter.$inferInput | null | undefined): Prisma.SurveyResponseWhereInput {
  if (!filter) return {};
  return {
    kind: valuesIn(filter.kinds),
    customerId: idsIn('Customer', filter.customerIds, 'filter.customerIds'),
    ticketId: idsIn('Ticket', filter.ticketIds, 'filter.ticketIds'),
    respondedAt: instantRange(filter.respondedFrom, filter.respondedTo, 'filter.respondedFrom/respondedTo'),
  };
}

export const SurveyResponseOrder = defineOrderInput(
  'SurveyResponseOrder',
  'survey responses',
  { RESPONDED_AT: 'respondedAt', SCORE: 'score', ID: 'id' },
  { field: 'RESPONDED_AT', direction: 'desc' },
);
