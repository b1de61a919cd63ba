import { prisma } from '../../db/prisma.js';
import { builder } from '../builder.js';
import { assertPageSize, connectionSizes, orderWithTieBreaker } from '../pagination.js';
import { AgentFilter, AgentOrder, agentWhere } from './agent-filter.js';
import { ticketListArgs, ticketListQuery } from './ticket-filter.js';

export const AgentNode = builder.prismaNode('Agent', {
  id: { field: 'id' },
  // node(id:) answers null for an id that names no record, as Relay expects.
  nullable: true,
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    name: t.exposeString('name'),
    email: t.exposeString('email'),
    active: t.exposeBoolean('active'),
    team: t.relation('team', { nullable: true }),
    tickets: t.relatedConnection('tickets', {
      description: 'The tickets assigned to this agent.',
      cursor: 'id',
      ...connectionSizes,
      totalCount: true,
      args: ticketListArgs(t.arg),
      query: ticketListQuery,
    }),
    interactions: t.relatedConnection('interactions', {
      description: 'The handlings of tickets by this agent, newest first.',
      cursor: 'id',
      ...connectionSizes,
      totalCount: true,
      query: (args) => {
        assertPageSize(args);
        return { orderBy: orderWithTieBreaker('startedAt', 'desc') };
      },
    }),
  }),
});

builder.queryFields((t) => ({
  agents: t.prismaConnection({
    description: 'Agents, by name unless ordered otherwise.',
    type: 'Agent',
    cursor: 'id',
    ...connectionSizes,
    args: { filter: t.arg({ type: AgentFilter }), orderBy: t.arg({ type: AgentOrder.input }) },
    resolve: (query, _root, args) => {
      assertPageSize(args);
      return prisma().agent.findMany({ ...query, where: agentWhere(args.filter), orderBy: AgentOrder.toOrderBy(args.orderBy) });
    },
    totalCount: (_connection, args) => prisma().agent.count({ where: agentWhere(args.filter) }),
  },
  { name: 'AgentConnection' },
  { name: 'AgentEdge' },
  ),
}));
