// What an operation will cost, computed before it executes, from the variables as GraphQL
// coerces them (defaults included), so `first: $n` costs what `first: 60` costs. The unit is
// one object the server produces (a record, an edge, a KPI value object, a slice); scalar
// fields are free, since the token and alias limits already bound how many one object can
// select. A list multiplies what each item selects by how many items it can hold: a
// connection by its page size (first/last, default 20) on edges and nodes, kpiSlices by its
// slices (buckets × groups, see slices.ts), any other list by DEFAULT_LIST_SIZE.
// Introspection costs a flat amount.
// graphql-armor's rule, used before, reads literals only and guesses by depth: `first: $n`
// was free and a literal `first: 5` three levels down was refused.
import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues, getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, type DirectiveNode } from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../pagination.js';
import { estimateSlices } from './slices.js';

/** Plain lists without a size argument (kpiDefinitions, apiKeys, a key's teams). */
export const DEFAULT_LIST_SIZE = 20;
/** The whole schema through __schema: about the size of its answer in objects. */
export const INTROSPECTION_COST = 1000;
/** One type through __type. */
export const TYPE_INTROSPECTION_COST = 50;

/**
 * How a kpiSlices field is found again at execution: by where it stands in the query text.
 * Plugins may execute a rewritten copy of the document (the response cache adds __typename),
 * whose nodes are new objects but keep their locations.
 */
export type SliceFieldKey = number | FieldNode;
export const sliceFieldKey = (node: FieldNode): SliceFieldKey => node.loc?.start ?? node;

export interface SlicesEstimate {
  /** How many slices the estimate assumed. */
  assumed: number;
  /** What each slice's selection costs. */
  perSlice: number;
}

export interface OperationCost {
  /** MAX_QUERY_COST: no operation may cost more, estimated or corrected. */
  limit: number;
  /** The estimate, in whole units. */
  estimated: number;
  /** Per kpiSlices field: what was assumed, so the resolver can correct it with the real count. */
  slices: Map<SliceFieldKey, SlicesEstimate>;
  /** What the answer finally cost: the estimate plus corrections (slices beyond the assumption). */
  actual: number;
  /** The arguments of every connection the operation selects, by field name, for the page-size rule. */
  pages: Array<{ field: string; args: Record<string, unknown> }>;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  slices: Map<SliceFieldKey, SlicesEstimate>;
  pages: OperationCost['pages'];
}

export function estimateCost(
  limit: number,
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): OperationCost {
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const walk: Walk = { schema, fragments, variables, slices: new Map(), pages: [] };
  const estimated = root ? Math.ceil(selectionCost(walk, operation.selectionSet, root, new Set())) : 0;
  return { limit, estimated, slices: walk.slices, actual: estimated, pages: walk.pages };
}

function included(walk: Walk, node: { directives?: readonly DirectiveNode[] }): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, walk.variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, walk.variables);
  return include?.if !== false;
}

/** The fields a selection set selects on `type`, through fragments, with @skip/@include applied. */
function fieldsOf(
  walk: Walk,
  selectionSet: SelectionSetNode,
  type: GraphQLNamedType,
  seen: Set<string>,
  out: FieldNode[] = [],
): FieldNode[] {
  for (const selection of selectionSet.selections) {
    if (!included(walk, selection)) continue;
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(walk, selection.selectionSet, type, seen, out);
    else {
      const name = selection.name.value;
      const fragment = walk.fragments[name];
      // Validation refuses fragment cycles; the guard keeps a bug from looping here.
      if (!fragment || seen.has(name)) continue;
      fieldsOf(walk, fragment.selectionSet, type, new Set([...seen, name]), out);
    }
  }
  return out;
}

/** `pageSize`: set when `type` is a connection, how many edges (and nodes) a page holds. */
function selectionCost(
  walk: Walk,
  selectionSet: SelectionSetNode,
  type: GraphQLNamedType,
  seen: Set<string>,
  pageSize: number | null = null,
): number {
  let total = 0;
  for (const node of fieldsOf(walk, selectionSet, type, seen)) {
    const name = node.name.value;
    if (name === '__typename') continue;
    if (name === '__schema') {
      total += INTROSPECTION_COST;
      continue;
    }
    if (name === '__type') {
      total += TYPE_INTROSPECTION_COST;
      continue;
    }
    const field = fieldOn(type, name);
    if (!field) continue;
    const inner = getNamedType(field.type);
    const paged = pageSize !== null && (name === 'edges' || name === 'nodes');
    const multiplier = paged ? pageSize : 1;
    if (!node.selectionSet) continue;
    const args = argumentsOf(walk, field, node);
    if (isConnection(field)) walk.pages.push({ field: name, args });
    const listed = isListType(getNullableType(field.type));
    let items = 1;
    if (name === 'kpiSlices') items = estimateSlices(args);
    else if (listed && !paged) items = DEFAULT_LIST_SIZE;
    const each = 1 + selectionCost(walk, node.selectionSet, inner, seen, isConnection(field) ? pageSizeOf(args) : null);
    if (name === 'kpiSlices') walk.slices.set(sliceFieldKey(node), { assumed: items, perSlice: each });
    total += multiplier * items * each;
  }
  return total;
}

function fieldOn(type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(type) || isInterfaceType(type)) return type.getFields()[name];
  return undefined;
}

function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return isObjectType(type) && 'edges' in type.getFields() && field.args.some((arg) => arg.name === 'first');
}

/** The field's arguments as the resolver will see them; {} when they do not coerce (execution reports that). */
function argumentsOf(walk: Walk, field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, walk.variables);
  } catch {
    return {};
  }
}

function pageSizeOf(args: Record<string, unknown>): number {
  const size = (args.first ?? args.last ?? DEFAULT_PAGE_SIZE) as number;
  // Sizes over the maximum are refused by the resolver; negative ones too.
  return Number.isFinite(size) && size > 0 ? size : 0;
}
