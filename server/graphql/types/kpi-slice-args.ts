// The arguments kpiSlices and kpiTable share, declared once so the table always takes exactly
// what the slices take (and means the same by it).
import type { Dimension } from '../../kpi/dimensions.js';
import type { Granularity, Period } from '../../kpi/period.js';
import { builder } from '../builder.js';
import type { SliceArguments } from '../kpi-slice-answer.js';
import { GranularityEnum, KpiDimensionEnum, KpiFilter, PeriodInput, type KpiFilterInput } from './kpi-inputs.js';
import { KpiSliceOrder, type KpiSliceOrderInput } from './kpi-order.js';

export const sliceArgs = builder.args((t) => ({
  period: t.field({ type: PeriodInput, required: true }),
  granularity: t.field({ type: GranularityEnum }),
  groupBy: t.field({ type: [KpiDimensionEnum] }),
  filter: t.field({ type: KpiFilter }),
  orderBy: t.field({
    type: KpiSliceOrder,
    description: "Ranks the groups of each bucket by a KPI's headline value, nulls last. Needs groupBy.",
  }),
  first: t.int({ description: 'Keeps the first N slices of each bucket (after orderBy). Needs groupBy; at least 1.' }),
}));

export interface SliceArgsInput {
  period: unknown;
  granularity?: unknown;
  groupBy?: readonly unknown[] | null;
  filter?: KpiFilterInput | null;
  orderBy?: unknown;
  first?: number | null;
}

export const toSliceArguments = (args: SliceArgsInput): SliceArguments => ({
  period: args.period as Period,
  granularity: args.granularity as Granularity | null | undefined,
  groupBy: args.groupBy as Dimension[] | null | undefined,
  filter: args.filter,
  orderBy: args.orderBy as KpiSliceOrderInput | null | undefined,
  first: args.first,
});
