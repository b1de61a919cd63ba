// The KPI entry points: `kpis` (one set for a period) and `kpiSlices` (a set per bucket and group).
import type { Period } from '../../kpi/period.js';
import { builder } from '../builder.js';
import { KPIS } from '../../auth/scope-declarations.js';
import { correctSliceCost } from '../cost/correction.js';
import { answerSlices, MAX_SLICES, sourceFor } from '../kpi-slice-answer.js';
import { selectedKpis } from '../kpi-selection.js';
import { KpiFilter, PeriodInput } from './kpi-inputs.js';
import { KpiSet } from './kpi-set.js';
import { KpiSlice } from './kpi-slice.js';
import { sliceArgs, toSliceArguments } from './kpi-slice-args.js';

builder.queryFields((t) => ({
  kpis: t.field({
    authScopes: KPIS,
    type: KpiSet,
    description:
      'Every KPI over one period, optionally filtered. Select `comparison` (against the previous period or last year) for the compared ' +
      'values and the change.',
    args: {
      period: t.arg({ type: PeriodInput, required: true }),
      filter: t.arg({ type: KpiFilter }),
    },
    resolve: async (_root, args, ctx, info) => {
      const period = ctx.kpis.validatePeriod(args.period as Period);
      const filter = await ctx.kpis.resolveFilter(ctx.prisma, args.filter);
      const source = sourceFor(
        ctx.prisma,
        [{ label: period.from, start: period.from, end: period.to }],
        [],
        filter,
        period.timeZone,
        selectedKpis(info),
        ctx.kpis,
      );
      return { source, window: 0, group: '[]' };
    },
  }),

  kpiSlices: t.field({
    authScopes: KPIS,
    type: [KpiSlice],
    description:
      'A KPI set per bucket (with granularity) and per group (with groupBy). Without groupBy every bucket of the period is returned, ' +
      'empty ones included; with groupBy a group with no record in a bucket may be left out. Groups come in their default order ' +
      '(ascending, the null group last) unless orderBy ranks them by a KPI; first keeps the first N of each bucket (top N). ' +
      `At most ${MAX_SLICES} slices.`,
    args: sliceArgs,
    resolve: async (_root, args, ctx, info) => {
      const slices = await answerSlices(toSliceArguments(args), ctx, selectedKpis(info, ['kpis']));
      correctSliceCost(ctx, info.fieldNodes[0], slices.length);
      return slices;
    },
  }),
}));
