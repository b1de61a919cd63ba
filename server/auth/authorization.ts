// Checks an operation against the caller's scopes before anything executes: every field the
// document selects (through fragments too), and the KPI arguments that reach agent-level data
// (groupBy AGENT, filter.agentIds), with variables applied. The answer lists every missing
// scope at once, naming the field and the scope to ask for. What each field needs is declared
// on the field or its type (`authScopes`, read back by declared-scopes.ts); scope-auth checks the
// same declarations again as each field resolves.
import {
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

import type { Principal } from './principal.js';
import { fieldRequirement, typeRequirement, type Requirement } from './declared-scopes.js';

export function missingScopes(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  rawVariables: Record<string, unknown> | undefined,
  principal: Principal,
): string[] {
  // Variables as execution will see them, defaults included ($by: [KpiDimension!] = [AGENT]).
  const operation = getOperationAST(document, operationName);
  const coerced = operation ? getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}) : undefined;
  const variables = coerced?.coerced;
  const problems = new Set<string>();
  const holds = (requirement: Requirement) => requirement.length === 0 || requirement.some((scope) => principal.scopes.has(scope));
  const need = (where: string, requirement: Requirement) => {
    if (!holds(requirement)) problems.add(`${where} needs the scope ${requirement.join(' or ')}`);
  };
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const name = node.name.value;
        if (!parent || !field || name.startsWith('__')) return;
        const where = `${parent.name}.${name}`;
        const declared = fieldRequirement(field);
        const root = parent.name === 'Query' || parent.name === 'Mutation';
        if (root) {
          // Unreachable while the schema builds (assertScopesDeclared), but closed regardless.
          if (!declared) problems.add(`${where} is not open to API keys`);
          else need(where, declared);
        }
        const recordScopes = typeRequirement(parent);
        if (recordScopes) need(`${where} (a ${parent.name} record)`, recordScopes);
        // Reaching a record type through an interface (node) is covered by Query.node.
        const listed = recordTypeOf(getNamedType(field.type));
        if (listed) need(`${where} (${listed.name} records)`, listed.requirement);
        if (!root && declared) need(where, declared);
        if (name === 'kpis' || name === 'kpiSlices' || name === 'kpiTable')
          checkKpiArguments(field, node, variables, (what) => need(`${where}(${what})`, ['kpis:agents']));
      },
    }),
  );
  return [...problems];
}

/** The record type a field's type is, or lists as a connection (edges { node }); null for others. */
function recordTypeOf(type: GraphQLNamedType): { name: string; requirement: Requirement } | null {
  if (!isObjectType(type)) return null;
  const own = typeRequirement(type);
  if (own) return { name: type.name, requirement: own };
  const edges = type.getFields().edges;
  const edge = edges ? getNamedType(edges.type) : null;
  const node = edge && isObjectType(edge) ? edge.getFields().node : undefined;
  const nodeType = node ? getNamedType(node.type) : null;
  const nodeRequirement = nodeType ? typeRequirement(nodeType) : null;
  return nodeType && nodeRequirement ? { name: nodeType.name, requirement: nodeRequirement } : null;
}

/** groupBy: [AGENT] and filter.agentIds reach agent-level KPIs. */
function checkKpiArguments(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: { [name: string]: unknown } | undefined,
  report: (what: string) => void,
): void {
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, node, variables ?? {});
  } catch {
    return; // invalid arguments fail in execution with their own message
  }
  const groupBy = args.groupBy as string[] | undefined;
  if (groupBy?.includes('AGENT')) report('groupBy: AGENT');
  const filter = args.filter as { agentIds?: unknown[] } | undefined;
  if (filter?.agentIds?.length) report('filter.agentIds');
}
