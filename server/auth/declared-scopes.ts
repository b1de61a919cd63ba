// Reads the scope declarations (scope-declarations.ts) back off the built schema: Pothos keeps
// each field's and type's options in its `extensions.pothosOptions`. The check before execution
// (authorization.ts), the start-up guard on root fields and test/required-scopes.test.ts all
// read them here, so there is one source: the declaration next to the field.
import { isObjectType, type GraphQLField, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { isScope, type Scope } from './scopes.js';

/** A requirement is met by holding any one of the scopes listed; [] is met by every caller. */
export type Requirement = readonly Scope[];

type Declared = { readonly extensions?: Readonly<Record<string, unknown>> | null };

const cache = new WeakMap<object, Requirement | null>();

/** The field's own declaration; null when it declares none. */
export function fieldRequirement(field: GraphQLField<unknown, unknown>): Requirement | null {
  return requirementOf(field, () => `field ${field.name}`);
}

/** The declaration of a type (records need records:read on every field); null for others. */
export function typeRequirement(type: GraphQLNamedType): Requirement | null {
  return isObjectType(type) ? requirementOf(type, () => `type ${type.name}`) : null;
}

function requirementOf(holder: Declared, describe: () => string): Requirement | null {
  const known = cache.get(holder);
  if (known !== undefined) return known;
  const requirement = parse(declarationOf(holder), describe);
  cache.set(holder, requirement);
  return requirement;
}

function declarationOf(holder: Declared): unknown {
  const options = holder.extensions?.pothosOptions;
  return options && typeof options === 'object' ? (options as { authScopes?: unknown }).authScopes : undefined;
}

function parse(declaration: unknown, describe: () => string): Requirement | null {
  if (declaration === undefined) return null;
  // A function could only be evaluated per request and parent: the check before execution
  // could not read it, so such a declaration is a programming error, caught at start.
  if (declaration === null || typeof declaration !== 'object')
    throw new Error(`${describe()}: authScopes must be a map of scopes, not ${typeof declaration}`);
  const scopes: Scope[] = [];
  for (const [name, value] of Object.entries(declaration)) {
    if (value !== true) throw new Error(`${describe()}: authScopes.${name} must be true`);
    if (name === 'anyCaller') return [];
    if (!isScope(name)) throw new Error(`${describe()}: authScopes names "${name}", which is no scope`);
    scopes.push(name);
  }
  if (scopes.length === 0) throw new Error(`${describe()}: authScopes names no scope (use ANY_CALLER for a field open to every caller)`);
  return scopes;
}

/**
 * Throws unless every Query and Mutation field declares its scopes (and every declaration
 * reads): a new root field is closed until someone decides who may use it, and the server
 * refuses to start rather than serve it.
 */
export function assertScopesDeclared(schema: GraphQLSchema): void {
  const undeclared: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      if (!fieldRequirement(field)) undeclared.push(`${root!.name}.${field.name}`);
    }
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    typeRequirement(type);
    for (const field of Object.values(type.getFields())) fieldRequirement(field);
  }
  if (undeclared.length > 0) {
    throw new Error(
      `Root fields without authScopes (decide who may use them, see server/auth/scope-declarations.ts): ${undeclared.join(', ')}`,
    );
  }
}
