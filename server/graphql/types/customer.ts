import { builder } from '../builder.js';
import { RECORDS } from '../../auth/scope-declarations.js';
import { assertPageSize, connectionSizes } from '../pagination.js';
import { CustomerFilter, CustomerOrder, customerWhere } from './customer-filter.js';
import { SurveyResponseFilter, SurveyResponseOrder, surveyResponseWhere } from './survey-response-filter.js';
import { ticketListArgs, ticketListQuery } from './ticket-filter.js';

export const CustomerNode = builder.prismaNode('Customer', {
  // A record with personal or ticket data: every field of it needs records:read.
  authScopes: RECORDS,
  id: { field: 'id' },
  // node(id:) answers null for an id that names no record, as Relay expects.
  nullable: true,
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    name: t.exposeString('name'),
    email: t.exposeString('email', { nullable: true }),
    segment: t.exposeString('segment', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    churnedAt: t.expose('churnedAt', { type: 'DateTime', nullable: true }),
    tickets: t.relatedConnection('tickets', {
      description: 'The tickets this customer opened.',
      cursor: 'id',
      ...connectionSizes,
      totalCount: true,
      args: ticketListArgs(t.arg),
      query: ticketListQuery,
    }),
    surveyResponses: t.relatedConnection('surveyResponses', {
      description: 'The surveys this customer answered.',
      cursor: 'id',
      ...connectionSizes,
      totalCount: true,
      args: { filter: t.arg({ type: SurveyResponseFilter }), orderBy: t.arg({ type: SurveyResponseOrder.input }) },
      query: (args) => {
        assertPageSize(args);
        return { where: surveyResponseWhere(args.filter), orderBy: SurveyResponseOrder.toOrderBy(args.orderBy) };
      },
    }),
  }),
});

builder.queryFields((t) => ({
  customers: t.prismaConnection(
    {
      authScopes: RECORDS,
      description: 'Customers, by name unless ordered otherwise.',
      type: 'Customer',
      cursor: 'id',
      ...connectionSizes,
      args: { filter: t.arg({ type: CustomerFilter }), orderBy: t.arg({ type: CustomerOrder.input }) },
      resolve: (query, _root, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.customer.findMany({
          ...query,
          where: customerWhere(args.filter),
          orderBy: CustomerOrder.toOrderBy(args.orderBy),
        });
      },
      totalCount: (_connection, args, ctx) => ctx.prisma.customer.count({ where: customerWhere(args.filter) }),
    },
    { name: 'CustomerConnection' },
    { name: 'CustomerEdge' },
  ),
}));
