import { builder } from '../builder.js';
import { DIRECTORY } from '../../auth/scope-declarations.js';
import { defineOrderInput } from '../ordering.js';
import { assertPageSize, connectionSizes } from '../pagination.js';
import { AgentFilter, AgentOrder, agentWhere } from './agent-filter.js';
import { ticketListArgs, ticketListQuery } from './ticket-filter.js';

const TeamOrder = defineOrderInput('TeamOrder', 'teams', { NAME: 'name', ID: 'id' }, { field: 'NAME', direction: 'asc' });

export const TeamNode = builder.prismaNode('Team', {
  id: { field: 'id' },
  // node(id:) answers null for an id that names no record, as Relay expects.
  nullable: true,
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    name: t.exposeString('name'),
    agents: t.relatedConnection('agents', {
      description: 'The agents of this team.',
      cursor: 'id',
      ...connectionSizes,
      totalCount: true,
      args: { filter: t.arg({ type: AgentFilter }), orderBy: t.arg({ type: AgentOrder.input }) },
      query: (args) => {
        assertPageSize(args);
        return { where: agentWhere(args.filter), orderBy: AgentOrder.toOrderBy(args.orderBy) };
      },
    }),
    tickets: t.relatedConnection('tickets', {
      description: 'The tickets routed to this team.',
      cursor: 'id',
      ...connectionSizes,
      totalCount: true,
      args: ticketListArgs(t.arg),
      query: ticketListQuery,
    }),
  }),
});

builder.queryFields((t) => ({
  teams: t.prismaConnection(
    {
      authScopes: DIRECTORY,
      description: 'Every team.',
      type: 'Team',
      cursor: 'id',
      ...connectionSizes,
      args: { orderBy: t.arg({ type: TeamOrder.input }) },
      resolve: (query, _root, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.team.findMany({ ...query, orderBy: TeamOrder.toOrderBy(args.orderBy) });
      },
      totalCount: (_connection, _args, ctx) => ctx.prisma.team.count(),
    },
    { name: 'TeamConnection' },
    { name: 'TeamEdge' },
  ),
}));
