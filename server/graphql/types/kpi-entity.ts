// `kpis` on Agent, Team and Customer: the KPI set scoped to the entity (docs/kpis.md says
// which records belong to each). A page of entities shares one statement per KPI family.
import type { Period } from '../../kpi/period.js';
import { AGENT_KPIS, KPIS, type ScopeDeclaration } from '../../auth/scope-declarations.js';
import { builder } from '../builder.js';
import type { EntityScope } from '../kpi-request-cache.js';
import { selectedKpis } from '../kpi-selection.js';
import { KpiFilter, PeriodInput } from './kpi-inputs.js';
import { KpiSet } from './kpi-set.js';

// The API scopes each entity's KPIs need: an agent's are agent-level KPIs; a customer is a
// record, whose every field already needs records:read.
const scopes: Array<['Agent' | 'Team' | 'Customer', EntityScope, string, ScopeDeclaration | undefined]> = [
  ['Agent', 'AGENT', 'its assigned tickets, the interactions it handled, and surveys about its tickets', AGENT_KPIS],
  ['Team', 'TEAM', 'the tickets routed to it, the interactions of its agents, and surveys about its tickets', KPIS],
  ['Customer', 'CUSTOMER', 'its own tickets (and their interactions) and surveys', undefined],
];

for (const [model, scope, what, authScopes] of scopes) {
  builder.prismaObjectField(model, 'kpis', (t) =>
    t.field({
      authScopes,
      type: KpiSet,
      description: `Every KPI over a period, scoped to this ${model.toLowerCase()}: ${what}.`,
      args: {
        period: t.arg({ type: PeriodInput, required: true }),
        filter: t.arg({ type: KpiFilter }),
      },
      resolve: (entity, args, ctx, info) =>
        ctx.kpis.entityKpis(ctx.prisma, scope, entity.id, args.period as Period, args.filter, selectedKpis(info)),
    }),
  );
}
