// The KPI entry points: `kpis` (one set for a period) and `kpiSlices` (a set per bucket and group).
import type { Dimension, ResolvedKpiFilter } from '../../kpi/dimensions.js';
import { KpiSource, type FamilyObserver } from '../../kpi/kpi-source.js';
import { bucketWindows, previousWindow, type Granularity, type Period, type Window } from '../../kpi/period.js';
import type { FamilyResult, FamilyCell } from '../../kpi/request.js';
import { builder } from '../builder.js';
import { correctSliceCost } from '../cost/correction.js';
import { userInputError } from '../errors.js';
import { familiesOf, selectedKpis, type KpiSelection } from '../kpi-selection.js';
import { GranularityEnum, KpiDimensionEnum, KpiFilter, PeriodInput } from './kpi-inputs.js';
import { assertKpiSupported, KpiSet } from './kpi-set.js';
import { KpiSlice, type KpiSliceShape } from './kpi-slice.js';

/** The most slices one kpiSlices answer may hold. */
export const MAX_SLICES = 5000;

/** A source over `windows`, with their previous periods appended when the query compares. */
function sourceFor(
  windows: Window[], groupBy: Dimension[], filter: ResolvedKpiFilter, selection: KpiSelection, now: Date, observe?: FamilyObserver,
): KpiSource {
  const source = selection.comparison
    ? new KpiSource({ windows: [...windows, ...windows.map(previousWindow)], groupBy, filter, now }, windows.length, observe)
    : new KpiSource({ windows, groupBy, filter, now }, undefined, observe);
  // One error for the whole answer rather than one per slice.
  for (const name of [...selection.kpis, ...selection.previousKpis]) assertKpiSupported(name, source);
  return source;
}

builder.queryFields((t) => ({
  kpis: t.field({
    type: KpiSet,
    description: 'Every KPI over one period, optionally filtered. Select `comparison` for the previous period and the change.',
    args: {
      period: t.arg({ type: PeriodInput, required: true }),
      filter: t.arg({ type: KpiFilter }),
    },
    resolve: async (_root, args, ctx, info) => {
      const period = ctx.kpis.validatePeriod(args.period as Period);
      const filter = await ctx.kpis.resolveFilter(args.filter);
      const source = sourceFor([{ label: period.from, start: period.from, end: period.to }], [], filter, selectedKpis(info), ctx.kpis.now, ctx.kpis.observeFamily);
      return { source, window: 0, group: '[]' };
    },
  }),

  kpiSlices: t.field({
    type: [KpiSlice],
    description:
      'A KPI set per bucket (with granularity) and per group (with groupBy). Without groupBy every bucket of the period is returned, ' +
      `empty ones included; with groupBy a group with no record in a bucket may be left out. At most ${MAX_SLICES} slices.`,
    args: {
      period: t.arg({ type: PeriodInput, required: true }),
      granularity: t.arg({ type: GranularityEnum }),
      groupBy: t.arg({ type: [KpiDimensionEnum] }),
      filter: t.arg({ type: KpiFilter }),
    },
    resolve: async (_root, args, ctx, info) => {
      const period = ctx.kpis.validatePeriod(args.period as Period);
      const granularity = (args.granularity ?? null) as Granularity | null;
      const windows = granularity ? bucketWindows(period, granularity) : [{ label: period.from, start: period.from, end: period.to }];
      const groupBy = [...new Set(args.groupBy ?? [])] as Dimension[];
      const filter = await ctx.kpis.resolveFilter(args.filter);
      const selection = selectedKpis(info, ['kpis']);
      const source = sourceFor(windows, groupBy, filter, selection, ctx.kpis.now, ctx.kpis.observeFamily);
      const slices = await slicesOf(source, windows, granularity !== null, filter, selection);
      correctSliceCost(ctx, info.fieldNodes[0], slices.length);
      return slices;
    },
  }),
}));

async function slicesOf(
  source: KpiSource,
  windows: Window[],
  bucketed: boolean,
  filter: ResolvedKpiFilter,
  selection: KpiSelection,
): Promise<KpiSliceShape[]> {
  const { groupBy } = source.request;
  const slice = (index: number, key: string, group: FamilyCell<unknown>['group']): KpiSliceShape => ({
    bucketStart: bucketed ? windows[index]!.label : null,
    window: windows[index]!,
    groupBy,
    group,
    filter,
    kpis: { source, window: index, group: key },
  });
  if (groupBy.length === 0) return windows.map((_, index) => slice(index, '[]', {}));

  // Which groups exist is what the selected families found; with nothing selected, tickets decide.
  let families = familiesOf(selection.kpis.size ? selection.kpis : selection.previousKpis);
  if (families.size === 0) families = new Set(['created']);
  const results = (await Promise.all([...families].map((family) => source.family(family)))) as Array<FamilyResult<unknown>>;
  const slices: KpiSliceShape[] = [];
  windows.forEach((_, index) => {
    const groups = new Map<string, FamilyCell<unknown>['group']>();
    for (const result of results) for (const [key, cell] of result[index]!) groups.set(key, cell.group);
    const ordered = [...groups.entries()].sort(([, a], [, b]) => compareGroups(groupBy.map((d) => a[d] ?? null), groupBy.map((d) => b[d] ?? null)));
    for (const [key, group] of ordered) slices.push(slice(index, key, group));
    if (slices.length > MAX_SLICES) {
      throw userInputError(
        `This request yields more than ${MAX_SLICES} slices; use a coarser granularity, a shorter period, fewer groupBy dimensions or a filter`,
      );
    }
  });
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
