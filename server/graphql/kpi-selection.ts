// Which KPIs a query selects under a KpiSet, read from the operation. The KPI resolvers use it
// to run each needed family once for all slices (and the previous period in the same
// statement) instead of discovering them field by field.
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { getArgumentValues, isObjectType, Kind } from 'graphql';
import type { ComparisonBasis } from '../kpi/comparison.js';
import { isKpiName, KPIS, type KpiName } from '../kpi/definitions.js';
import type { FamilyName } from '../kpi/families/registry.js';

export interface KpiSelection {
  kpis: Set<KpiName>;
  /** True when `comparison` is selected. */
  comparison: boolean;
  /** The `against` of every selected `comparison`. */
  comparisons: Set<ComparisonBasis>;
  /** KPIs read for the previous period (under comparison.previous and comparison.change). */
  previousKpis: Set<KpiName>;
  /**
   * The duration KPIs whose median or p90 is read. Exact percentiles sort every value of the
   * sample, the dearest part of a KPI statement, so a family computes them only when asked.
   * Absent: all of them (callers that do not read the selection, e.g. tables by column).
   */
  percentiles?: Set<KpiName>;
}

/** The sub-fields of a duration KPI that need the sorted sample. */
const PERCENTILE_FIELDS = new Set(['median', 'p90']);

/** The KpiSet selection reached from the current field by `path` (e.g. ['kpis'] under a slice). */
export function selectedKpis(info: GraphQLResolveInfo, path: string[] = []): KpiSelection {
  let nodes: FieldNode[] = [...info.fieldNodes];
  for (const name of path) nodes = nodes.flatMap((node) => childFields(node.selectionSet, info).filter((f) => f.name.value === name));
  const selection: KpiSelection = {
    kpis: new Set(),
    comparison: false,
    comparisons: new Set(),
    previousKpis: new Set(),
    percentiles: new Set(),
  };
  const setFields = nodes.flatMap((node) => childFields(node.selectionSet, info));
  addKpis(setFields, selection.kpis);
  for (const field of setFields) {
    const name = field.name.value;
    if (isKpiName(name) && childFields(field.selectionSet, info).some((part) => PERCENTILE_FIELDS.has(part.name.value))) {
      selection.percentiles!.add(name);
    }
  }
  for (const comparison of setFields.filter((f) => f.name.value === 'comparison')) {
    selection.comparison = true;
    selection.comparisons.add(comparisonBasis(comparison, info));
    for (const part of childFields(comparison.selectionSet, info)) {
      if (part.name.value === 'previous' || part.name.value === 'change')
        addKpis(childFields(part.selectionSet, info), selection.previousKpis);
    }
  }
  // What the previous period is read for is not followed field by field: its KPIs get every statistic.
  for (const name of selection.previousKpis) selection.percentiles!.add(name);
  return selection;
}

/** The `against` argument of a `comparison` field, variables and default applied. */
function comparisonBasis(node: FieldNode, info: GraphQLResolveInfo): ComparisonBasis {
  const kpiSet = info.schema.getType('KpiSet');
  const field = isObjectType(kpiSet) ? kpiSet.getFields().comparison : undefined;
  if (!field) return 'PREVIOUS_PERIOD';
  return (getArgumentValues(field, node, info.variableValues).against as ComparisonBasis | undefined) ?? 'PREVIOUS_PERIOD';
}

export function familiesOf(kpis: Iterable<KpiName>): Set<FamilyName> {
  return new Set([...kpis].map((name) => KPIS[name].family));
}

function addKpis(fields: FieldNode[], into: Set<KpiName>): void {
  for (const field of fields) {
    if (isKpiName(field.name.value)) into.add(field.name.value);
  }
}

/** The fields of a selection set, through inline fragments and fragment spreads. */
function childFields(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo): FieldNode[] {
  if (!selectionSet) return [];
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return childFields(selection.selectionSet, info);
    const fragment = info.fragments[selection.name.value];
    return fragment ? childFields(fragment.selectionSet, info) : [];
  });
}
