// Scopes as a scanner with a weak key probes them: every refusal names the field and the scope and
// executes nothing, and key administration needs keys:admin. The scanned API is production-like
// (test/support/scanner-api.ts).
import {
  getNamedType,
  type GraphQLInputType,
  type GraphQLOutputType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Scope } from '../../server/auth/scopes.js';
import { schema } from '../../server/graphql/schema.js';
import {
  as,
  b64,
  codes,
  count,
  PERIOD,
  PERIOD_LITERAL,
  post,
  scanner,
  teamExists,
  upsertTeam,
  useScannerApi,
} from '../support/scanner-api.js';
import type { HttpAnswer } from '../support/test-api.js';

useScannerApi();

describe('scopes', () => {
  interface Refusal {
    name: string;
    query: string;
    variables?: () => Record<string, unknown>;
    /** What the message must name: the field (coordinate) and the scope. */
    names: string[];
  }

  const kpiReaderRefusals: Refusal[] = [
    { name: 'tickets', query: '{ tickets(first: 1) { totalCount } }', names: ['Query.tickets', 'records:read'] },
    { name: 'customers', query: '{ customers(first: 1) { totalCount } }', names: ['Query.customers', 'records:read'] },
    {
      name: 'node(id:)',
      query: 'query ($id: ID!) { node(id: $id) { id } }',
      variables: () => ({ id: b64('Ticket:1') }),
      names: ['Query.node', 'records:read'],
    },
    { name: 'Agent.email', query: '{ agents(first: 5) { edges { node { name email } } } }', names: ['Agent.email', 'records:read'] },
    {
      name: 'agents { kpis }',
      query: `{ agents(first: 5) { edges { node { name kpis(${PERIOD_LITERAL}) { ticketCount } } } } }`,
      names: ['Agent.kpis', 'kpis:agents'],
    },
    {
      name: 'kpiSlices(groupBy: [AGENT])',
      query: `{ kpiSlices(${PERIOD_LITERAL}, groupBy: [AGENT]) { kpis { ticketCount } } }`,
      names: ['Query.kpiSlices', 'AGENT', 'kpis:agents'],
    },
    {
      name: 'kpis(filter: { agentIds }) through a variable',
      query: 'query ($p: PeriodInput!, $ids: [ID!]) { kpis(period: $p, filter: { agentIds: $ids }) { ticketCount } }',
      variables: () => ({ p: PERIOD, ids: [scanner.agentId] }),
      names: ['Query.kpis', 'agentIds', 'kpis:agents'],
    },
    {
      name: 'kpiSlices(groupBy:) through a variable whose default is [AGENT]',
      query: 'query ($p: PeriodInput!, $by: [KpiDimension!] = [AGENT]) { kpiSlices(period: $p, groupBy: $by) { kpis { ticketCount } } }',
      variables: () => ({ p: PERIOD }),
      names: ['Query.kpiSlices', 'AGENT', 'kpis:agents'],
    },
    {
      name: 'kpis(filter: { agentIds }) through a variable default',
      query: `query ($p: PeriodInput!, $f: KpiFilter = { agentIds: ["${b64('Agent:1')}"] }) { kpis(period: $p, filter: $f) { ticketCount } }`,
      variables: () => ({ p: PERIOD }),
      names: ['Query.kpis', 'agentIds', 'kpis:agents'],
    },
    {
      name: "an agent's tickets (agent-level ticket counts)",
      query: '{ agents(first: 5) { edges { node { name tickets(filter: { statuses: [OPEN] }) { totalCount } } } } }',
      names: ['Agent.tickets'],
    },
    {
      name: "an agent's interactions (agent-level interaction counts)",
      query: '{ agents(first: 5) { edges { node { name interactions { totalCount } } } } }',
      names: ['Agent.interactions'],
    },
  ];

  function expectForbidden(answer: HttpAnswer, names: string[]) {
    expect(answer.status).toBe(403);
    expect(answer.body?.data).toBeUndefined();
    expect(codes(answer).length).toBeGreaterThan(0);
    expect(new Set(codes(answer))).toEqual(new Set(['FORBIDDEN']));
    const messages = answer.body!.errors!.map((error) => error.message).join('\n');
    for (const name of names) expect(messages).toContain(name);
  }

  for (const refusal of kpiReaderRefusals) {
    it(`a kpis:read key is refused ${refusal.name}: 403 FORBIDDEN naming field and scope, nothing executed`, async () => {
      let answer: HttpAnswer | undefined;
      const statements = await scanner.api.countStatements(async () => {
        answer = await post(refusal.query, refusal.variables?.() ?? {}, as('kpiReader'));
      });
      expectForbidden(answer!, refusal.names);
      expect(statements).toBe(0);
    });
  }

  it('a kpis:read key is refused importRecords, which writes nothing', async () => {
    const teams = await count('team');
    const ndjson = JSON.stringify({ type: 'team', externalId: 'scope-import', name: 'Imported' });
    const answer = await post(
      'mutation ($n: String!) { importRecords(input: { ndjson: $n }) { ok records } }',
      { n: ndjson },
      as('kpiReader'),
    );
    expectForbidden(answer, ['Mutation.importRecords', 'records:write']);
    expect(await count('team')).toBe(teams);
    expect(await teamExists('scope-import')).toBe(false);
  });

  it('a records:read key cannot write (upsertTeam): 403, nothing written', async () => {
    const answer = await post(upsertTeam('scope-upsert'), {}, as('recordReader'));
    expectForbidden(answer, ['Mutation.upsertTeam', 'records:write']);
    expect(await teamExists('scope-upsert')).toBe(false);
  });

  it('the same key may read what its scope covers (the refusals are selective)', async () => {
    const answer = await post(`{ kpis(${PERIOD_LITERAL}) { ticketCount } teams { totalCount } }`, {}, as('kpiReader'));
    expect(answer.status).toBe(200);
    expect(answer.body?.errors).toBeUndefined();
    expect(answer.body?.data.kpis.ticketCount).toBeGreaterThan(0);
  });
});

// Key administration through GraphQL (viewer, apiKeys, createApiKey, revokeApiKey). Skipped
// until the schema has these fields; the documents are built from the schema, so that the
// checks do not depend on details such as whether scopes are strings or an enum.
const queryFields = schema.getQueryType()?.getFields() ?? {};
const mutationFields = schema.getMutationType()?.getFields() ?? {};
const hasKeyAdministration = Boolean(
  queryFields.apiKeys && queryFields.viewer && mutationFields.createApiKey && mutationFields.revokeApiKey,
);

/** Every field without required arguments, `depth` levels down; interfaces and unions by __typename. */
function selectionOf(type: GraphQLOutputType, depth = 3): string {
  const named = getNamedType(type);
  if (isInterfaceType(named) || isUnionType(named) || (isObjectType(named) && depth === 0)) return '{ __typename }';
  if (!isObjectType(named)) return '';
  const fields = Object.values(named.getFields()).filter(
    (field) => !field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined),
  );
  return `{ ${fields.map((field) => `${field.name} ${selectionOf(field.type, depth - 1)}`).join(' ')} }`;
}

/** A scope as the schema takes it: the string itself, or the enum value of that name. */
function scopeValue(scope: Scope, inputType: GraphQLInputType): string {
  const named = getNamedType(inputType);
  const scopes = isInputObjectType(named) ? named.getFields().scopes : undefined;
  const scopeType = scopes ? getNamedType(scopes.type) : undefined;
  if (!isEnumType(scopeType)) return scope;
  const value = scopeType.getValues().find((candidate) => normalScope(candidate.name) === normalScope(scope));
  return value?.name ?? scope;
}

function normalScope(scope: string): string {
  return scope.toLowerCase().replace(/[^a-z]/g, '');
}

describe.skipIf(!hasKeyAdministration)('key administration', () => {
  function createKeyRequest(scope: Scope) {
    const field = mutationFields.createApiKey!;
    const input = field.args.find((arg) => arg.name === 'input')!;
    return {
      query: `mutation ($input: ${String(input.type)}) { createApiKey(input: $input) ${selectionOf(field.type, 2)} }`,
      variables: { input: { name: 'escalated', scopes: [scopeValue(scope, input.type)] } },
    };
  }

  it('a records:read key cannot create a key: 403 naming createApiKey and keys:admin, nothing created', async () => {
    const before = await count('api_key');
    const { query, variables } = createKeyRequest('keys:admin');
    const answer = await post(query, variables, as('recordReader'));
    expect(answer.status).toBe(403);
    expect(answer.body?.data).toBeUndefined();
    expect(codes(answer)).toEqual(['FORBIDDEN']);
    expect(answer.body?.errors?.[0]?.message).toContain('Mutation.createApiKey');
    expect(answer.body?.errors?.[0]?.message).toContain('keys:admin');
    expect(await count('api_key')).toBe(before);
  });

  it('a key without keys:admin cannot list keys or revoke one', async () => {
    // Every field of a key, and its teams as __typename only: the teams' own fields (which grow, e.g. businessCalendar) would push a
    // full nested selection past MAX_QUERY_COST and test the cost limit instead of key administration.
    const list = await post(`{ apiKeys ${selectionOf(queryFields.apiKeys!.type, 2)} }`, {}, as('recordReader'));
    expect(list.status).toBe(403);
    expect(codes(list)).toEqual(['FORBIDDEN']);
    expect(list.body?.errors?.[0]?.message).toContain('keys:admin');
    const revoke = mutationFields.revokeApiKey!;
    const id = revoke.args.find((arg) => arg.name === 'id')!;
    const idValue = getNamedType(id.type).name === 'Int' ? scanner.keys.admin.id : String(scanner.keys.admin.id);
    const answer = await post(
      `mutation ($id: ${String(id.type)}) { revokeApiKey(id: $id) ${selectionOf(revoke.type, 1)} }`,
      { id: idValue },
      as('writer'),
    );
    expect(answer.status).toBe(403);
    expect(codes(answer)).toEqual(['FORBIDDEN']);
    expect((await post('{ teams { totalCount } }', {}, as('admin'))).status).toBe(200);
  });

  it('viewer shows a key its own name and scopes, whatever its scopes', async () => {
    const answer = await post('{ viewer { name scopes } }', {}, as('kpiReader'));
    expect(answer.status).toBe(200);
    expect(answer.body?.data.viewer.name).toBe('kpi-reader');
    expect(answer.body?.data.viewer.scopes.map(normalScope)).toEqual([normalScope('kpis:read')]);
  });

  it('listing keys never shows a secret', async () => {
    const answer = await post(`{ apiKeys ${selectionOf(queryFields.apiKeys!.type, 2)} }`, {}, as('admin'));
    expect(answer.status).toBe(200);
    expect(answer.body?.errors).toBeUndefined();
    for (const { key } of Object.values(scanner.keys)) expect(answer.text).not.toContain(key);
    expect(answer.text).not.toMatch(/"(hash|secret)"/);
  });
});
