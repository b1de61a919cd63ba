// What GraphQL security scanners look for in answers: field suggestions for anonymous callers,
// and SQL, connection strings, paths and traces in unexpected errors. The scanned API is
// production-like (test/support/scanner-api.ts).
import { describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { createDeskqlYoga, type DeskqlYoga } from '../../server/yoga.js';
import { as, b64, DEMO, PERIOD_LITERAL, post, PRODUCTION, scanner, useScannerApi } from '../support/scanner-api.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

useScannerApi();

describe('field suggestions', () => {
  it('are stripped for anonymous callers of the embedded demo', async () => {
    const demo = createDeskqlYoga({ db: scanner.api.db, ...DEMO });
    const answer = await post('{ tickts { totalCount } }', {}, {}, demo);
    expect(answer.body?.errors?.[0]?.message).toMatch(/Cannot query field "tickts"/);
    expect(answer.text).not.toMatch(/Did you mean/i);
  });

  it('are stripped for anonymous callers from variable errors too', async () => {
    const demo = createDeskqlYoga({ db: scanner.api.db, ...DEMO });
    const enumValue = await post(
      'query ($s: [TicketStatus!]) { tickets(filter: { statuses: $s }) { totalCount } }',
      { s: ['OPN'] },
      {},
      demo,
    );
    expect(enumValue.status).toBe(400);
    expect(enumValue.text).not.toMatch(/Did you mean/i);
    const inputField = await post(
      'query ($f: TicketFilter) { tickets(filter: $f) { totalCount } }',
      { f: { statuss: ['OPEN'] } },
      {},
      demo,
    );
    expect(inputField.status).toBe(400);
    expect(inputField.text).not.toMatch(/Did you mean/i);
  });

  it('are kept for callers with a key (the stripping is selective)', async () => {
    const answer = await post('{ tickts { totalCount } }', {}, as('kpiReader'));
    expect(answer.body?.errors?.[0]?.message).toMatch(/Did you mean "tickets"\?/);
  });

  it('are kept for callers with a key of the same server, whoever sent the document first (validation is cached)', async () => {
    const demo = createDeskqlYoga({ db: scanner.api.db, ...DEMO });
    for (const query of ['{ tickts { totalCount } }', '{ tickets(first: 1) { totalCont } }']) {
      const anonymous = await post(query, {}, {}, demo);
      expect(anonymous.text).not.toMatch(/Did you mean/i);
      const keyed = await post(query, {}, as('kpiReader'), demo);
      expect(keyed.body?.errors?.[0]?.message).toMatch(/Did you mean "/);
      expect((await post(query, {}, {}, demo)).text).not.toMatch(/Did you mean/i);
    }
  });

  it('are stripped for anonymous callers from enum values written in the document', async () => {
    const demo = createDeskqlYoga({ db: scanner.api.db, ...DEMO });
    const answer = await post('{ tickets(filter: { statuses: [OPN] }) { totalCount } }', {}, {}, demo);
    expect(answer.body?.errors?.[0]?.message).toMatch(/Value "OPN" does not exist in "TicketStatus" enum\.$/);
    expect(answer.text).not.toMatch(/Did you mean/i);
  });
});

describe('debug leaks in unexpected errors', () => {
  // A database failure whose message carries everything that must never reach a client.
  const SECRETS =
    /hunter2|db\.internal|postgres(ql)?:\/\/|SELECT|FROM "|\/srv\/|\/work\/|node_modules|\.[jt]s:\d|stack|originalError|exception|PGlite|pool/i;

  function leakyError(): Error {
    return Object.assign(
      new Error(
        'Invalid `prisma.ticket.findMany()` invocation in /srv/deskql/server/graphql/types/ticket.ts:58:18: ' +
          'could not reach postgresql://deskql:hunter2@db.internal:5432/deskql running SELECT "public"."ticket"."id" FROM "public"."ticket"',
      ),
      { code: 'P1001' },
    );
  }

  /** A Prisma client every call of which fails with leakyError(). */
  function failingPrisma(): Database['prisma'] {
    const handler: ProxyHandler<() => void> = {
      get: (_target, property) => (property === 'then' || typeof property === 'symbol' ? undefined : proxy),
      has: () => true,
      apply: () => Promise.reject(leakyError()),
    };
    const proxy: unknown = new Proxy(() => {}, handler);
    return proxy as Database['prisma'];
  }

  /** A database opened and closed again: every statement fails inside the driver. */
  let closed: TestDatabase | undefined;

  const queries = [
    '{ tickets(first: 1) { totalCount edges { node { subject } } } }',
    `{ kpis(${PERIOD_LITERAL}) { ticketCount csat { average } } }`,
    `{ node(id: "${b64('Ticket:1')}") { id } }`,
  ];

  async function withNodeEnv<T>(value: string, work: () => Promise<T>): Promise<T> {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = value;
    try {
      return await work();
    } finally {
      if (before === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = before;
    }
  }

  async function expectMasked(yoga: DeskqlYoga) {
    for (const query of queries) {
      const answer = await post(query, {}, as('admin'), yoga);
      expect(answer.status).toBeLessThan(500);
      expect(answer.body?.errors?.length).toBeGreaterThan(0);
      for (const error of answer.body!.errors!) {
        expect(error.message).toBe('Unexpected error.');
        expect(error.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      }
      expect(answer.text).not.toMatch(SECRETS);
    }
  }

  for (const nodeEnv of ['production', 'development']) {
    it(`masks a database error whose message holds SQL, a connection string and paths (NODE_ENV=${nodeEnv})`, async () => {
      await withNodeEnv(nodeEnv, async () => {
        const failing = failingPrisma();
        const db: Database = {
          ...scanner.api.db,
          prisma: failing,
          lendClient: () => Promise.resolve({ prisma: failing, giveBack: () => {} }),
        };
        await expectMasked(createDeskqlYoga({ db, ...PRODUCTION }));
      });
    });

    it(`masks a real driver failure: the database is closed (NODE_ENV=${nodeEnv})`, async () => {
      if (!closed) {
        closed = await createTestDatabase({ migrate: false });
        await closed.drop();
      }
      const broken = closed.db;
      await withNodeEnv(nodeEnv, async () => {
        // Keys are still looked up in the open test database; everything else hits the closed one.
        await expectMasked(createDeskqlYoga({ db: { ...broken, sql: scanner.api.db.sql }, ...PRODUCTION }));
      });
    });
  }

  it('reports no tracing or exception details on a normal answer (graphql-cop "trace mode")', async () => {
    const answer = await post('query { __typename }', {}, as('admin'));
    expect(answer.body?.data).toEqual({ __typename: 'Query' });
    expect(answer.text).not.toMatch(/tracing|exception|stacktrace/i);
  });
});
