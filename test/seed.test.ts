import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateActivity } from '../server/seed/activity.js';
import { generateDirectory } from '../server/seed/directory.js';
import { Random } from '../server/seed/random.js';
import type { SqlClient } from '../server/db/sql-client.js';
import { seedDatabase, SeedRefusedError, type SeedOptions } from '../server/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const until = new Date('2026-06-01T00:00:00Z');
const options: SeedOptions = { tickets: 2000, seed: 11, until, days: 90 };

function fingerprint(seed: number): string {
  const start = new Date(until.getTime() - 90 * 86_400_000);
  const random = new Random(seed);
  const { directory, traits } = generateDirectory(random, { agents: 15, customers: 300, start, until });
  const hash = createHash('sha256').update(JSON.stringify(directory));
  for (const batch of generateActivity(random, directory, traits, { tickets: 2000, start, until, batchSize: 500 })) {
    hash.update(JSON.stringify(batch));
  }
  return hash.digest('hex');
}

describe('demo generator', () => {
  it('is deterministic: the same seed gives the same help desk, another seed another one', () => {
    expect(fingerprint(11)).toBe(fingerprint(11));
    expect(fingerprint(11)).not.toBe(fingerprint(12));
  });
});

describe('seeding a database', () => {
  let target: TestDatabase;

  beforeAll(async () => {
    target = await createTestDatabase();
  });
  afterAll(() => target.drop());

  it('writes exactly the requested tickets, consistent with the KPI rules', async () => {
    const summary = await seedDatabase(target.db, options);
    const sql = target.db.sql;
    const [counts] = await sql.query<Record<string, number>>(
      `SELECT
      (SELECT count(*)::int FROM ticket) AS tickets,
      (SELECT count(*)::int FROM interaction) AS interactions,
      (SELECT count(*)::int FROM survey_response) AS surveys,
      (SELECT count(*)::int FROM ticket WHERE created_at < $1::timestamptz - interval '90 days' OR created_at >= $1) AS outside,
      (SELECT count(*)::int FROM ticket WHERE resolved_at >= $1 OR first_response_at >= $1) AS future,
      (SELECT count(*)::int FROM ticket WHERE (status IN ('SOLVED', 'CLOSED')) <> (resolved_at IS NOT NULL)) AS status_mismatch,
      (SELECT count(*)::int FROM interaction i JOIN ticket t ON t.id = i.ticket_id WHERE i.started_at < t.created_at) AS early_interactions,
      (SELECT count(*)::int FROM survey_response WHERE responded_at >= $1) AS future_surveys,
      (SELECT count(DISTINCT channel)::int FROM ticket) AS channels,
      (SELECT count(DISTINCT kind)::int FROM survey_response) AS survey_kinds,
      (SELECT count(*)::int FROM ticket WHERE assignee_id IS NULL) AS unassigned,
      (SELECT count(*)::int FROM ticket WHERE knowledge_article_id IS NOT NULL) AS with_article,
      (SELECT count(*)::int FROM interaction WHERE transferred) AS transfers,
      (SELECT count(*)::int FROM ticket WHERE reopen_count > 0) AS reopened,
      (SELECT count(*)::int FROM customer WHERE churned_at IS NOT NULL) AS churned`,
      [until.toISOString()],
    );
    expect(counts).toMatchObject({
      tickets: 2000,
      interactions: summary.interactions,
      surveys: summary.surveys,
      outside: 0,
      future: 0,
      status_mismatch: 0,
      early_interactions: 0,
      future_surveys: 0,
      channels: 5,
      survey_kinds: 3,
    });
    // The realistic texture the KPIs need: some of everything, not all of anything.
    for (const key of ['unassigned', 'with_article', 'transfers', 'reopened', 'churned'] as const) {
      expect(counts![key], key).toBeGreaterThan(0);
      expect(counts![key], key).toBeLessThan(2000);
    }
  });

  it('continues the id sequences after the generated rows', async () => {
    const customer = await target.db.prisma.customer.create({
      data: { externalId: 'after-seed', name: 'New', createdAt: new Date() },
    });
    const [{ max }] = (await target.db.sql.query<{ max: number }>('SELECT max(id)::int AS max FROM customer')) as [{ max: number }];
    expect(customer.id).toBe(max);
  });

  it('refuses a database that holds data, and replaces it with reset', async () => {
    await expect(seedDatabase(target.db, options)).rejects.toThrow(SeedRefusedError);
    await seedDatabase(target.db, { ...options, tickets: 100, reset: true });
    const [row] = await target.db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM ticket');
    expect(row?.n).toBe(100);
  });

  it('rejects bad options with a message naming the option', async () => {
    await expect(seedDatabase(target.db, { ...options, tickets: -5, reset: true })).rejects.toThrow(
      '--tickets must be a whole number >= 0',
    );
    await expect(seedDatabase(target.db, { ...options, until: new Date('nope'), reset: true })).rejects.toThrow('--until');
  });

  it('leaves the database untouched when seeding fails half way, even with reset', async () => {
    // A writer that fails on the third ticket batch, after TRUNCATE and many inserts.
    let ticketBatches = 0;
    const real = target.db.sql;
    const flaky: SqlClient = {
      query: (text, params) => real.query(text, params),
      transaction: (work) =>
        real.transaction((tx) =>
          work({
            ...tx,
            query: async (text, params) => {
              if (text.startsWith('INSERT INTO "ticket"') && ++ticketBatches === 3) throw new Error('disk full');
              return tx.query(text, params);
            },
          }),
        ),
    };
    await expect(seedDatabase({ ...target.db, sql: flaky }, { ...options, tickets: 500, batchSize: 100, reset: true })).rejects.toThrow(
      'disk full',
    );
    const [row] = await real.query<{ n: number }>('SELECT count(*)::int AS n FROM ticket');
    expect(row?.n).toBe(100);
  });
});
