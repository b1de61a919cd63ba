// Writing through GraphQL: importRecords and the upsert mutations share the import pipeline;
// idempotency keys make retries safe; the KPIs see new data at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, ndjson } from './support/ndjson.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const importMutation = `mutation ($input: ImportRecordsInput!) { importRecords(input: $input) {
  ok dryRun lines records errorCount userErrors { line field message } summary { type created updated unchanged } } }`;

describe('importRecords', () => {
  it('imports NDJSON text and the KPIs see it at once', async () => {
    const { importRecords } = await api.data(importMutation, { input: { ndjson: ndjson(EXAMPLE) } });
    expect(importRecords).toMatchObject({ ok: true, dryRun: false, lines: 8, records: 7, errorCount: 0, userErrors: [] });
    expect(importRecords.summary).toContainEqual({ type: 'ticket', created: 1, updated: 0, unchanged: 0 });
    const { kpis } = await api.data(
      '{ kpis(period: { from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z" }) { ticketCount csat { average } averageHandleTime { average } } }',
    );
    expect(kpis).toEqual({ ticketCount: 1, csat: { average: 5 }, averageHandleTime: { average: 780 } });
  });

  it('returns every bad line as userErrors and writes nothing', async () => {
    const text = ndjson([
      { type: 'team', externalId: 't-2', name: 'Fine' },
      { ...EXAMPLE[6], externalId: 's-2', score: 9 },
    ]);
    const { importRecords } = await api.data(importMutation, { input: { ndjson: text } });
    expect(importRecords).toMatchObject({
      ok: false,
      errorCount: 1,
      userErrors: [{ line: 2, field: 'score', message: 'must be 1..5 for CSAT, got 9' }],
    });
    const { teams } = await api.data('{ teams { totalCount } }');
    expect(teams.totalCount).toBe(1);
  });

  it('applies a request with an idempotency key once, and refuses the key for another request', async () => {
    const input = { ndjson: ndjson([{ type: 'team', externalId: 't-3', name: 'Night' }]), idempotencyKey: 'import-42' };
    const first = await api.data(importMutation, { input });
    expect(first.importRecords.summary).toContainEqual({ type: 'team', created: 1, updated: 0, unchanged: 0 });
    const retry = await api.data(importMutation, { input });
    expect(retry).toEqual(first); // the stored answer, not a second run (which would say unchanged)
    const other = await api.graphql(importMutation, {
      input: { ...input, ndjson: ndjson([{ type: 'team', externalId: 't-4', name: 'Day' }]) },
    });
    expect(other.errors?.[0]).toMatchObject({
      message: 'idempotencyKey "import-42" was already used for a different request; send a new key for a new request',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('refuses text over the size limit', async () => {
    const result = await api.graphql(importMutation, { input: { ndjson: 'x'.repeat(10 * 1024 * 1024 + 1) } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/larger than 10 MiB/);
  });
});

describe('upsert mutations', () => {
  it('creates, then updates, a ticket by externalId and returns it', async () => {
    const mutation = `mutation ($input: UpsertTicketInput!) { upsertTicket(input: $input) {
      created userErrors { field message } ticket { id externalId subject status customer { externalId } assignee { name } } } }`;
    const input = {
      externalId: 'tk-9',
      subject: 'Refund',
      channel: 'EMAIL',
      priority: 'LOW',
      status: 'NEW',
      customer: 'c-1',
      assignee: 'a-1',
      createdAt: '2026-03-05T10:00:00Z',
    };
    const created = await api.data(mutation, { input });
    expect(created.upsertTicket).toMatchObject({
      created: true,
      userErrors: [],
      ticket: { externalId: 'tk-9', subject: 'Refund', status: 'NEW', customer: { externalId: 'c-1' }, assignee: { name: 'Ana Souza' } },
    });
    const updated = await api.data(mutation, { input: { ...input, status: 'SOLVED', resolvedAt: '2026-03-05T11:00:00Z' } });
    expect(updated.upsertTicket).toMatchObject({ created: false, ticket: { id: created.upsertTicket.ticket.id, status: 'SOLVED' } });
  });

  it('returns typed user errors for invalid input and writes nothing', async () => {
    const { upsertSurveyResponse } = await api.data(`mutation { upsertSurveyResponse(input: {
        externalId: "s-9", kind: NPS, score: 12, customer: "c-404", respondedAt: "2026-03-05T10:00:00Z" }) {
      created userErrors { field message } surveyResponse { id } } }`);
    expect(upsertSurveyResponse).toEqual({
      created: false,
      surveyResponse: null,
      userErrors: [{ field: ['input', 'score'], message: 'must be 0..10 for NPS, got 12' }],
    });
    const { upsertAgent } =
      await api.data(`mutation { upsertAgent(input: { externalId: "a-9", name: "Bo", email: "bo@example.com", team: "t-404" }) {
      userErrors { field message } agent { id } } }`);
    expect(upsertAgent.userErrors).toEqual([
      { field: ['input', 'team'], message: 'refers to team "t-404", which is neither in this file nor in the database' },
    ]);
    expect(upsertAgent.agent).toBeNull();
  });
});
