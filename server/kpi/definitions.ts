// Every KPI as one declaration: what it means in words (the single source for the schema's
// field descriptions, the `kpiDefinitions` query and docs/kpis.md; the formulas follow
// docs/kpis.md exactly), the family that computes it, the shape of its value and how that
// value is read from the family's. The KpiName union, the KpiSet and KpiChanges fields, the
// KpiOrderKey enum, headlines and table columns are all derived from KPIS, so a new KPI is
// one entry here (and, for a new family, its SQL in families/).
import type { KpiDimension } from './dimensions.js';
import type { FamilyName, FamilyValues } from './families/registry.js';
import { HEADLINES, type KpiValueShapes, type ValueShape } from './value-shapes.js';

/** What a KPI means, in words. */
interface KpiText {
  title: string;
  unit: 'COUNT' | 'SECONDS' | 'RATE' | 'SCORE';
  formula: string;
  numerator: string | null;
  denominator: string | null;
  /** The timestamp that places a record in a period. */
  timestamp: string;
  dimensions: readonly KpiDimension[];
  /** What an empty sample returns. */
  whenEmpty: string;
}

type KpiDeclarationOf<F extends FamilyName, S extends ValueShape> = KpiText & {
  family: F;
  shape: S;
  read: (values: FamilyValues[F]) => KpiValueShapes[S];
};

/** Every pairing of a family and a shape, so `read` is checked against both. */
type KpiDeclaration = { [F in FamilyName]: { [S in ValueShape]: KpiDeclarationOf<F, S> }[ValueShape] }[FamilyName];

/** Backlog is a stock at the end of a period: it has no local time of day. */
const STOCK: readonly KpiDimension[] = ['AGENT', 'TEAM', 'CHANNEL', 'PRIORITY', 'CATEGORY', 'CUSTOMER_SEGMENT'];
const ALL: readonly KpiDimension[] = [...STOCK, 'HOUR_OF_DAY', 'DAY_OF_WEEK'];
const CUSTOMER_ONLY: readonly KpiDimension[] = ['CUSTOMER_SEGMENT'];
const DURATION_EMPTY = 'count 0; average, median and p90 null';

export const KPIS = {
  ticketCount: {
    title: 'Ticket volume',
    family: 'created',
    unit: 'COUNT',
    formula: 'number of tickets created in the period',
    numerator: null,
    denominator: null,
    timestamp: 'Ticket.createdAt',
    dimensions: ALL,
    whenEmpty: '0',
    shape: 'count',
    read: (v) => v.ticketCount,
  },
  resolvedCount: {
    title: 'Resolved tickets',
    family: 'resolved',
    unit: 'COUNT',
    formula: 'number of tickets whose resolvedAt (last time solved) is in the period',
    numerator: null,
    denominator: null,
    timestamp: 'Ticket.resolvedAt',
    dimensions: ALL,
    whenEmpty: '0',
    shape: 'count',
    read: (v) => v.resolvedCount,
  },
  backlog: {
    title: 'Backlog (open cases)',
    family: 'backlog',
    unit: 'COUNT',
    formula:
      'tickets with createdAt < end and (resolvedAt null or resolvedAt >= end): open at the end of the period (of each bucket, in a series)',
    numerator: null,
    denominator: null,
    timestamp: 'Ticket.createdAt and Ticket.resolvedAt, at the end of the period',
    dimensions: STOCK,
    whenEmpty: '0',
    shape: 'count',
    read: (v) => v.backlog,
  },
  firstResponseTime: {
    title: 'First response time',
    family: 'created',
    unit: 'SECONDS',
    formula:
      'firstResponseAt - createdAt, over tickets created in the period that have a first response: average, median, p90 (percentile_cont), count',
    numerator: null,
    denominator: null,
    timestamp: 'Ticket.createdAt',
    dimensions: ALL,
    whenEmpty: DURATION_EMPTY,
    shape: 'duration',
    read: (v) => v.firstResponse,
  },
  resolutionTime: {
    title: 'Resolution time',
    family: 'resolved',
    unit: 'SECONDS',
    formula: 'resolvedAt - createdAt, over tickets resolved in the period: average, median, p90 (percentile_cont), count',
    numerator: null,
    denominator: null,
    timestamp: 'Ticket.resolvedAt',
    dimensions: ALL,
    whenEmpty: DURATION_EMPTY,
    shape: 'duration',
    read: (v) => v.resolution,
  },
  firstContactResolution: {
    title: 'First contact resolution (FCR)',
    family: 'firstContact',
    unit: 'RATE',
    formula: 'numerator / denominator',
    numerator: 'resolved tickets (of the denominator) with exactly one interaction, that interaction not transferred, and reopenCount = 0',
    denominator: 'tickets resolved in the period that have at least one interaction',
    timestamp: 'Ticket.resolvedAt',
    dimensions: ALL,
    whenEmpty: 'value null, numerator and denominator 0',
    shape: 'rate',
    read: (v) => ({ numerator: v.resolvedOnFirstContact, denominator: v.resolvedWithContact }),
  },
  averageHandleTime: {
    title: 'Average handle time (AHT)',
    family: 'handleTime',
    unit: 'SECONDS',
    formula:
      'talkSeconds + holdSeconds + wrapUpSeconds per interaction started in the period: average (the AHT), median, p90, count, and the average of each part',
    numerator: null,
    denominator: null,
    timestamp: 'Interaction.startedAt',
    dimensions: ALL,
    whenEmpty: `${DURATION_EMPTY}; part averages null`,
    shape: 'handleTime',
    read: (v) => v,
  },
  nps: {
    title: 'Net Promoter Score (NPS)',
    family: 'surveys',
    unit: 'SCORE',
    formula:
      '100 * (promoters - detractors) / responses, over NPS responses in the period; promoters score 9-10, passives 7-8, detractors 0-6',
    numerator: 'promoters - detractors',
    denominator: 'NPS responses',
    timestamp: 'SurveyResponse.respondedAt',
    dimensions: ALL,
    whenEmpty: 'score null, counts 0',
    shape: 'nps',
    read: (v) => ({ promoters: v.npsPromoters, passives: v.npsPassives, detractors: v.npsDetractors, responses: v.npsResponses }),
  },
  csat: {
    title: 'Customer satisfaction (CSAT)',
    family: 'surveys',
    unit: 'RATE',
    formula: 'satisfied / responses over CSAT responses in the period (satisfied: score 4 or 5), and the average score (1..5)',
    numerator: 'CSAT responses with score 4 or 5',
    denominator: 'CSAT responses',
    timestamp: 'SurveyResponse.respondedAt',
    dimensions: ALL,
    whenEmpty: 'rate value null, average null, responses 0',
    shape: 'csat',
    read: (v) => ({ satisfied: v.csatSatisfied, responses: v.csatResponses, average: v.csatAverage }),
  },
  ces: {
    title: 'Customer effort score (CES)',
    family: 'surveys',
    unit: 'SCORE',
    formula: 'average score (1..7, 7 = very easy) over CES responses in the period, and the share of low-effort answers (score >= 5)',
    numerator: 'CES responses with score >= 5 (lowEffort)',
    denominator: 'CES responses',
    timestamp: 'SurveyResponse.respondedAt',
    dimensions: ALL,
    whenEmpty: 'average null, lowEffort value null, responses 0',
    shape: 'ces',
    read: (v) => ({ lowEffort: v.cesLowEffort, responses: v.cesResponses, average: v.cesAverage }),
  },
  selfServiceOpportunity: {
    title: 'Self-service opportunity',
    family: 'created',
    unit: 'RATE',
    formula: 'numerator / denominator: the share of questions the knowledge base already answered',
    numerator: 'tickets created in the period with a knowledgeArticle',
    denominator: 'tickets created in the period',
    timestamp: 'Ticket.createdAt',
    dimensions: ALL,
    whenEmpty: 'value null, numerator and denominator 0',
    shape: 'rate',
    read: (v) => ({ numerator: v.answeredByArticle, denominator: v.ticketCount }),
  },
  customersAtStart: {
    title: 'Customers at start (S)',
    family: 'customers',
    unit: 'COUNT',
    formula: 'customers with createdAt < start and (churnedAt null or churnedAt >= start)',
    numerator: null,
    denominator: null,
    timestamp: 'Customer.createdAt and Customer.churnedAt, at the start of the period',
    dimensions: CUSTOMER_ONLY,
    whenEmpty: '0',
    shape: 'count',
    read: (v) => v.atStart,
  },
  customersAtEnd: {
    title: 'Customers at end (E)',
    family: 'customers',
    unit: 'COUNT',
    formula: 'customers with createdAt < end and (churnedAt null or churnedAt >= end)',
    numerator: null,
    denominator: null,
    timestamp: 'Customer.createdAt and Customer.churnedAt, at the end of the period',
    dimensions: CUSTOMER_ONLY,
    whenEmpty: '0',
    shape: 'count',
    read: (v) => v.atEnd,
  },
  newCustomers: {
    title: 'New customers (N)',
    family: 'customers',
    unit: 'COUNT',
    formula: 'customers with createdAt in the period',
    numerator: null,
    denominator: null,
    timestamp: 'Customer.createdAt',
    dimensions: CUSTOMER_ONLY,
    whenEmpty: '0',
    shape: 'count',
    read: (v) => v.new,
  },
  retentionRate: {
    title: 'Customer retention rate',
    family: 'customers',
    unit: 'RATE',
    formula: '(E - N) / S',
    numerator: 'customers at end minus new customers (E - N)',
    denominator: 'customers at start (S)',
    timestamp: 'Customer.createdAt and Customer.churnedAt',
    dimensions: CUSTOMER_ONLY,
    whenEmpty: 'value null when S = 0',
    shape: 'rate',
    read: (v) => ({ numerator: v.atEnd - v.new, denominator: v.atStart }),
  },
  churnRate: {
    title: 'Customer churn rate',
    family: 'customers',
    unit: 'RATE',
    formula: 'churned / S',
    numerator: 'customers counted in S whose churnedAt is in the period',
    denominator: 'customers at start (S)',
    timestamp: 'Customer.churnedAt',
    dimensions: CUSTOMER_ONLY,
    whenEmpty: 'value null when S = 0',
    shape: 'rate',
    read: (v) => ({ numerator: v.churned, denominator: v.atStart }),
  },
  firstResponseBusinessTime: {
    title: 'First response time in business hours',
    family: 'firstResponseBusiness',
    unit: 'SECONDS',
    formula:
      "business seconds from createdAt to firstResponseAt under the ticket's calendar (its team's, else the default; none: elapsed time), " +
      'over tickets created in the period that have a first response: average, median, p90 (percentile_cont), count',
    numerator: null,
    denominator: null,
    timestamp: 'Ticket.createdAt',
    dimensions: ALL,
    whenEmpty: DURATION_EMPTY,
    shape: 'duration',
    read: (v) => v.firstResponseBusiness,
  },
  resolutionBusinessTime: {
    title: 'Resolution time in business hours',
    family: 'resolutionBusiness',
    unit: 'SECONDS',
    formula:
      "business seconds from createdAt to resolvedAt under the ticket's calendar (its team's, else the default; none: elapsed time), " +
      'over tickets resolved in the period: average, median, p90 (percentile_cont), count',
    numerator: null,
    denominator: null,
    timestamp: 'Ticket.resolvedAt',
    dimensions: ALL,
    whenEmpty: DURATION_EMPTY,
    shape: 'duration',
    read: (v) => v.resolutionBusiness,
  },
  firstResponseSla: {
    title: 'First response SLA attainment',
    family: 'sla',
    unit: 'RATE',
    formula:
      'over tickets created in the period whose priority has a policy with a first-response target: achieved (first response, or resolution ' +
      'without one, within the target), breached (after it, or none yet and the target already passed at query time), pending (none yet, ' +
      'within the target); rate = achieved / (achieved + breached). Targets count business hours or elapsed time, as the policy says',
    numerator: 'achieved',
    denominator: 'achieved + breached',
    timestamp: 'Ticket.createdAt',
    dimensions: ALL,
    whenEmpty: 'counts 0, rate value null',
    shape: 'sla',
    read: (v) => v.firstResponse,
  },
  resolutionSla: {
    title: 'Resolution SLA attainment',
    family: 'sla',
    unit: 'RATE',
    formula:
      'over tickets created in the period whose priority has a policy with a resolution target: achieved (resolved within the target), ' +
      'breached (resolved after it, or unresolved and the target already passed at query time), pending (unresolved, within the target); ' +
      'rate = achieved / (achieved + breached). Targets count business hours or elapsed time, as the policy says',
    numerator: 'achieved',
    denominator: 'achieved + breached',
    timestamp: 'Ticket.createdAt',
    dimensions: ALL,
    whenEmpty: 'counts 0, rate value null',
    shape: 'sla',
    read: (v) => v.resolution,
  },
} as const satisfies Record<string, KpiDeclaration>;

export type KpiName = keyof typeof KPIS;
export type KpiFamilyOf<N extends KpiName> = (typeof KPIS)[N]['family'];
export type KpiValue<N extends KpiName> = KpiValueShapes[(typeof KPIS)[N]['shape']];

/** In declaration order, the order of kpiDefinitions. */
export const KPI_NAMES = Object.keys(KPIS) as KpiName[];

export interface KpiDefinition extends KpiText {
  name: KpiName;
  family: FamilyName;
  shape: ValueShape;
}

export const KPI_DEFINITIONS: readonly KpiDefinition[] = KPI_NAMES.map((name): KpiDefinition => {
  const { read: _read, ...definition } = KPIS[name];
  return { name, ...definition };
});

export function isKpiName(name: string): name is KpiName {
  return Object.hasOwn(KPIS, name);
}

// TypeScript cannot relate a generic name to its own entry's family and shape (the correlated
// union problem, microsoft/TypeScript#30581); the `satisfies` on KPIS has checked each entry,
// so these two views of one entry are sound.

/** A KPI's value, read from its family's values. */
export function readKpiValue<N extends KpiName>(name: N, values: FamilyValues[KpiFamilyOf<N>]): KpiValue<N> {
  const read = KPIS[name].read as unknown as (values: FamilyValues[KpiFamilyOf<N>]) => KpiValue<N>;
  return read(values);
}

/** The headline number of a KPI's value (see value-shapes.ts). */
export function headlineOf<N extends KpiName>(name: N, value: KpiValue<N>): number | null {
  const headline = HEADLINES[KPIS[name].shape] as (value: KpiValue<N>) => number | null;
  return headline(value);
}

/** The schema description of a KPI field: formula, unit, timestamp and empty value. */
export function kpiDescription(name: KpiName): string {
  const d = KPIS[name];
  const parts = [`${d.title}: ${d.formula}.`];
  if (d.numerator) parts.push(`Numerator: ${d.numerator}. Denominator: ${d.denominator}.`);
  parts.push(`Unit: ${d.unit.toLowerCase()}${d.unit === 'RATE' ? ' (a fraction in [0, 1])' : ''}. Placed in a period by ${d.timestamp}.`);
  parts.push(`Groupable by ${d.dimensions.join(', ')}. Empty sample: ${d.whenEmpty}.`);
  return parts.join(' ');
}
