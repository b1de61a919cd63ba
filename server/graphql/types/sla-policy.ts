// SLA policies (kpi-spec "Service-level targets"): their node and the slaPolicies connection.
// Written through import lines `sla` and upsertSlaPolicy.
import { builder } from '../builder.js';
import { RECORDS } from '../../auth/scope-declarations.js';
import { assertPageSize, connectionSizes } from '../pagination.js';
import { PriorityEnum } from './enums.js';

export const SlaPolicyNode = builder.prismaNode('SlaPolicy', {
  // A record with personal or ticket data: every field of it needs records:read.
  authScopes: RECORDS,
  id: { field: 'id' },
  nullable: true,
  description:
    'Service-level targets for the tickets of one priority (at most one policy per priority). firstResponseSla and resolutionSla count ' +
    'tickets against these targets.',
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    name: t.exposeString('name'),
    priority: t.expose('priority', { type: PriorityEnum, description: 'The ticket priority the policy applies to.' }),
    firstResponseTargetSeconds: t.exposeInt('firstResponseTargetSeconds', { nullable: true }),
    resolutionTargetSeconds: t.exposeInt('resolutionTargetSeconds', { nullable: true }),
    businessHours: t.exposeBoolean('businessHours', {
      description: "True: targets count business hours of the ticket's calendar; false: elapsed time.",
    }),
  }),
});

builder.queryFields((t) => ({
  slaPolicies: t.prismaConnection(
    {
      authScopes: RECORDS,
      description: 'Every SLA policy, by priority (LOW first).',
      type: 'SlaPolicy',
      cursor: 'id',
      ...connectionSizes,
      resolve: (query, _root, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.slaPolicy.findMany({ ...query, orderBy: [{ priority: 'asc' }, { id: 'asc' }] });
      },
      totalCount: (_connection, _args, ctx) => ctx.prisma.slaPolicy.count(),
    },
    { name: 'SlaPolicyConnection' },
    { name: 'SlaPolicyEdge' },
  ),
}));
