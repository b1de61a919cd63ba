import type { Prisma } from '../../generated/prisma/client.js';
import { builder } from '../builder.js';
import { idsIn } from '../filters.js';
import { defineOrderInput } from '../ordering.js';

export const AgentFilter = builder.inputType('AgentFilter', {
  description: 'Narrows a list of agents. Fields combine with AND.',
  fields: (t) => ({
    teamIds: t.idList({ description: 'Team IDs; the agent belongs to any of them.' }),
    active: t.boolean({ description: 'true: only active agents; false: only deactivated ones.' }),
  }),
});

export function agentWhere(filter: typeof AgentFilter.$inferInput | null | undefined): Prisma.AgentWhereInput {
  if (!filter) return {};
  return {
    teamId: idsIn('Team', filter.teamIds, 'filter.teamIds'),
    active: filter.active ?? undefined,
  };
}

export const AgentOrder = defineOrderInput('AgentOrder', 'agents', { NAME: 'name', ID: 'id' }, { field: 'NAME', direction: 'asc' });
