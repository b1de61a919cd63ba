// execute() with every kind of document partners hold, against the server: a string,
// graphql's parse(), a codegen-style TypedDocumentNode (a JSON AST without locations, as the
// client preset emits by default), a TypedDocumentString, and a gql.tada document. Each must
// reach the server as the printed document, with its types carried to the result.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { graphql as tada } from 'gql.tada';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  createClient,
  DeskqlError,
  KpiDefinitionsDocument,
  KpisDocument,
  type DeskqlClient,
  type FetchFunction,
} from '../sdk/src/index.js';
import { loadKpiFixture, MARCH } from './support/kpi-fixture.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
let client: DeskqlClient;
/** The `query` of every request the client sent, as the server received it. */
const sent: string[] = [];

const TICKET_COUNT = 'query TicketCount($period: PeriodInput!) { kpis(period: $period) { ticketCount } }';
type TicketCount = { kpis: { ticketCount: number } };
type TicketCountVariables = { period: { from: string; to: string; timeZone?: string } };

function serverFetch(onRequest?: () => void): FetchFunction {
  return async (input, init) => {
    onRequest?.();
    sent.push((JSON.parse(String(init?.body)) as { query: string }).query);
    return api.yoga.fetch(String(input), init as never);
  };
}

beforeAll(async () => {
  api = await startTestApi();
  await loadKpiFixture(api.db.prisma);
  client = createClient({ url: 'http://deskql.test/graphql', fetch: serverFetch() });
});
afterAll(() => api.close());

describe('execute() sends the printed document, whatever its kind', () => {
  it('a string, typed by the caller', async () => {
    const result = await client.execute<TicketCount>(TICKET_COUNT, { period: MARCH });
    expectTypeOf(result).toEqualTypeOf<TicketCount>();
    expect(result.kpis.ticketCount).toBe(7);
    expect(sent.at(-1)).toBe(TICKET_COUNT);
  });

  it("a DocumentNode from graphql's parse()", async () => {
    const result = await client.execute<TicketCount>(parse(TICKET_COUNT), { period: MARCH });
    expect(result.kpis.ticketCount).toBe(7);
    expect(sent.at(-1)).toContain('query TicketCount($period: PeriodInput!)');
    expect(sent.at(-1)).not.toContain('[object Object]');
  });

  it('a TypedDocumentNode as the codegen client preset emits it (an AST without locations)', async () => {
    const document = JSON.parse(JSON.stringify(parse(TICKET_COUNT, { noLocation: true }))) as TypedDocumentNode<
      TicketCount,
      TicketCountVariables
    >;
    const result = await client.execute(document, { period: MARCH });
    expectTypeOf(result).toEqualTypeOf<TicketCount>();
    // @ts-expect-error the variables are typed by the document: period is required
    void (() => client.execute(document, {}));
    expect(result.kpis.ticketCount).toBe(7);
    expect(parse(sent.at(-1)!, { noLocation: true })).toEqual(parse(TICKET_COUNT, { noLocation: true }));
  });

  it("a TypedDocumentString (the SDK's own documents, codegen in string mode)", async () => {
    const result = await client.execute(KpisDocument, { period: MARCH });
    expectTypeOf(result.kpis.csat.rate.value).toEqualTypeOf<number | null>();
    expect(result.kpis.ticketCount).toBe(7);
    expect(sent.at(-1)).toBe(KpisDocument.toString());
    const definitions = await client.execute(KpiDefinitionsDocument);
    expect(definitions.kpiDefinitions.length).toBeGreaterThan(10);
  });

  it('a gql.tada document', async () => {
    const document = tada(`query TadaCount($period: PeriodInput!) { kpis(period: $period) { ticketCount resolvedCount } }`);
    const result = (await client.execute(document, { period: MARCH })) as { kpis: { ticketCount: number; resolvedCount: number } };
    expect(result.kpis).toEqual({ ticketCount: 7, resolvedCount: expect.any(Number) });
    expect(sent.at(-1)).toContain('query TadaCount');
  });

  it('a document with several operations runs the one named by operationName', async () => {
    const both = parse(`${TICKET_COUNT}\nquery Names { teams(first: 5) { edges { node { name } } } }`);
    const names = await client.execute<{ teams: { edges: Array<{ node: { name: string } }> } }>(both, {}, { operationName: 'Names' });
    expect(names.teams.edges).toHaveLength(2);
    const count = await client.execute<TicketCount>(both, { period: MARCH }, { operationName: 'TicketCount' });
    expect(count.kpis.ticketCount).toBe(7);
  });
});

describe('execute() with documents it cannot send', () => {
  it('refuses a value that is not a document, naming what it was given', async () => {
    const error = await client.execute({ definitions: [] } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskqlError);
    expect(error).toMatchObject({ code: 'INVALID_DOCUMENT' });
    expect((error as Error).message).toContain('an object that is not a GraphQL AST');
    await expect(client.execute(42 as never)).rejects.toMatchObject({
      code: 'INVALID_DOCUMENT',
      message: expect.stringContaining('a number'),
    });
  });

  it('passes a syntax error to the server, which names it', async () => {
    await expect(client.execute('query { kpis(')).rejects.toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
  });
});

describe('retries follow the operation type of any document kind', () => {
  const failing =
    (counter: { calls: number }): FetchFunction =>
    async () => {
      counter.calls++;
      throw new TypeError('socket hang up');
    };

  it('retries a query AST, never a mutation AST or an unparseable string without an idempotency key', async () => {
    const counter = { calls: 0 };
    const down = createClient({ url: 'http://deskql.test/graphql', retry: { retries: 2, baseDelayMs: 1 }, fetch: failing(counter) });
    await expect(down.execute(parse(TICKET_COUNT), { period: MARCH })).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(counter.calls).toBe(3);
    counter.calls = 0;
    // A comment and a fragment before the operation do not hide that it is a mutation.
    const mutation = parse(
      '# nightly\nfragment R on ImportRecordsPayload { ok }\nmutation Run($input: ImportRecordsInput!) { importRecords(input: $input) { ...R } }',
    );
    await expect(down.execute(mutation, { input: { ndjson: '' } })).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(counter.calls).toBe(1);
    counter.calls = 0;
    await expect(down.execute('mutation {')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(counter.calls).toBe(1);
  });
});
