// The KPI entry points: `kpis` (one set for a period) and `kpiSlices` (a set per bucket and group).
import type { Dimension } from '../../kpi/dimensions.js';
import { validatePeriod, type Granularity, type Period } from '../../kpi/period.js';
import { builder } from '../builder.js';
import { answerSlices, MAX_SLICES, sourceFor } from '../kpi-slice-answer.js';
import { selectedKpis } from '../kpi-selection.js';
import { GranularityEnum, KpiDimensionEnum, KpiFilter, PeriodInput } from './kpi-inputs.js';
import { KpiSliceOrder, type KpiSliceOrderInput } from './kpi-order.js';
import { KpiSet } from './kpi-set.js';
import { KpiSlice } from './kpi-slice.js';

builder.queryFields((t) => ({
  kpis: t.field({
    type: KpiSet,
    description:
      'Every KPI over one period, optionally filtered. Select `comparison` (against the previous period or last year) for the compared ' +
      'values and the change.',
    args: {
      period: t.arg({ type: PeriodInput, required: true }),
      filter: t.arg({ type: KpiFilter }),
    },
    resolve: async (_root, args, ctx, info) => {
      const period = validatePeriod(args.period as Period);
      const filter = await ctx.kpis.resolveFilter(args.filter);
      const source = sourceFor([{ label: period.from, start: period.from, end: period.to }], [], filter, period.timeZone, selectedKpis(info));
      return { source, window: 0, group: '[]' };
    },
  }),

  kpiSlices: t.field({
    type: [KpiSlice],
    description:
      'A KPI set per bucket (with granularity) and per group (with groupBy). Without groupBy every bucket of the period is returned, ' +
      'empty ones included; with groupBy a group with no record in a bucket may be left out. Groups come in their default order ' +
      '(ascending, the null group last) unless orderBy ranks them by a KPI; first keeps the first N of each bucket (top N). ' +
      `At most ${MAX_SLICES} slices.`,
    args: {
      period: t.arg({ type: PeriodInput, required: true }),
      granularity: t.arg({ type: GranularityEnum }),
      groupBy: t.arg({ type: [KpiDimensionEnum] }),
      filter: t.arg({ type: KpiFilter }),
      orderBy: t.arg({ type: KpiSliceOrder, description: 'Ranks the groups of each bucket by a KPI\'s headline value, nulls last. Needs groupBy.' }),
      first: t.arg.int({ description: 'Keeps the first N slices of each bucket (after orderBy). Needs groupBy; at least 1.' }),
    },
    resolve: (_root, args, ctx, info) =>
      answerSlices(
        {
          period: args.period as Period,
          granularity: args.granularity as Granularity | null | undefined,
          groupBy: args.groupBy as Dimension[] | null | undefined,
          filter: args.filter,
          orderBy: args.orderBy as KpiSliceOrderInput | null | undefined,
          first: args.first,
        },
        ctx,
        selectedKpis(info, ['kpis']),
      ),
  }),
}));
