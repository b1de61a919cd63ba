import { builder } from '../builder.js';
import { DIRECTORY, RECORDS } from '../../auth/scope-declarations.js';
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
    // Agents are a directory every key sees, but an e-mail is personal data: a team-restricted
    // key reads only its own teams' agents' e-mails (row-level security covers records, not this).
    email: t.string({
      authScopes: RECORDS,
      nullable: true,
      description: "The agent's e-mail (scope records:read). Null for a team-restricted key when the agent is in none of its teams.",
      resolve: (agent, _args, ctx) => {
        const teams = ctx.caller.teamIds;
        if (teams && (agent.teamId === null || !teams.includes(agent.teamId))) return null;
        return agent.email;
      },
    }),
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
  agents: t.prismaConnection(
    {
      authScopes: DIRECTORY,
      description: 'Agents, by name unless ordered otherwise.',
      type: 'Agent',
      cursor: 'id',
      ...connectionSizes,
      args: { filter: t.arg({ type: AgentFilter }), orderBy: t.arg({ type: AgentOrder.input }) },
      resolve: (query, _root, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.agent.findMany({ ...query, where: agentWhere(args.filter), orderBy: AgentOrder.toOrderBy(args.orderBy) });
      },
      totalCount: (_connection, args, ctx) => ctx.prisma.agent.count({ where: agentWhere(args.filter) }),
    },
    { name: 'AgentConnection' },
    { name: 'AgentEdge' },
  ),
}));
