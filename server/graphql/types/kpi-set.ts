// KpiSet: every KPI of one window and group. Each field reads its family's result, so only
// the families a query selects are ever computed, and all sets of a request share them.
import {
  headlineOf,
  KPI_NAMES,
  KPIS,
  kpiDescription,
  readKpiValue,
  type KpiFamilyOf,
  type KpiName,
  type KpiValue,
} from '../../kpi/definitions.js';
import type { KpiSource } from '../../kpi/kpi-source.js';
import { builder } from '../builder.js';
import { COMPARISON_BASES, type ComparisonBasis } from '../../kpi/comparison.js';
import { userInputError } from '../errors.js';
import { SlaAttainment } from './sla-attainment.js';
import { CesScore, CsatScore, DurationStats, HandleTimeStats, KpiChange, NpsScore, Rate } from './kpi-values.js';

export interface KpiSetRef {
  source: KpiSource;
  window: number;
  group: string;
  /** Set for Agent.kpis, Team.kpis, Customer.kpis: names the scope in error messages. */
  scope?: 'AGENT' | 'TEAM' | 'CUSTOMER';
}

/** The GraphQL type of each value shape (value-shapes.ts). */
const SHAPE_TYPES = {
  count: 'Int',
  duration: DurationStats,
  handleTime: HandleTimeStats,
  rate: Rate,
  nps: NpsScore,
  csat: CsatScore,
  ces: CesScore,
  sla: SlaAttainment,
} as const;

const SCOPE_WORDS = { AGENT: 'scoped to an agent', TEAM: 'scoped to a team', CUSTOMER: 'scoped to a customer' } as const;
/** The filter an entity scope adds itself; not the client's doing, so not named in errors. */
const SCOPE_FILTERS = { AGENT: 'filtered by agentIds', TEAM: 'filtered by teamIds', CUSTOMER: 'filtered by customerIds' } as const;

/** Rejects a KPI its family cannot compute for this grouping and filter (customer KPIs by AGENT…). */
export function assertKpiSupported(name: KpiName, source: KpiSource, scope?: KpiSetRef['scope']): void {
  const family = KPIS[name].family;
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

export async function readKpi<N extends KpiName>(ref: KpiSetRef, name: N): Promise<KpiValue<N>> {
  assertKpiSupported(name, ref.source, ref.scope);
  const family: KpiFamilyOf<N> = KPIS[name].family;
  return readKpiValue(name, await ref.source.values(family, ref.window, ref.group));
}

/** The headline number of a KPI of a set. */
export async function readHeadline(ref: KpiSetRef, name: KpiName): Promise<number | null> {
  return headlineOf(name, await readKpi(ref, name));
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
    "PREVIOUS_YEAR: the same local calendar interval one year earlier in the period's time zone (both ends moved back one calendar year; " +
    'February 29 becomes February 28); in a series, each bucket against its own bucket a year earlier.',
  values: COMPARISON_BASES,
});

export const KpiComparison = builder.objectRef<ComparisonShape>('KpiComparison');
const KpiChanges = builder.objectRef<ComparisonShape>('KpiChanges');

KpiSet.implement({
  description:
    'Every KPI of one period (or bucket) and group. Each KPI is computed only when selected. See kpiDefinitions for the formulas.',
  fields: (t) => ({
    ...Object.fromEntries(
      KPI_NAMES.map((name) => [
        name,
        t.field({ type: SHAPE_TYPES[KPIS[name].shape], description: kpiDescription(name), resolve: (ref) => readKpi(ref, name) }),
      ]),
    ),
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
    from: t.field({
      type: 'DateTime',
      description: 'Start of the compared period (inclusive).',
      resolve: (c) => c.previous.source.request.windows[c.previous.window]!.start,
    }),
    to: t.field({
      type: 'DateTime',
      description: 'End of the compared period (exclusive); for PREVIOUS_PERIOD, the start of this one.',
      resolve: (c) => c.previous.source.request.windows[c.previous.window]!.end,
    }),
    previous: t.field({ type: KpiSet, description: 'Every KPI over the compared period.', resolve: (c) => c.previous }),
    change: t.field({ type: KpiChanges, description: 'Each headline number now, before, and the change.', resolve: (c) => c }),
  }),
});

KpiChanges.implement({
  description:
    'Headline numbers now and in the previous period: counts as they are, durations by their average, rates by their value, NPS by its score, ' +
    "CES by its average, SLA attainment by its rate's value.",
  fields: (t) =>
    Object.fromEntries(
      KPI_NAMES.map((name) => [
        name,
        t.field({
          type: KpiChange,
          description: `Change of ${KPIS[name].title}.`,
          resolve: async (c) => ({ current: await readHeadline(c.current, name), previous: await readHeadline(c.previous, name) }),
        }),
      ]),
    ),
});
