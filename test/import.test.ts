// The NDJSON importer: every rule of docs/import-format.md, all-or-nothing, idempotent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../server/db/database.js';
import { importNdjson } from '../server/import/import-ndjson.js';
import { EXAMPLE, linesOf, ndjson } from './support/ndjson.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

let target: TestDatabase;
let db: Database;

beforeAll(async () => {
  target = await createTestDatabase();
  db = target.db;
});
afterAll(() => target.drop());

const run = (text: string, options = {}) => importNdjson(db, linesOf(text), options);

async function counts(): Promise<Record<string, number>> {
  const [row] = await db.sql.query<Record<string, number>>(`SELECT
    (SELECT count(*)::int FROM team) AS team, (SELECT count(*)::int FROM agent) AS agent,
    (SELECT count(*)::int FROM customer) AS customer, (SELECT count(*)::int FROM knowledge_article) AS article,
    (SELECT count(*)::int FROM ticket) AS ticket, (SELECT count(*)::int FROM interaction) AS interaction,
    (SELECT count(*)::int FROM survey_response) AS survey`);
  return row!;
}

const without = (type: string, field: string) =>
  EXAMPLE.map((r) => (r.type === type ? Object.fromEntries(Object.entries(r).filter(([k]) => k !== field)) : r));

describe('a valid file', () => {
  it('imports every record, in any order, and reports what it created', async () => {
    const report = await run(ndjson([...EXAMPLE].reverse())); // references before their targets
    expect(report.ok).toBe(true);
    expect(report.records).toBe(7);
    for (const type of ['team', 'agent', 'customer', 'article', 'ticket', 'interaction', 'survey'] as const) {
      expect(report.summary[type]).toEqual({ created: 1, updated: 0, unchanged: 0 });
    }
    const ticket = await db.prisma.ticket.findUniqueOrThrow({
      where: { externalId: 'tk-1' },
      include: { customer: true, assignee: true, knowledgeArticle: true },
    });
    expect(ticket).toMatchObject({
      subject: 'Cannot log in',
      channel: 'CHAT',
      customer: { externalId: 'c-1' },
      assignee: { externalId: 'a-1' },
      knowledgeArticle: { externalId: 'kb-7' },
    });
    expect(ticket.resolvedAt?.toISOString()).toBe('2026-03-02T09:20:00.000Z');
  });

  it('leaves the database as it was when the same file comes again', async () => {
    const before = await counts();
    const report = await run(ndjson(EXAMPLE));
    expect(report.ok).toBe(true);
    expect(report.summary.ticket).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await counts()).toEqual(before);
  });

  it('updates records by externalId and resolves references to records already in the database', async () => {
    const report = await run(
      ndjson([
        { ...EXAMPLE[4], subject: 'Cannot log in (2FA)', status: 'CLOSED' },
        {
          type: 'ticket',
          externalId: 'tk-2',
          subject: 'Invoice',
          channel: 'EMAIL',
          priority: 'LOW',
          status: 'NEW',
          customer: 'c-1',
          createdAt: '2026-03-03T09:00:00+01:00',
        },
      ]),
    );
    expect(report.ok).toBe(true);
    expect(report.summary.ticket).toEqual({ created: 1, updated: 1, unchanged: 0 });
    expect((await db.prisma.ticket.findUniqueOrThrow({ where: { externalId: 'tk-1' } })).subject).toBe('Cannot log in (2FA)');
    const second = await db.prisma.ticket.findUniqueOrThrow({ where: { externalId: 'tk-2' } });
    expect(second.createdAt.toISOString()).toBe('2026-03-03T08:00:00.000Z');
    expect(second.assigneeId).toBeNull();
    expect(second.reopenCount).toBe(0);
  });

  it('with dryRun validates and counts without writing', async () => {
    const before = await counts();
    const report = await run(
      ndjson([
        { type: 'team', externalId: 't-9', name: 'Night shift' },
        { ...EXAMPLE[0], name: 'Tier One' },
      ]),
      { dryRun: true },
    );
    expect(report).toMatchObject({ ok: true, dryRun: true });
    expect(report.summary.team).toEqual({ created: 1, updated: 1, unchanged: 0 });
    expect(await counts()).toEqual(before);
    expect((await db.prisma.team.findUniqueOrThrow({ where: { externalId: 't-1' } })).name).toBe('Tier 1');
  });
});

describe('an invalid file imports nothing and names every bad line', () => {
  const cases: Array<[string, string, string | RegExp]> = [
    ['{"type":"team", "externalId": "t-2", "name": ', '(line)', /is not valid JSON/],
    [
      JSON.stringify({ type: 'robot', externalId: 'r-1' }),
      'type',
      'must be one of calendar, sla, team, agent, customer, article, ticket, interaction, survey, got "robot"',
    ],
    [ndjson(without('ticket', 'subject')).split('\n')[4]!, 'subject', 'is required'],
    [JSON.stringify({ ...EXAMPLE[4], reopenCount: '2' }), 'reopenCount', 'must be a whole number, got "2"'],
    [JSON.stringify({ ...EXAMPLE[4], channel: 'chat' }), 'channel', 'must be one of EMAIL, CHAT, PHONE, WEB, SOCIAL, got "chat"'],
    [JSON.stringify({ ...EXAMPLE[6], score: 6 }), 'score', 'must be 1..5 for CSAT, got 6'],
    [JSON.stringify({ ...EXAMPLE[6], kind: 'NPS', score: 11 }), 'score', 'must be 0..10 for NPS, got 11'],
    [JSON.stringify({ ...EXAMPLE[5], holdSeconds: -1 }), 'holdSeconds', 'must be >= 0, got -1'],
    [
      JSON.stringify({ ...EXAMPLE[4], resolvedAt: '2026-03-02T08:00:00Z' }),
      'resolvedAt',
      'must not be before createdAt (2026-03-02T09:00:00.000Z)',
    ],
    [JSON.stringify({ ...EXAMPLE[4], createdAt: '2026-03-02 09:00' }), 'createdAt', /must be an ISO 8601 instant with an offset or Z/],
    [
      JSON.stringify({ ...EXAMPLE[4], assignee: 'a-404' }),
      'assignee',
      'refers to agent "a-404", which is neither in this file nor in the database',
    ],
    [JSON.stringify({ ...EXAMPLE[0], colour: 'blue' }), 'colour', /is not a field of team/],
    [JSON.stringify({ type: 'team', name: 'No id' }), 'externalId', 'must be a non-empty string of at most 255 characters'],
  ];

  it.each(cases)('%s', async (line, field, reason) => {
    const before = await counts();
    const text = `${JSON.stringify({ type: 'team', externalId: 't-new', name: 'Valid line' })}\n${line}\n`;
    const report = await run(text);
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatchObject({ line: 2, field });
    expect(report.errors[0]!.reason).toMatch(reason);
    expect(await counts()).toEqual(before);
  });

  it('reports every bad line of a mixed file, in line order, and writes none of the good ones', async () => {
    const before = await counts();
    const report = await run(
      ndjson([
        { type: 'team', externalId: 't-5', name: 'Good' },
        { type: 'agent', externalId: 'a-5', name: 'Bad', email: 'x@example.com', team: 't-missing' },
        { type: 'team', externalId: 't-6' },
        { type: 'team', externalId: 't-5', name: 'Twice' },
      ]),
    );
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      { line: 2, field: 'team', reason: 'refers to team "t-missing", which is neither in this file nor in the database' },
      { line: 3, field: 'name', reason: 'is required' },
      { line: 4, field: 'externalId', reason: '"t-5" is already used by the team on line 1; each record must appear once' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('lists at most maxErrors problems but counts them all', async () => {
    const bad = Array.from({ length: 150 }, (_, i) => JSON.stringify({ type: 'team', externalId: `bad-${i}` })).join('\n');
    const report = await run(bad);
    expect(report.errors).toHaveLength(100);
    expect(report.errorCount).toBe(150);
  });
});
