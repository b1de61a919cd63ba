import { builder } from '../builder.js';
import { RECORDS } from '../../auth/scope-declarations.js';
import { assertPageSize, connectionSizes, orderWithTieBreaker } from '../pagination.js';
import { ChannelEnum, PriorityEnum, TicketStatusEnum } from './enums.js';
import { TicketFilter, TicketOrder, ticketWhere } from './ticket-filter.js';

export const TicketNode = builder.prismaNode('Ticket', {
  // A record with personal or ticket data: every field of it needs records:read.
  authScopes: RECORDS,
  id: { field: 'id' },
  // node(id:) answers null for an id that names no record, as Relay expects.
  nullable: true,
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    subject: t.exposeString('subject'),
    channel: t.expose('channel', { type: ChannelEnum }),
    priority: t.expose('priority', { type: PriorityEnum }),
    category: t.exposeString('category', { nullable: true }),
    status: t.expose('status', { type: TicketStatusEnum }),
    customer: t.relation('customer'),
    assignee: t.relation('assignee', { nullable: true }),
    team: t.relation('team', { nullable: true }),
    knowledgeArticle: t.relation('knowledgeArticle', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    firstResponseAt: t.expose('firstResponseAt', { type: 'DateTime', nullable: true }),
    resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true }),
    reopenCount: t.exposeInt('reopenCount'),
    interactions: t.relatedConnection('interactions', {
      description: 'The handlings of this ticket, in the order they started.',
      cursor: 'id',
      ...connectionSizes,
      totalCount: true,
      query: (args) => {
        assertPageSize(args);
        return { orderBy: orderWithTieBreaker('startedAt', 'asc') };
      },
    }),
    surveyResponses: t.relatedConnection('surveyResponses', {
      description: 'The survey responses about this ticket, in the order they were given.',
      cursor: 'id',
      ...connectionSizes,
      totalCount: true,
      query: (args) => {
        assertPageSize(args);
        return { orderBy: orderWithTieBreaker('respondedAt', 'asc') };
      },
    }),
  }),
});

builder.queryFields((t) => ({
  tickets: t.prismaConnection(
    {
      authScopes: RECORDS,
      description: 'Tickets, newest first unless ordered otherwise.',
      type: 'Ticket',
      cursor: 'id',
      ...connectionSizes,
      args: { filter: t.arg({ type: TicketFilter }), orderBy: t.arg({ type: TicketOrder.input }) },
      resolve: (query, _root, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.ticket.findMany({ ...query, where: ticketWhere(args.filter), orderBy: TicketOrder.toOrderBy(args.orderBy) });
      },
      totalCount: (_connection, args, ctx) => ctx.prisma.ticket.count({ where: ticketWhere(args.filter) }),
    },
    { name: 'TicketConnection' },
    { name: 'TicketEdge' },
  ),
}));
