// KpiSlice: one bucket and group of a kpiSlices answer, with its KPIs and the records behind them.
import type { Dimension, GroupValues, ResolvedKpiFilter } from '../../kpi/dimensions.js';
import { CUSTOMER_BASES, SURVEY_BASES, TICKET_BASES, type SliceScope } from '../../kpi/drill-down-sql.js';
import type { Window } from '../../kpi/period.js';
import { localIsoString } from '../../kpi/zoned-time.js';
import { builder } from '../builder.js';
import { AGENT_KPIS } from '../../auth/scope-declarations.js';
import { assertPageSize, connectionSizes } from '../pagination.js';
import { AgentNode } from './agent.js';
import { ChannelEnum, PriorityEnum, SurveyKindEnum } from './enums.js';
import { assertKpiSupported, KpiSet, type KpiSetRef } from './kpi-set.js';
import { TeamNode } from './team.js';

export interface KpiSliceShape {
  bucketStart: Date | null;
  window: Window;
  /** The period's IANA zone. */
  timeZone: string;
  groupBy: Dimension[];
  group: GroupValues;
  filter: ResolvedKpiFilter;
  kpis: KpiSetRef;
}

const KpiGroup = builder.objectRef<GroupValues>('KpiGroup').implement({
  description:
    'The values of the requested dimensions for one slice. A dimension that was not requested, or the null group of one that was, is null.',
  fields: (t) => ({
    agent: t.field({
      authScopes: AGENT_KPIS,
      type: AgentNode,
      nullable: true,
      resolve: (g, _args, ctx) => (g.AGENT == null ? null : ctx.prisma.agent.findUnique({ where: { id: g.AGENT as number } })),
    }),
    team: t.field({
      type: TeamNode,
      nullable: true,
      resolve: (g, _args, ctx) => (g.TEAM == null ? null : ctx.prisma.team.findUnique({ where: { id: g.TEAM as number } })),
    }),
    channel: t.field({ type: ChannelEnum, nullable: true, resolve: (g) => (g.CHANNEL as never) ?? null }),
    priority: t.field({ type: PriorityEnum, nullable: true, resolve: (g) => (g.PRIORITY as never) ?? null }),
    category: t.string({ nullable: true, resolve: (g) => (g.CATEGORY as string | null) ?? null }),
    customerSegment: t.string({ nullable: true, resolve: (g) => (g.CUSTOMER_SEGMENT as string | null) ?? null }),
    hourOfDay: t.int({
      nullable: true,
      description: "HOUR_OF_DAY: the local hour (0-23), in the period's time zone, of the timestamp that places each record.",
      resolve: (g) => (g.HOUR_OF_DAY as number | null) ?? null,
    }),
    dayOfWeek: t.int({
      nullable: true,
      description:
        "DAY_OF_WEEK: the local ISO weekday (1 = Monday .. 7 = Sunday), in the period's time zone, of the timestamp that places each record.",
      resolve: (g) => (g.DAY_OF_WEEK as number | null) ?? null,
    }),
  }),
});

const TicketBasisEnum = builder.enumType('KpiTicketBasis', {
  description:
    'Which tickets of a slice to list: CREATED (ticketCount, selfServiceOpportunity denominator), RESOLVED (resolvedCount, resolutionTime), ' +
    'BACKLOG (backlog), FIRST_RESPONDED (firstResponseTime and firstResponseBusinessTime), SELF_SERVICE (selfServiceOpportunity numerator), ' +
    'FCR_ELIGIBLE (firstContactResolution denominator), FCR_RESOLVED (firstContactResolution numerator: resolved on first contact), ' +
    "FCR_FAILED (the denominator less the numerator: reopened, transferred or more than one interaction); RESOLVED also lists resolutionBusinessTime's tickets. " +
    'FIRST_RESPONSE_SLA_ACHIEVED, _BREACHED, _PENDING and RESOLUTION_SLA_ACHIEVED, _BREACHED, _PENDING: the tickets behind firstResponseSla and ' +
    'resolutionSla, judged at the time of the request like the KPI.',
  values: TICKET_BASES,
});

const SurveyBasisEnum = builder.enumType('KpiSurveyBasis', {
  description:
    'Which survey responses of a slice to list, by outcome: NPS_PROMOTERS (9-10), NPS_PASSIVES (7-8), NPS_DETRACTORS (0-6), ' +
    'CSAT_SATISFIED (4-5, the csat rate numerator), CSAT_UNSATISFIED (1-3), CES_LOW_EFFORT (5-7, the lowEffort numerator), CES_HIGH_EFFORT (1-4).',
  values: SURVEY_BASES,
});

const CustomerBasisEnum = builder.enumType('KpiCustomerBasis', {
  description:
    'Which customers of a slice to list: AT_START (customersAtStart), AT_END (customersAtEnd), NEW (newCustomers), CHURNED (churnRate numerator).',
  values: CUSTOMER_BASES,
});

const scopeOf = (slice: KpiSliceShape): SliceScope => ({ ...slice, now: slice.kpis.source.request.now });

export const KpiSlice = builder.objectRef<KpiSliceShape>('KpiSlice').implement({
  description: 'The KPIs of one bucket and group, and the records behind them.',
  fields: (t) => ({
    bucketStart: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        "Calendar start of the bucket in the period's time zone (may lie before period.from); null when no granularity was asked.",
      resolve: (s) => s.bucketStart,
    }),
    bucketEnd: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Where the bucket ends (exclusive), clipped to period.to; null when no granularity was asked.',
      resolve: (s) => (s.bucketStart ? s.window.end : null),
    }),
    bucketStartLocal: t.string({
      nullable: true,
      description:
        'bucketStart as a local date-time with its offset in the period\'s time zone (ISO 8601, e.g. "2026-01-01T00:00:00-03:00"): ' +
        'the label a chart shows. Null when no granularity was asked.',
      resolve: (s) => (s.bucketStart ? localIsoString(s.bucketStart.getTime(), s.timeZone) : null),
    }),
    bucketEndLocal: t.string({
      nullable: true,
      description: "bucketEnd as a local date-time with its offset in the period's time zone; null when no granularity was asked.",
      resolve: (s) => (s.bucketStart ? localIsoString(s.window.end.getTime(), s.timeZone) : null),
    }),
    group: t.field({ type: KpiGroup, resolve: (s) => s.group }),
    kpis: t.field({ type: KpiSet, resolve: (s) => s.kpis }),
    tickets: t.prismaConnection(
      {
        type: 'Ticket',
        cursor: 'id',
        ...connectionSizes,
        description: "The tickets behind this slice's ticket KPIs; totalCount equals the KPI the basis names.",
        args: { basis: t.arg({ type: TicketBasisEnum, required: true, defaultValue: 'CREATED' }) },
        resolve: (query, slice, args, context) => {
          assertPageSize(args);
          // SLA outcomes are judged against now: the list changes as time passes.
          if (args.basis.includes('_SLA_')) context.kpis.noteDependsOnNow();
          return context.drillDowns.page(context.prisma, { kind: 'ticket', basis: args.basis }, scopeOf(slice), query) as never;
        },
        totalCount: (slice, args, context) => {
          if (args.basis.includes('_SLA_')) context.kpis.noteDependsOnNow();
          return context.drillDowns.count(context.prisma, { kind: 'ticket', basis: args.basis }, scopeOf(slice));
        },
      },
      { name: 'KpiTicketConnection' },
      { name: 'KpiTicketEdge' },
    ),
    interactions: t.prismaConnection(
      {
        type: 'Interaction',
        cursor: 'id',
        ...connectionSizes,
        description: 'The interactions behind averageHandleTime; totalCount equals averageHandleTime.count.',
        resolve: (query, slice, args, context) => {
          assertPageSize(args);
          return context.drillDowns.page(context.prisma, { kind: 'interaction' }, scopeOf(slice), query) as never;
        },
        totalCount: (slice, _args, context) => context.drillDowns.count(context.prisma, { kind: 'interaction' }, scopeOf(slice)),
      },
      { name: 'KpiInteractionConnection' },
      { name: 'KpiInteractionEdge' },
    ),
    surveyResponses: t.prismaConnection(
      {
        type: 'SurveyResponse',
        cursor: 'id',
        ...connectionSizes,
        description:
          'The survey responses behind nps, csat and ces; with kinds: [CSAT], totalCount equals csat.responses; with basis: NPS_DETRACTORS, ' +
          'nps.detractors (kinds and basis combine with AND).',
        args: {
          kinds: t.arg({ type: [SurveyKindEnum] }),
          basis: t.arg({ type: SurveyBasisEnum, description: 'Only the responses of one outcome (score band) of NPS, CSAT or CES.' }),
        },
        resolve: (query, slice, args, context) => {
          assertPageSize(args);
          return context.drillDowns.page(
            context.prisma,
            { kind: 'surveyResponse', surveyKinds: args.kinds, surveyBasis: args.basis ?? null },
            scopeOf(slice),
            query,
          ) as never;
        },
        totalCount: (slice, args, context) =>
          context.drillDowns.count(
            context.prisma,
            { kind: 'surveyResponse', surveyKinds: args.kinds, surveyBasis: args.basis ?? null },
            scopeOf(slice),
          ),
      },
      { name: 'KpiSurveyResponseConnection' },
      { name: 'KpiSurveyResponseEdge' },
    ),
    customers: t.prismaConnection(
      {
        type: 'Customer',
        cursor: 'id',
        ...connectionSizes,
        description: 'The customers behind the customer KPIs; totalCount equals the KPI the basis names.',
        args: { basis: t.arg({ type: CustomerBasisEnum, required: true }) },
        resolve: (query, slice, args, context) => {
          assertPageSize(args);
          assertKpiSupported('customersAtStart', slice.kpis.source);
          return context.drillDowns.page(context.prisma, { kind: 'customer', basis: args.basis }, scopeOf(slice), query) as never;
        },
        // The same refusal as the page: grouped by AGENT it failed, by CHANNEL it was a silent 0.
        totalCount: (slice, args, context) => {
          assertKpiSupported('customersAtStart', slice.kpis.source);
          return context.drillDowns.count(context.prisma, { kind: 'customer', basis: args.basis }, scopeOf(slice));
        },
      },
      { name: 'KpiCustomerConnection' },
      { name: 'KpiCustomerEdge' },
    ),
  }),
});
