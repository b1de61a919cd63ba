// How many slices a kpiSlices field will return, estimated from its arguments before it runs:
// buckets × groups. Buckets are exact (computed from the period, granularity and time zone as
// the resolver will). Groups are exact for CHANNEL and PRIORITY (their values are fixed) and
// for any dimension the filter narrows to a list; for the others (teams, agents, categories,
// segments) they depend on the data, so the estimate counts one group and the resolver
// corrects the cost with the real count before any drill-down runs (correction.ts).
import { Channel, Priority } from '../../generated/prisma/enums.js';
import type { KpiDimension } from '../../kpi/dimensions.js';
import { bucketWindows, validatePeriod, type Granularity, type Period } from '../../kpi/period.js';
import { MAX_SLICES } from '../types/kpi-queries.js';

interface SliceArgs {
  period?: Period;
  granularity?: Granularity | null;
  groupBy?: KpiDimension[] | null;
  filter?: Record<string, unknown[] | null | undefined> | null;
}

const FILTER_OF: Record<KpiDimension, string> = {
  AGENT: 'agentIds',
  TEAM: 'teamIds',
  CHANNEL: 'channels',
  PRIORITY: 'priorities',
  CATEGORY: 'categories',
  CUSTOMER_SEGMENT: 'customerSegments',
};

/** Values a dimension can take whatever the data; null: it depends on the data. */
const FIXED_VALUES: Partial<Record<KpiDimension, number>> = {
  CHANNEL: Object.keys(Channel).length,
  PRIORITY: Object.keys(Priority).length,
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
  const listed = filter?.[FILTER_OF[dimension]];
  // A listed filter bounds the groups; records outside the dimension's values form the null group.
  if (listed) return listed.length + (dimension in FIXED_VALUES ? 0 : 1);
  return FIXED_VALUES[dimension] ?? 1;
}
