import type { ArgBuilder } from '@pothos/core';
import type { Prisma } from '../../generated/prisma/client.js';
import { builder } from '../builder.js';
import { idsIn, instantRange, valuesIn } from '../filters.js';
import { defineOrderInput } from '../ordering.js';
import { assertPageSize } from '../pagination.js';
import { ChannelEnum, PriorityEnum, TicketStatusEnum } from './enums.js';

export const TicketFilter = builder.inputType('TicketFilter', {
  description: 'Narrows a list of tickets. Lists match any of their values; fields combine with AND.',
  fields: (t) => ({
    statuses: t.field({ type: [TicketStatusEnum] }),
    channels: t.field({ type: [ChannelEnum] }),
    priorities: t.field({ type: [PriorityEnum] }),
    categories: t.stringList(),
    assigneeIds: t.idList({ description: 'Agent IDs. Combined with `unassigned: true`, either matches.' }),
    unassigned: t.boolean({ description: 'true: only tickets with no assignee (or those of assigneeIds).' }),
    teamIds: t.idList({ description: 'Team IDs.' }),
    customerIds: t.idList({ description: 'Customer IDs.' }),
    createdFrom: t.field({ type: 'DateTime', description: 'Opened at or after this instant.' }),
    createdTo: t.field({ type: 'DateTime', description: 'Opened before this instant (exclusive).' }),
  }),
});

export type TicketFilterShape = typeof TicketFilter.$inferInput;

export function ticketWhere(filter: TicketFilterShape | null | undefined): Prisma.TicketWhereInput {
  if (!filter) return {};
  const assignees = idsIn('Agent', filter.assigneeIds, 'filter.assigneeIds');
  const assigneeConditions: Prisma.TicketWhereInput[] = [];
  if (assignees) assigneeConditions.push({ assigneeId: assignees });
  if (filter.unassigned === true) assigneeConditions.push({ assigneeId: null });
  if (filter.unassigned === false) assigneeConditions.push({ assigneeId: { not: null } });
  return {
    status: valuesIn(filter.statuses),
    channel: valuesIn(filter.channels),
    priority: valuesIn(filter.priorities),
    category: valuesIn(filter.categories),
    teamId: idsIn('Team', filter.teamIds, 'filter.teamIds'),
    customerId: idsIn('Customer', filter.customerIds, 'filter.customerIds'),
    createdAt: instantRange(filter.createdFrom, filter.createdTo, 'filter.createdFrom/createdTo'),
    ...(assigneeConditions.length > 0 ? { OR: assigneeConditions } : {}),
  };
}

export const TicketOrder = defineOrderInput(
  'TicketOrder',
  'tickets',
  { CREATED_AT: 'createdAt', ID: 'id' },
  { field: 'CREATED_AT', direction: 'desc' },
);

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The arguments every ticket list takes: filter and orderBy. */
export function ticketListArgs(arg: ArgBuilder<BuilderTypes>) {
  return { filter: arg({ type: TicketFilter }), orderBy: arg({ type: TicketOrder.input }) };
}

/** The Prisma query of a ticket list, from its arguments (the page size is checked too). */
export function ticketListQuery(args: {
  filter?: TicketFilterShape | null;
  orderBy?: { field: string; direction: 'asc' | 'desc' } | null;
}) {
  assertPageSize(args);
  return { where: ticketWhere(args.filter), orderBy: TicketOrder.toOrderBy(args.orderBy) };
}
