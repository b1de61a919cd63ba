// The slices of one kpiSlices (or kpiTable) answer: windows, groups in their default order,
// then, when asked, each bucket's groups ordered by a KPI and cut to the first N. Shared by
// both fields so the table holds exactly the slices kpiSlices returns for the same arguments.
import type { KpiName } from '../kpi/definitions.js';
import type { Dimension, ResolvedKpiFilter } from '../kpi/dimensions.js';
import { sourceWithComparisons, type KpiSource } from '../kpi/kpi-source.js';
import { bucketWindows, type Granularity, type Period, type Window } from '../kpi/period.js';
import type { FamilyCell, FamilyResult, KpiReader } from '../kpi/request.js';
import type { GraphQLContext } from './context.js';
import type { KpiRequestCache } from './kpi-request-cache.js';
import { userInputError } from './errors.js';
import { familiesOf, type KpiSelection } from './kpi-selection.js';
import type { KpiFilterInput } from './types/kpi-inputs.js';
import { compareHeadlines, kpiOfKey, type KpiSliceOrderInput } from './types/kpi-order.js';
import { assertKpiSupported, readHeadline } from './types/kpi-set.js';
import type { KpiSliceShape } from './types/kpi-slice.js';

/** The most slices one kpiSlices answer may hold. */
export const MAX_SLICES = 5000;

export interface SliceArguments {
  period: Period;
  granularity?: Granularity | null;
  groupBy?: readonly Dimension[] | null;
  filter?: KpiFilterInput | null;
  orderBy?: KpiSliceOrderInput | null;
  first?: number | null;
}

/** A source over `windows`, with the compared windows appended for each comparison the query selects. */
export function sourceFor(
  db: KpiReader,
  windows: Window[],
  groupBy: Dimension[],
  filter: ResolvedKpiFilter,
  timeZone: string,
  selection: KpiSelection,
  kpis: Pick<KpiRequestCache, 'now' | 'observeFamily' | 'integerPercentiles' | 'rollups' | 'durationPercentiles'>,
): KpiSource {
  const source = sourceWithComparisons(
    {
      db,
      windows,
      groupBy,
      filter,
      timeZone,
      now: kpis.now,
      percentiles: selection.percentiles,
      integerPercentiles: kpis.integerPercentiles,
      rollups: kpis.rollups,
      durationPercentiles: kpis.durationPercentiles,
    },
    selection.comparisons,
    kpis.observeFamily,
  );
  // One error for the whole answer rather than one per slice.
  for (const name of [...selection.kpis, ...selection.previousKpis]) assertKpiSupported(name, source);
  return source;
}

export async function answerSlices(args: SliceArguments, ctx: GraphQLContext, selection: KpiSelection): Promise<KpiSliceShape[]> {
  const period = ctx.kpis.validatePeriod(args.period);
  const granularity = args.granularity ?? null;
  const groupBy = [...new Set(args.groupBy ?? [])];
  const order = args.orderBy ? { kpi: kpiOfKey(args.orderBy.kpi), direction: args.orderBy.direction } : null;
  if ((order || args.first != null) && groupBy.length === 0) {
    throw userInputError(
      `${order ? 'orderBy' : 'first'} needs groupBy: it ranks the groups within each bucket (e.g. groupBy: [AGENT] for the top agents)`,
    );
  }
  if (args.first != null && args.first < 1) throw userInputError(`first must be at least 1 (slices kept per bucket); got ${args.first}`);
  const windows = granularity ? bucketWindows(period, granularity) : [{ label: period.from, start: period.from, end: period.to }];
  const filter = await ctx.kpis.resolveFilter(ctx.prisma, args.filter);
  const source = sourceFor(ctx.prisma, windows, groupBy, filter, period.timeZone, selection, ctx.kpis);
  if (order) assertKpiSupported(order.kpi, source);
  return slicesOf(source, windows, granularity !== null, filter, selection, order, args.first ?? null);
}

async function slicesOf(
  source: KpiSource,
  windows: Window[],
  bucketed: boolean,
  filter: ResolvedKpiFilter,
  selection: KpiSelection,
  order: { kpi: KpiName; direction: KpiSliceOrderInput['direction'] } | null,
  first: number | null,
): Promise<KpiSliceShape[]> {
  const { groupBy } = source.request;
  const timeZone = source.request.timeZone ?? 'UTC';
  const slice = (index: number, key: string, group: FamilyCell<unknown>['group']): KpiSliceShape => ({
    bucketStart: bucketed ? windows[index]!.label : null,
    window: windows[index]!,
    timeZone,
    groupBy,
    group,
    filter,
    kpis: { source, window: index, group: key },
  });
  if (groupBy.length === 0) return windows.map((_, index) => slice(index, '[]', {}));

  // Which groups exist is what the selected families (and the one ordered by) found; with nothing selected, tickets decide.
  let families = familiesOf([...(selection.kpis.size ? selection.kpis : selection.previousKpis), ...(order ? [order.kpi] : [])]);
  if (families.size === 0) families = new Set(['created']);
  const results = (await Promise.all([...families].map((family) => source.family(family)))) as Array<FamilyResult<unknown>>;
  const slices: KpiSliceShape[] = [];
  for (let index = 0; index < windows.length; index++) {
    const groups = new Map<string, FamilyCell<unknown>['group']>();
    for (const result of results) for (const [key, cell] of result[index]!) groups.set(key, cell.group);
    let ordered = [...groups.entries()].sort(([, a], [, b]) =>
      compareGroups(
        groupBy.map((d) => a[d] ?? null),
        groupBy.map((d) => b[d] ?? null),
      ),
    );
    if (order) {
      const values = await Promise.all(ordered.map(([key]) => readHeadline({ source, window: index, group: key }, order.kpi)));
      // Array.prototype.sort is stable: ties keep the default group order.
      ordered = ordered
        .map((entry, i) => ({ entry, value: values[i] ?? null }))
        .sort((a, b) => compareHeadlines(a.value, b.value, order.direction))
        .map(({ entry }) => entry);
    }
    if (first !== null) ordered = ordered.slice(0, first);
    for (const [key, group] of ordered) slices.push(slice(index, key, group));
    if (slices.length > MAX_SLICES) {
      throw userInputError(
        `This request yields more than ${MAX_SLICES} slices; use a coarser granularity, a shorter period, fewer groupBy dimensions or a filter`,
      );
    }
  }
  return slices;
}

/** Orders group values: numbers and strings ascending, the null group last. */
function compareGroups(a: Array<string | number | null>, b: Array<string | number | null>): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
  }
  return 0;
}
