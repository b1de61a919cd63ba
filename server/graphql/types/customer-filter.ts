import type { Prisma } from '../../generated/prisma/client.js';
import { builder } from '../builder.js';
import { instantRange, valuesIn } from '../filters.js';
import { defineOrderInput } from '../ordering.js';

export const CustomerFilter = builder.inputType('CustomerFilter', {
  description: 'Narrows a list of customers. Fields combine with AND.',
  fields: (t) => ({
    segments: t.stringList({ description: 'Segments such as "enterprise"; the customer is in any of them.' }),
    churned: t.boolean({ description: 'true: only customers who have churned; false: only current ones.' }),
    createdFrom: t.field({ type: 'DateTime', description: 'Became a customer at or after this instant.' }),
    createdTo: t.field({ type: 'DateTime', description: 'Became a customer before this instant (exclusive).' }),
  }),
});

export function customerWhere(filter: typeof CustomerFilter.$inferInput | null | undefined): Prisma.CustomerWhereInput {
  if (!filter) return {};
  return {
    segment: valuesIn(filter.segments),
    churnedAt: filter.churned == null ? undefined : filter.churned ? { not: null } : null,
    createdAt: instantRange(filter.createdFrom, filter.createdTo, 'filter.createdFrom/createdTo'),
  };
}

export const CustomerOrder = defineOrderInput(
  'CustomerOrder',
  'customers',
  { NAME: 'name', CREATED_AT: 'createdAt', ID: 'id' },
  { field: 'NAME', direction: 'asc' },
);
