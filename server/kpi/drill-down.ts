// The records behind a slice's numbers, as Prisma conditions: the same window, group and
// filter the KPI statements use, so a drill-down's totalCount equals the number it explains.
import { prisma } from '../db/prisma.js';
import { userInputError } from '../graphql/errors.js';
import { Prisma } from '../generated/prisma/client.js';
import { FILTER_DIMENSION, isLocalTimeDimension, type Dimension, type GroupValues, type ResolvedKpiFilter } from './dimensions.js';
import { factQueryParts, ticketFact } from './facts.js';
import { localTimeRanges } from './local-time-ranges.js';
import type { Window } from './period.js';

type Condition = string | number | null | { in: Array<string | number> };

export const TICKET_BASES = ['CREATED', 'RESOLVED', 'BACKLOG', 'FIRST_RESPONDED', 'SELF_SERVICE', 'FCR_ELIGIBLE', 'FCR_RESOLVED', 'FCR_FAILED'] as const;
export type TicketBasis = (typeof TICKET_BASES)[number];

export const CUSTOMER_BASES = ['AT_START', 'AT_END', 'NEW', 'CHURNED'] as const;
export type CustomerBasis = (typeof CUSTOMER_BASES)[number];

/** Survey responses by outcome: the numerators (and their complements) of NPS, CSAT and CES. */
export const SURVEY_BASES = ['NPS_PROMOTERS', 'NPS_PASSIVES', 'NPS_DETRACTORS', 'CSAT_SATISFIED', 'CSAT_UNSATISFIED', 'CES_LOW_EFFORT', 'CES_HIGH_EFFORT'] as const;
export type SurveyBasis = (typeof SURVEY_BASES)[number];

const SURVEY_BASIS_WHERE: Record<SurveyBasis, Prisma.SurveyResponseWhereInput> = {
  NPS_PROMOTERS: { kind: 'NPS', score: { gte: 9 } },
  NPS_PASSIVES: { kind: 'NPS', score: { gte: 7, lte: 8 } },
  NPS_DETRACTORS: { kind: 'NPS', score: { lte: 6 } },
  CSAT_SATISFIED: { kind: 'CSAT', score: { gte: 4 } },
  CSAT_UNSATISFIED: { kind: 'CSAT', score: { lte: 3 } },
  CES_LOW_EFFORT: { kind: 'CES', score: { gte: 5 } },
  CES_HIGH_EFFORT: { kind: 'CES', score: { lte: 4 } },
};

export interface SliceScope {
  window: Window;
  /** The period's zone: the local time of HOUR_OF_DAY and DAY_OF_WEEK groups. */
  timeZone: string;
  groupBy: Dimension[];
  group: GroupValues;
  filter: ResolvedKpiFilter;
}

/** The slice's HOUR_OF_DAY / DAY_OF_WEEK group as ranges of the column that places the records. */
function localTimeCondition<W>(scope: SliceScope, column: string): W[] {
  const wanted: GroupValues = {};
  for (const dimension of scope.groupBy) if (isLocalTimeDimension(dimension)) wanted[dimension] = scope.group[dimension] ?? null;
  const ranges = localTimeRanges(scope.window, scope.timeZone, wanted);
  return ranges === null ? [] : [{ OR: ranges.map((range) => ({ [column]: range })) } as W];
}

function conditions<W>(scope: SliceScope, byDimension: (dimension: Dimension, condition: Condition) => W): W[] {
  const result = scope.groupBy
    .filter((dimension) => !isLocalTimeDimension(dimension))
    .map((dimension) => byDimension(dimension, scope.group[dimension] ?? null));
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
    // Local time is a range of the basis's own timestamp (localTimeCondition).
    case 'HOUR_OF_DAY': case 'DAY_OF_WEEK': return {};
  }
}

const between = (window: Window) => ({ gte: window.start, lt: window.end });

/** The column that places each basis's tickets in a window (and in an hour of the day); null for the backlog. */
const TICKET_BASIS_PLACEMENT: Record<TicketBasis, 'createdAt' | 'resolvedAt' | null> = {
  CREATED: 'createdAt',
  RESOLVED: 'resolvedAt',
  BACKLOG: null,
  FIRST_RESPONDED: 'createdAt',
  SELF_SERVICE: 'createdAt',
  FCR_ELIGIBLE: 'resolvedAt',
  FCR_RESOLVED: 'resolvedAt',
  FCR_FAILED: 'resolvedAt',
};

export async function ticketsWhere(scope: SliceScope, basis: TicketBasis): Promise<Prisma.TicketWhereInput> {
  const { window } = scope;
  const eligible: Prisma.TicketWhereInput = { resolvedAt: between(window), interactions: { some: {} } };
  let basisCondition: Prisma.TicketWhereInput;
  switch (basis) {
    case 'FCR_RESOLVED':
    case 'FCR_FAILED': {
      // kpi-spec: resolved on first contact = exactly one interaction, not transferred, never
      // reopened. Prisma cannot count relations in a condition, so the one part it cannot say
      // (untransferred, unreopened tickets with more than one interaction) comes from SQL.
      const several = await severalUntransferredContacts(scope);
      basisCondition =
        basis === 'FCR_RESOLVED'
          ? { AND: [eligible, { reopenCount: 0 }, { interactions: { none: { transferred: true } } }, { id: { notIn: several } }] }
          : { AND: [eligible, { OR: [{ reopenCount: { gt: 0 } }, { interactions: { some: { transferred: true } } }, { id: { in: several } }] }] };
      break;
    }
    default:
      basisCondition = {
        CREATED: { createdAt: between(window) },
        RESOLVED: { resolvedAt: between(window) },
        BACKLOG: { createdAt: { lt: window.end }, OR: [{ resolvedAt: null }, { resolvedAt: { gte: window.end } }] },
        FIRST_RESPONDED: { createdAt: between(window), firstResponseAt: { not: null } },
        SELF_SERVICE: { createdAt: between(window), knowledgeArticleId: { not: null } },
        FCR_ELIGIBLE: eligible,
      }[basis];
  }
  const placement = TICKET_BASIS_PLACEMENT[basis];
  if (!placement && scope.groupBy.some(isLocalTimeDimension)) {
    throw userInputError(`tickets(basis: ${basis}) cannot list a slice grouped by HOUR_OF_DAY or DAY_OF_WEEK: the backlog is counted at the end of a period, not at a time of day`);
  }
  return { AND: [basisCondition, ...conditions(scope, ticketDimension), ...(placement ? localTimeCondition<Prisma.TicketWhereInput>(scope, placement) : [])] };
}

/** Ids of the slice's resolved tickets that were never reopened nor transferred but had several interactions. */
async function severalUntransferredContacts(scope: SliceScope): Promise<number[]> {
  const parts = factQueryParts(ticketFact, scope.groupBy, scope.filter, { timestamp: 't.resolved_at', timeZone: scope.timeZone });
  const group = parts.groupDims.map((dim, i) => {
    const value = scope.group[scope.groupBy[i]!] ?? null;
    return value === null ? Prisma.sql`${dim} IS NULL` : Prisma.sql`${dim} = ${value}`;
  });
  const rows = await prisma().$queryRaw<Array<{ id: number }>>(Prisma.sql`
    SELECT t.id FROM ${parts.from}
    WHERE t.resolved_at >= ${scope.window.start} AND t.resolved_at < ${scope.window.end} AND t.reopen_count = 0 AND ${parts.where}
      ${group.length ? Prisma.sql`AND ${Prisma.join(group, ' AND ')}` : Prisma.empty}
      AND (SELECT count(*) FROM interaction i WHERE i.ticket_id = t.id) > 1
      AND NOT EXISTS (SELECT 1 FROM interaction i WHERE i.ticket_id = t.id AND i.transferred)`);
  return rows.map((row) => row.id);
}

export function interactionsWhere(scope: SliceScope): Prisma.InteractionWhereInput {
  return {
    AND: [
      { startedAt: between(scope.window) },
      ...localTimeCondition<Prisma.InteractionWhereInput>(scope, 'startedAt'),
      ...conditions<Prisma.InteractionWhereInput>(scope, (dimension, condition) => {
        if (dimension === 'AGENT') return condition === null ? NOTHING : { agentId: condition as never };
        if (dimension === 'TEAM') return { agent: { teamId: condition as never } };
        return { ticket: ticketDimension(dimension, condition) };
      }),
    ],
  };
}

export function surveyResponsesWhere(
  scope: SliceScope,
  kinds: Array<'CSAT' | 'NPS' | 'CES'> | null | undefined,
  basis?: SurveyBasis | null,
): Prisma.SurveyResponseWhereInput {
  return {
    AND: [
      { respondedAt: between(scope.window) },
      ...localTimeCondition<Prisma.SurveyResponseWhereInput>(scope, 'respondedAt'),
      ...(kinds ? [{ kind: { in: kinds } }] : []),
      ...(basis ? [SURVEY_BASIS_WHERE[basis]] : []),
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
