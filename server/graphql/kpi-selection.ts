// Which KPIs a query selects under a KpiSet, read from the operation. The KPI resolvers use it
// to run each needed family once for all slices (and the previous period in the same
// statement) instead of discovering them field by field.
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { Kind } from 'graphql';
import { KPI_BY_NAME, type KpiName } from '../kpi/definitions.js';
import type { FamilyName } from '../kpi/families/registry.js';

export interface KpiSelection {
  kpis: Set<KpiName>;
  /** True when `comparison` is selected. */
  comparison: boolean;
  /** KPIs read for the previous period (under comparison.previous and comparison.change). */
  previousKpis: Set<KpiName>;
}

/** The KpiSet selection reached from the current field by `path` (e.g. ['kpis'] under a slice). */
export function selectedKpis(info: GraphQLResolveInfo, path: string[] = []): KpiSelection {
  let nodes: FieldNode[] = [...info.fieldNodes];
  for (const name of path) nodes = nodes.flatMap((node) => childFields(node.selectionSet, info).filter((f) => f.name.value === name));
  const selection: KpiSelection = { kpis: new Set(), comparison: false, previousKpis: new Set() };
  const setFields = nodes.flatMap((node) => childFields(node.selectionSet, info));
  addKpis(setFields, selection.kpis);
  for (const comparison of setFields.filter((f) => f.name.value === 'comparison')) {
    selection.comparison = true;
    for (const part of childFields(comparison.selectionSet, info)) {
      if (part.name.value === 'previous' || part.name.value === 'change') addKpis(childFields(part.selectionSet, info), selection.previousKpis);
    }
  }
  return selection;
}

export function familiesOf(kpis: Iterable<KpiName>): Set<FamilyName> {
  return new Set([...kpis].map((name) => KPI_BY_NAME.get(name)!.family));
}

function addKpis(fields: FieldNode[], into: Set<KpiName>): void {
  for (const field of fields) {
    if (KPI_BY_NAME.has(field.name.value as KpiName)) into.add(field.name.value as KpiName);
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
