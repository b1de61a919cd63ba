// The cost estimate counts one group for dimensions whose groups depend on the data (teams,
// agents, categories, segments). kpiSlices knows the real number once its KPI statements ran,
// before any drill-down or record of a slice is read: it corrects the operation's cost here,
// and refuses the operation when the corrected cost is over MAX_QUERY_COST. The rate limit
// charges the difference when the operation ends (server/graphql/plugins/access-control.ts).
import type { FieldNode } from 'graphql';
import type { GraphQLContext } from '../context.js';
import { userInputError } from '../errors.js';
import { sliceFieldKey } from './estimate.js';

export function correctSliceCost(context: GraphQLContext, field: FieldNode | undefined, slices: number): void {
  const cost = context.cost;
  const assumed = field ? cost?.slices.get(sliceFieldKey(field)) : undefined;
  if (!cost || !assumed || slices <= assumed.assumed) return;
  cost.actual += Math.ceil((slices - assumed.assumed) * assumed.perSlice);
  assumed.assumed = slices;
  if (cost.actual > cost.limit) {
    throw userInputError(
      `This kpiSlices yields ${slices} slices, so the operation costs ${cost.actual}, more than the limit of ${cost.limit} (MAX_QUERY_COST); ` +
        'select less per slice (smaller drill-down pages), or narrow it: a shorter period, a coarser granularity, fewer groupBy dimensions or a filter',
    );
  }
}
