import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, migrationsDir, pendingMigrations, readMigrationList } from '../server/db/migrations.js';
import { fixtures } from './support/fixtures.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

let target: TestDatabase;

beforeAll(async () => {
  target = await createTestDatabase({ migrate: false });
});
afterAll(() => target.drop());

describe('migrations', () => {
  it('applies every migration once and records it as prisma migrate deploy does', async () => {
    const names = (await readMigrationList()).migrationDirectories.map((m) => m.path);
    expect(names.length).toBeGreaterThan(0);
    expect(await pendingMigrations(target.db)).toEqual(names);

    expect(await applyMigrations(target.db)).toEqual(names);
    expect(await pendingMigrations(target.db)).toEqual([]);
    expect(await applyMigrations(target.db)).toEqual([]);

    const history = await target.db.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    for (const [index, name] of names.entries()) {
      const sql = await readFile(path.join(migrationsDir, name, 'migration.sql'));
      expect(history[index]).toMatchObject({
        migration_name: name,
        checksum: createHash('sha256').update(sql).digest('hex'),
      });
      expect(history[index]?.finished_at).not.toBeNull();
    }
  });

  it('enforces the KPI rules in the database itself', async () => {
    const make = fixtures(target.db.prisma);
    const customer = await make.customer('Acme');
    await expect(
      make.ticket(customer.id, { createdAt: new Date('2026-03-02T10:00:00Z'), resolvedAt: new Date('2026-03-02T09:00:00Z') }),
    ).rejects.toThrow(/ticket_resolved_after_created_check/);
    await expect(make.survey(customer.id, { kind: 'CSAT', score: 6 })).rejects.toThrow(/survey_response_score_check/);
    await expect(make.survey(customer.id, { kind: 'NPS', score: 0 })).resolves.toBeTruthy();
    await expect(
      make.customer('Late', { createdAt: new Date('2026-01-02T00:00:00Z'), churnedAt: new Date('2026-01-01T00:00:00Z') }),
    ).rejects.toThrow(/customer_churned_after_created_check/);
  });
});
