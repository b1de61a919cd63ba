// KpiSet: every KPI of one window and group. Each field reads its family's result, so only
// the families a query selects are ever computed, and all sets of a request share them.
import { KPI_BY_NAME, kpiDescription, type KpiName } from '../../kpi/definitions.js';
import type { FamilyName, FamilyValues } from '../../kpi/families/registry.js';
import type { KpiSource } from '../../kpi/kpi-source.js';
import { builder } from '../builder.js';
import { COMPARISON_BASES, type ComparisonBasis } from '../../kpi/comparison.js';
import { userInputError } from '../errors.js';
import { SlaAttainment, slaHeadline } from './sla-attainment.js';
import { CesScore, CsatScore, DurationStats, HandleTimeStats, KpiChange, NpsScore, npsScore, Rate, rateValue, type RateShape } from './kpi-values.js';

export interface KpiSetRef {
  source: KpiSource;
  window: number;
  group: string;
  /** Set for Agent.kpis, Team.kpis, Customer.kpis: names the scope in error messages. */
  scope?: 'AGENT' | 'TEAM' | 'CUSTOMER';
}

/** How each KPI is read from its family's values. */
const READERS: { [K in KpiName]: (values: any) => unknown } = {
  ticketCount: (v: FamilyValues['created']) => v.ticketCount,
  firstResponseTime: (v: FamilyValues['created']) => v.firstResponse,
  selfServiceOpportunity: (v: FamilyValues['created']): RateShape => ({ numerator: v.answeredByArticle, denominator: v.ticketCount }),
  resolvedCount: (v: FamilyValues['resolved']) => v.resolvedCount,
  resolutionTime: (v: FamilyValues['resolved']) => v.resolution,
  firstContactResolution: (v: FamilyValues['firstContact']): RateShape => ({
    numerator: v.resolvedOnFirstContact,
    denominator: v.resolvedWithContact,
  }),
  backlog: (v: FamilyValues['backlog']) => v.backlog,
  averageHandleTime: (v: FamilyValues['handleTime']) => v,
  nps: (v: FamilyValues['surveys']) => ({ promoters: v.npsPromoters, passives: v.npsPassives, detractors: v.npsDetractors, responses: v.npsResponses }),
  csat: (v: FamilyValues['surveys']) => ({ satisfied: v.csatSatisfied, responses: v.csatResponses, average: v.csatAverage }),
  ces: (v: FamilyValues['surveys']) => ({ lowEffort: v.cesLowEffort, responses: v.cesResponses, average: v.cesAverage }),
  customersAtStart: (v: FamilyValues['customers']) => v.atStart,
  customersAtEnd: (v: FamilyValues['customers']) => v.atEnd,
  newCustomers: (v: FamilyValues['customers']) => v.new,
  retentionRate: (v: FamilyValues['customers']): RateShape => ({ numerator: v.atEnd - v.new, denominator: v.atStart }),
  churnRate: (v: FamilyValues['customers']): RateShape => ({ numerator: v.churned, denominator: v.atStart }),
  firstResponseBusinessTime: (v: FamilyValues['firstResponseBusiness']) => v.firstResponseBusiness,
  resolutionBusinessTime: (v: FamilyValues['resolutionBusiness']) => v.resolutionBusiness,
  firstResponseSla: (v: FamilyValues['sla']) => v.firstResponse,
  resolutionSla: (v: FamilyValues['sla']) => v.resolution,
};

/** The headline number of each KPI, compared in KpiComparison.change and used to order slices. */
export const HEADLINES: { [K in KpiName]: (kpi: any) => number | null } = {
  ticketCount: (n) => n,
  resolvedCount: (n) => n,
  backlog: (n) => n,
  firstResponseTime: (d) => d.average,
  resolutionTime: (d) => d.average,
  firstContactResolution: rateValue,
  averageHandleTime: (d) => d.average,
  nps: npsScore,
  csat: (c) => rateValue({ numerator: c.satisfied, denominator: c.responses }),
  ces: (c) => c.average,
  selfServiceOpportunity: rateValue,
  customersAtStart: (n) => n,
  customersAtEnd: (n) => n,
  newCustomers: (n) => n,
  retentionRate: rateValue,
  churnRate: rateValue,
  firstResponseBusinessTime: (d) => d.average,
  resolutionBusinessTime: (d) => d.average,
  firstResponseSla: slaHeadline,
  resolutionSla: slaHeadline,
};

const SCOPE_WORDS = { AGENT: 'scoped to an agent', TEAM: 'scoped to a team', CUSTOMER: 'scoped to a customer' } as const;
/** The filter an entity scope adds itself; not the client's doing, so not named in errors. */
const SCOPE_FILTERS = { AGENT: 'filtered by agentIds', TEAM: 'filtered by teamIds', CUSTOMER: 'filtered by customerIds' } as const;

/** Rejects a KPI its family cannot compute for this grouping and filter (customer KPIs by AGENT…). */
export function assertKpiSupported(name: KpiName, source: KpiSource, scope?: KpiSetRef['scope']): void {
  const family = KPI_BY_NAME.get(name)!.family;
  const problems = source
    .unsupported(family)
    .filter((problem) => !scope || problem !== SCOPE_FILTERS[scope])
    .map((problem) => (scope && problem === `grouped by ${scope}` ? SCOPE_WORDS[scope] : problem));
  if (problems.length > 0) {
    const reason =
      family === 'customers'
        ? 'customer KPIs can only be grouped by CUSTOMER_SEGMENT and filtered by customerSegments'
        : 'backlog counts what is open at the end of a period, which has no hour of day or weekday; group it by the other dimensions';
    throw userInputError(`${name} cannot be ${problems.join(' or ')}: ${reason}`);
  }
}

export async function readKpi(ref: KpiSetRef, name: KpiName): Promise<unknown> {
  assertKpiSupported(name, ref.source, ref.scope);
  const family: FamilyName = KPI_BY_NAME.get(name)!.family;
  return READERS[name](await ref.source.values(family, ref.window, ref.group));
}

export const KpiSet = builder.objectRef<KpiSetRef>('KpiSet');

export interface ComparisonShape {
  against: ComparisonBasis;
  current: KpiSetRef;
  previous: KpiSetRef;
}

export const ComparisonBasisEnum = builder.enumType('ComparisonBasis', {
  description:
    'What a KPI set is compared with. PREVIOUS_PERIOD: the interval of the same length that ends where this one starts. ' +
    'PREVIOUS_YEAR: the same local calendar interval one year earlier in the period\'s time zone (both ends moved back one calendar year; ' +
    'February 29 becomes February 28); in a series, each bucket against its own bucket a year earlier.',
  values: COMPARISON_BASES,
});

export const KpiComparison = builder.objectRef<ComparisonShape>('KpiComparison');
const KpiChanges = builder.objectRef<ComparisonShape>('KpiChanges');

const kpiField = <T>(name: KpiName, type: T, t: any) =>
  t.field({ type, description: kpiDescription(name), resolve: (ref: KpiSetRef) => readKpi(ref, name) });

KpiSet.implement({
  description: 'Every KPI of one period (or bucket) and group. Each KPI is computed only when selected. See kpiDefinitions for the formulas.',
  fields: (t) => ({
    ticketCount: kpiField('ticketCount', 'Int', t),
    resolvedCount: kpiField('resolvedCount', 'Int', t),
    backlog: kpiField('backlog', 'Int', t),
    firstResponseTime: kpiField('firstResponseTime', DurationStats, t),
    resolutionTime: kpiField('resolutionTime', DurationStats, t),
    firstContactResolution: kpiField('firstContactResolution', Rate, t),
    averageHandleTime: kpiField('averageHandleTime', HandleTimeStats, t),
    nps: kpiField('nps', NpsScore, t),
    csat: kpiField('csat', CsatScore, t),
    ces: kpiField('ces', CesScore, t),
    selfServiceOpportunity: kpiField('selfServiceOpportunity', Rate, t),
    customersAtStart: kpiField('customersAtStart', 'Int', t),
    customersAtEnd: kpiField('customersAtEnd', 'Int', t),
    newCustomers: kpiField('newCustomers', 'Int', t),
    retentionRate: kpiField('retentionRate', Rate, t),
    churnRate: kpiField('churnRate', Rate, t),
    firstResponseBusinessTime: kpiField('firstResponseBusinessTime', DurationStats, t),
    resolutionBusinessTime: kpiField('resolutionBusinessTime', DurationStats, t),
    firstResponseSla: kpiField('firstResponseSla', SlaAttainment, t),
    resolutionSla: kpiField('resolutionSla', SlaAttainment, t),
    comparison: t.field({
      type: KpiComparison,
      description:
        'The same KPIs over the previous period (against: PREVIOUS_PERIOD, the default: the interval of the same length that ends where ' +
        'this one starts) or the same interval last year (against: PREVIOUS_YEAR). Computed only when selected, in the same statements ' +
        'as the current values.',
      args: { against: t.arg({ type: ComparisonBasisEnum, required: true, defaultValue: 'PREVIOUS_PERIOD' }) },
      resolve: (ref, args) => {
        const previous = ref.source.comparedOf(ref.window, args.against);
        return { against: args.against, current: ref, previous: { ...ref, source: previous.source, window: previous.window } };
      },
    }),
  }),
});

KpiComparison.implement({
  description: 'This period against the previous one or the same one last year.',
  fields: (t) => ({
    against: t.field({ type: ComparisonBasisEnum, description: 'What this period is compared with.', resolve: (c) => c.against }),
    from: t.field({ type: 'DateTime', description: 'Start of the compared period (inclusive).', resolve: (c) => c.previous.source.request.windows[c.previous.window]!.start }),
    to: t.field({
      type: 'DateTime',
      description: 'End of the compared period (exclusive); for PREVIOUS_PERIOD, the start of this one.',
      resolve: (c) => c.previous.source.request.windows[c.previous.window]!.end,
    }),
    previous: t.field({ type: KpiSet, description: 'Every KPI over the compared period.', resolve: (c) => c.previous }),
    change: t.field({ type: KpiChanges, description: 'Each headline number now, before, and the change.', resolve: (c) => c }),
  }),
});

const changeField = (name: KpiName, t: any) =>
  t.field({
    type: KpiChange,
    description: `Change of ${KPI_BY_NAME.get(name)!.title}.`,
    resolve: async (c: ComparisonShape) => ({
      current: HEADLINES[name](await readKpi(c.current, name)),
      previous: HEADLINES[name](await readKpi(c.previous, name)),
    }),
  });

KpiChanges.implement({
  description:
    'Headline numbers now and in the previous period: counts as they are, durations by their average, rates by their value, NPS by its score, ' +
    'CES by its average, SLA attainment by its rate\'s value.',
  fields: (t) => Object.fromEntries((Object.keys(HEADLINES) as KpiName[]).map((name) => [name, changeField(name, t)])) as any,
});
