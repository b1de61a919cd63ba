// How many slices a kpiSlices field will return, estimated from its arguments before it runs:
// buckets × groups. Buckets are exact (computed from the period, granularity and time zone as
// the resolver will; without groupBy every bucket is a slice). Groups depend on the data: a
// group with no record in a bucket is left out, so even CHANNEL × PRIORITY by HOUR over a
// quiet month yields few slices, and an upper bound would refuse reasonable requests. The
// estimate counts the values a filter lists for a dimension (plus its null group), and one
// group otherwise; kpiSlices corrects the cost with the real count once its KPI statements
// ran, before any drill-down or record is read (correction.ts).
import type { KpiDimension } from '../../kpi/dimensions.js';
import { bucketWindows, validatePeriod, type Granularity, type Period } from '../../kpi/period.js';
import { MAX_SLICES } from '../kpi-slice-answer.js';

interface SliceArgs {
  period?: Period;
  granularity?: Granularity | null;
  groupBy?: KpiDimension[] | null;
  filter?: Record<string, unknown[] | null | undefined> | null;
}

/** Time-of-day dimensions have a known number of groups: 24 hours, 7 weekdays. */
const FIXED_GROUPS: Partial<Record<KpiDimension, number>> = { HOUR_OF_DAY: 24, DAY_OF_WEEK: 7 };

const FILTER_OF: Partial<Record<KpiDimension, string>> = {
  AGENT: 'agentIds',
  TEAM: 'teamIds',
  CHANNEL: 'channels',
  PRIORITY: 'priorities',
  CATEGORY: 'categories',
  CUSTOMER_SEGMENT: 'customerSegments',
};

export function estimateSlices(rawArgs: Record<string, unknown>): number {
  const args = rawArgs as SliceArgs;
  let slices = bucketCount(args);
  for (const dimension of new Set(args.groupBy ?? [])) slices *= groupCount(dimension, args.filter);
  return Math.min(slices, MAX_SLICES);
}

function bucketCount(args: SliceArgs): number {
  if (!args.period || !args.granularity) return 1;
  try {
    return bucketWindows(validatePeriod(args.period), args.granularity).length;
  } catch {
    // An invalid period or too many buckets: the resolver refuses it before any work.
    return 1;
  }
}

function groupCount(dimension: KpiDimension, filter: SliceArgs['filter']): number {
  const fixed = FIXED_GROUPS[dimension];
  if (fixed) return fixed;
  const field = FILTER_OF[dimension];
  const listed = field ? filter?.[field] : undefined;
  return listed ? listed.length + 1 : 1;
}
