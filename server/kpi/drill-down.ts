// The records behind a slice's numbers, as Prisma conditions: the same window, group and
// filter the KPI statements use, so a drill-down's totalCount equals the number it explains.
import type { Prisma } from '../generated/prisma/client.js';
import { FILTER_DIMENSION, type Dimension, type GroupValues, type ResolvedKpiFilter } from './dimensions.js';
import type { Window } from './period.js';

type Condition = string | number | null | { in: Array<string | number> };

export const TICKET_BASES = [
  'CREATED', 'RESOLVED', 'BACKLOG', 'FIRST_RESPONDED', 'SELF_SERVICE', 'FCR_ELIGIBLE',
  'FIRST_RESPONSE_SLA_ACHIEVED', 'FIRST_RESPONSE_SLA_BREACHED', 'FIRST_RESPONSE_SLA_PENDING',
  'RESOLUTION_SLA_ACHIEVED', 'RESOLUTION_SLA_BREACHED', 'RESOLUTION_SLA_PENDING',
] as const;
export type TicketBasis = (typeof TICKET_BASES)[number];

export const CUSTOMER_BASES = ['AT_START', 'AT_END', 'NEW', 'CHURNED'] as const;
export type CustomerBasis = (typeof CUSTOMER_BASES)[number];

export interface SliceScope {
  window: Window;
  groupBy: Dimension[];
  group: GroupValues;
  filter: ResolvedKpiFilter;
  /** The time of the request, for bases that depend on it (pending and breached SLA targets). */
  now?: Date;
}

function conditions<W>(scope: SliceScope, byDimension: (dimension: Dimension, condition: Condition) => W): W[] {
  const result = scope.groupBy.map((dimension) => byDimension(dimension, scope.group[dimension] ?? null));
  for (const [field, values] of Object.entries(scope.filter) as Array<[keyof ResolvedKpiFilter, Array<string | number> | undefined]>) {
    if (values) result.push(byDimension(FILTER_DIMENSION[field], { in: values }));
  }
  return result;
}

/** Matches no record: the null group of a column that is never null. */
const NOTHING = { id: { in: [] as number[] } };

function ticketDimension(dimension: Dimension, condition: Condition): Prisma.TicketWhereInput {
  switch (dimension) {
    case 'AGENT': return { assigneeId: condition as never };
    case 'TEAM': return { teamId: condition as never };
    case 'CHANNEL': return condition === null ? NOTHING : { channel: condition as never };
    case 'PRIORITY': return condition === null ? NOTHING : { priority: condition as never };
    case 'CATEGORY': return { category: condition as never };
    case 'CUSTOMER_SEGMENT': return { customer: { segment: condition as never } };
    case 'CUSTOMER': return condition === null ? NOTHING : { customerId: condition as never };
  }
}

const between = (window: Window) => ({ gte: window.start, lt: window.end });

/** Tickets created in the window with an SLA outcome: the same conditions as server/kpi/families/sla.ts. */
function slaBasis(window: Window, metric: 'firstResponse' | 'resolution', outcome: 'achieved' | 'breached' | 'pending', now: Date): Prisma.TicketWhereInput {
  const met = `${metric}SlaMet` as const;
  const target = `${metric}SlaTarget` as const;
  const breachAt = `${metric}SlaBreachAt` as const;
  const condition: Prisma.TicketBusinessTimeWhereInput = {
    achieved: { [met]: true },
    breached: { OR: [{ [met]: false }, { [met]: null, [target]: { not: null }, [breachAt]: { lt: now } }] },
    pending: { [met]: null, [target]: { not: null }, OR: [{ [breachAt]: null }, { [breachAt]: { gte: now } }] },
  }[outcome];
  return { createdAt: between(window), businessTime: { is: condition } };
}

export function ticketsWhere(scope: SliceScope, basis: TicketBasis): Prisma.TicketWhereInput {
  const { window } = scope;
  const now = scope.now ?? new Date();
  const basisCondition: Prisma.TicketWhereInput = {
    FIRST_RESPONSE_SLA_ACHIEVED: slaBasis(window, 'firstResponse', 'achieved', now),
    FIRST_RESPONSE_SLA_BREACHED: slaBasis(window, 'firstResponse', 'breached', now),
    FIRST_RESPONSE_SLA_PENDING: slaBasis(window, 'firstResponse', 'pending', now),
    RESOLUTION_SLA_ACHIEVED: slaBasis(window, 'resolution', 'achieved', now),
    RESOLUTION_SLA_BREACHED: slaBasis(window, 'resolution', 'breached', now),
    RESOLUTION_SLA_PENDING: slaBasis(window, 'resolution', 'pending', now),
    CREATED: { createdAt: between(window) },
    RESOLVED: { resolvedAt: between(window) },
    BACKLOG: { createdAt: { lt: window.end }, OR: [{ resolvedAt: null }, { resolvedAt: { gte: window.end } }] },
    FIRST_RESPONDED: { createdAt: between(window), firstResponseAt: { not: null } },
    SELF_SERVICE: { createdAt: between(window), knowledgeArticleId: { not: null } },
    FCR_ELIGIBLE: { resolvedAt: between(window), interactions: { some: {} } },
  }[basis];
  return { AND: [basisCondition, ...conditions(scope, ticketDimension)] };
}

export function interactionsWhere(scope: SliceScope): Prisma.InteractionWhereInput {
  return {
    AND: [
      { startedAt: between(scope.window) },
      ...conditions<Prisma.InteractionWhereInput>(scope, (dimension, condition) => {
        if (dimension === 'AGENT') return condition === null ? NOTHING : { agentId: condition as never };
        if (dimension === 'TEAM') return { agent: { teamId: condition as never } };
        return { ticket: ticketDimension(dimension, condition) };
      }),
    ],
  };
}

export function surveyResponsesWhere(scope: SliceScope, kinds: Array<'CSAT' | 'NPS' | 'CES'> | null | undefined): Prisma.SurveyResponseWhereInput {
  return {
    AND: [
      { respondedAt: between(scope.window) },
      ...(kinds ? [{ kind: { in: kinds } }] : []),
      ...conditions<Prisma.SurveyResponseWhereInput>(scope, (dimension, condition) => {
        if (dimension === 'CUSTOMER_SEGMENT') return { customer: { segment: condition as never } };
        if (dimension === 'CUSTOMER') return condition === null ? NOTHING : { customerId: condition as never };
        // Ticket dimensions: a response with no ticket belongs to their null groups.
        if (condition === null) return { OR: [{ ticketId: null }, { ticket: ticketDimension(dimension, null) }] };
        return { ticket: ticketDimension(dimension, condition) };
      }),
    ],
  };
}

export function customersWhere(scope: SliceScope, basis: CustomerBasis): Prisma.CustomerWhereInput {
  const { start, end } = scope.window;
  const activeAt = (instant: Date): Prisma.CustomerWhereInput => ({
    createdAt: { lt: instant },
    OR: [{ churnedAt: null }, { churnedAt: { gte: instant } }],
  });
  const basisCondition: Prisma.CustomerWhereInput = {
    AT_START: activeAt(start),
    AT_END: activeAt(end),
    NEW: { createdAt: between(scope.window) },
    CHURNED: { createdAt: { lt: start }, churnedAt: between(scope.window) },
  }[basis];
  return {
    AND: [
      basisCondition,
      ...conditions<Prisma.CustomerWhereInput>(scope, (dimension, condition) =>
        dimension === 'CUSTOMER' ? (condition === null ? NOTHING : { id: condition as never }) : { segment: condition as never },
      ),
    ],
  };
}
