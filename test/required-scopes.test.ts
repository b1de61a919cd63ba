// Scopes are declared where fields are defined (`authScopes`, @pothos/plugin-scope-auth) and read
// back off the schema by the check that runs before execution. These tests tie the declarations
// to the schema: a new root field, a new record type or a dropped declaration on a sensitive
// field must make someone decide who may read it.
import { GraphQLObjectType, GraphQLSchema, GraphQLString, isObjectType, type GraphQLField } from 'graphql';
import { describe, expect, it } from 'vitest';
import { assertScopesDeclared, fieldRequirement, typeRequirement } from '../server/auth/declared-scopes.js';
import { schema } from '../server/graphql/schema.js';

/** Node types everyone who reads KPIs may list: the directory of teams and agents. */
const DIRECTORY_TYPES = new Set(['Agent', 'Team']);

const objectType = (name: string) => {
  const type = schema.getType(name);
  if (!type || !isObjectType(type)) throw new Error(`${name} is not an object type`);
  return type;
};
const field = (typeName: string, fieldName: string): GraphQLField<unknown, unknown> => {
  const found = objectType(typeName).getFields()[fieldName];
  if (!found) throw new Error(`${typeName}.${fieldName} does not exist`);
  return found;
};

describe('scope declarations on the schema', () => {
  it('every root field declares its scopes', () => {
    for (const root of ['Query', 'Mutation']) {
      for (const [name, rootField] of Object.entries(objectType(root).getFields())) {
        expect(fieldRequirement(rootField), `${root}.${name} declares authScopes`).not.toBeNull();
      }
    }
  });

  it('refuses to build a schema with a root field that declares none', () => {
    const undeclared = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { open: { type: GraphQLString } } }),
    });
    expect(() => assertScopesDeclared(undeclared)).toThrow(/Root fields without authScopes.*Query\.open/);
  });

  it('gives root fields the scopes the README documents', () => {
    const declared = (root: string) =>
      Object.fromEntries(Object.entries(objectType(root).getFields()).map(([name, rootField]) => [name, fieldRequirement(rootField)]));
    expect(declared('Query')).toMatchObject({
      kpis: ['kpis:read'],
      kpiSlices: ['kpis:read'],
      kpiTable: ['kpis:read'],
      kpiDefinitions: ['kpis:read'],
      agents: ['kpis:read', 'records:read'],
      teams: ['kpis:read', 'records:read'],
      node: ['records:read'],
      tickets: ['records:read'],
      customers: ['records:read'],
      surveyResponses: ['records:read'],
      businessCalendars: ['records:read'],
      slaPolicies: ['records:read'],
      apiKeys: ['keys:admin'],
      viewer: [],
    });
    for (const [name, requirement] of Object.entries(declared('Mutation'))) {
      expect(requirement, `Mutation.${name}`).toEqual(
        name === 'createApiKey' || name === 'revokeApiKey' ? ['keys:admin'] : ['records:write'],
      );
    }
  });

  it('treats every Node type but the directory as a record type: all its fields need records:read', () => {
    const nodeTypes = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .filter((type) => type.getInterfaces().some((i) => i.name === 'Node'));
    expect(nodeTypes.length).toBeGreaterThan(DIRECTORY_TYPES.size);
    for (const type of nodeTypes) {
      expect(typeRequirement(type), `${type.name} type scopes`).toEqual(DIRECTORY_TYPES.has(type.name) ? null : ['records:read']);
    }
    const recordTypes = Object.values(schema.getTypeMap()).filter((type) => typeRequirement(type) !== null);
    for (const type of recordTypes) expect(nodeTypes, `${type.name} is a Node type`).toContain(type);
  });

  it('keeps the sensitive fields of other types protected', () => {
    expect(fieldRequirement(field('Agent', 'email'))).toEqual(['records:read']);
    expect(fieldRequirement(field('Team', 'businessCalendar'))).toEqual(['records:read']);
    expect(fieldRequirement(field('Agent', 'kpis'))).toEqual(['kpis:agents']);
    expect(fieldRequirement(field('Team', 'kpis'))).toEqual(['kpis:read']);
    expect(fieldRequirement(field('KpiGroup', 'agent'))).toEqual(['kpis:agents']);
  });

  it('declares scopes on no other field of a non-record type, so none goes unnoticed', () => {
    const declaredElsewhere: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'Query' || type.name === 'Mutation' || typeRequirement(type))
        continue;
      for (const [name, typeField] of Object.entries(type.getFields())) {
        if (fieldRequirement(typeField)) declaredElsewhere.push(`${type.name}.${name}`);
      }
    }
    expect(declaredElsewhere.sort()).toEqual(['Agent.email', 'Agent.kpis', 'KpiGroup.agent', 'Team.businessCalendar', 'Team.kpis']);
  });
});
