// The scope table (server/auth/required-scopes.ts) is keyed by type and field names, so nothing
// but this test ties it to the schema: a renamed field, a new root field or a new record type
// must make someone decide who may read it.
import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FIELD_SCOPES, RECORD_TYPES, ROOT_FIELD_SCOPES } from '../server/auth/required-scopes.js';
import { schema } from '../server/graphql/schema.js';

/** Node types everyone who reads KPIs may list: the directory of teams and agents. */
const DIRECTORY_TYPES = new Set(['Agent', 'Team']);

describe('the scope table matches the schema', () => {
  it('lists every root field, and only root fields that exist', () => {
    for (const root of ['Query', 'Mutation'] as const) {
      const type = schema.getType(root);
      expect(type && isObjectType(type), `${root} exists`).toBe(true);
      if (!type || !isObjectType(type)) continue;
      const fields = Object.keys(type.getFields()).sort();
      expect(Object.keys(ROOT_FIELD_SCOPES[root]).sort(), `${root} fields in ROOT_FIELD_SCOPES`).toEqual(fields);
    }
  });

  it('names only fields that exist in FIELD_SCOPES', () => {
    for (const key of Object.keys(FIELD_SCOPES)) {
      const [typeName, fieldName] = key.split('.');
      const type = typeName ? schema.getType(typeName) : undefined;
      expect(type && isObjectType(type) && fieldName ? type.getFields()[fieldName] : undefined, key).toBeDefined();
    }
  });

  it('treats every Node type but the directory as a record type needing records:read', () => {
    const nodeTypes = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .filter((type) => type.getInterfaces().some((i) => i.name === 'Node'))
      .map((type) => type.name);
    for (const name of RECORD_TYPES) expect(nodeTypes, `RECORD_TYPES entry ${name}`).toContain(name);
    for (const name of nodeTypes) {
      if (!DIRECTORY_TYPES.has(name)) expect(RECORD_TYPES.has(name), `${name} is a record type`).toBe(true);
    }
  });
});
