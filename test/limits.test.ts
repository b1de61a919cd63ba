// Limits on one request: document depth, aliases, directives, tokens, estimated cost, body
// size (each error names its limit), and PostgreSQL's statement timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/database.js';
import { createDeskqlYoga } from '../server/yoga.js';
import { OPEN_ACCESS, postGraphQL as post, send, startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('document limits (defaults)', () => {
  it('refuses queries nested deeper than 12', async () => {
    let selection = 'name';
    for (let i = 0; i < 5; i++)
      selection = `customer { tickets(first: 1) { edges { node { ${selection.startsWith('name') ? 'subject' : selection} } } } }`;
    const deep = `{ tickets(first: 1) { edges { node { ${selection} } } } }`;
    const { body } = await post(api.yoga, deep);
    expect(body.errors?.[0]?.message).toMatch(/depth limit of 12/i);
    expect(body.data).toBeUndefined();
  });

  it('refuses more than 15 aliases (alias overloading)', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: teams { totalCount }`).join(' ');
    const { body } = await post(api.yoga, `{ ${aliases} }`);
    expect(body.errors?.[0]?.message).toMatch(/aliases limit of 15/i);
  });

  it('refuses more than 20 directives (directive overloading)', async () => {
    const { body } = await post(api.yoga, `{ teams { totalCount ${'@include(if: true) '.repeat(21)} } }`);
    expect(body.errors?.[0]?.message).toMatch(/directives limit of 20/i);
  });

  it('refuses documents of more than 5000 tokens', async () => {
    const { body } = await post(api.yoga, `{ teams { ${'totalCount '.repeat(5001)} } }`);
    expect(body.errors?.[0]?.message).toMatch(/token limit of 5000/i);
  });

  it('accepts the largest operations the project itself sends', async () => {
    const { body } = await post(
      api.yoga,
      `{ kpiSlices(period: { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }, groupBy: [TEAM]) {
      kpis { ticketCount comparison { change { ticketCount { current previous absolute relative } csat { current previous absolute relative } } } } } }`,
    );
    expect(body.errors).toBeUndefined();
  });
});

describe('batching', () => {
  it('does not accept several operations in one request (batch abuse)', async () => {
    const { status, body } = await send(api.yoga, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ teams { totalCount } }' }, { query: '{ agents { totalCount } }' }]),
    });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toBeTruthy();
  });
});

describe('configurable limits', () => {
  it('refuses an operation whose estimated cost is over the limit, naming it', async () => {
    const tight = createDeskqlYoga({ ...OPEN_ACCESS, db: api.db, limits: { maxCost: 50 } });
    const { body } = await post(
      tight,
      '{ tickets(first: 10) { edges { node { subject customer { name segment } assignee { name team { name } } } } } }',
    );
    expect(body.errors?.[0]?.message).toMatch(/cost limit of 50/i);
  });

  it('refuses a request body over the size limit with 413', async () => {
    const small = createDeskqlYoga({ ...OPEN_ACCESS, db: api.db, limits: { maxRequestBytes: 1024 } });
    const { status, body } = await post(small, `{ teams { totalCount } } # ${'x'.repeat(2000)}`);
    expect(status).toBe(413);
    expect(body.errors?.[0]?.message).toMatch(/more than the limit of 1024 bytes \(MAX_REQUEST_BYTES\)/);
  });
});

describe('statement timeout', () => {
  it.skipIf(!process.env.DATABASE_URL)('PostgreSQL cancels a statement that runs longer than the limit', async () => {
    const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, dataDir: null, poolSize: 1, statementTimeoutMs: 200 });
    try {
      await expect(db.prisma.$queryRawUnsafe('SELECT pg_sleep(2)')).rejects.toThrow(/statement timeout/);
    } finally {
      await db.close();
    }
  });
});
