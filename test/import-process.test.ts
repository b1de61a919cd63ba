// The import and export commands as a user runs them: a file exported from one help desk
// re-imports into an empty database with identical KPIs, and an import killed with SIGKILL
// in the middle of writing leaves the database as it was.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/database.js';
import { exportNdjson } from '../server/import/export-ndjson.js';
import { importNdjson } from '../server/import/import-ndjson.js';
import { seedDatabase } from '../server/seed/seed.js';
import { createDeskqlYoga } from '../server/yoga.js';
import { OPEN_ACCESS, postGraphQL } from './support/test-api.js';
import { ALL_KPIS } from './support/kpi-fixture.js';
import { linesOf } from './support/ndjson.js';
import { compiled } from './support/compiled.js';
import { createTestDatabase, openEmbeddedCopy } from './support/test-database.js';

const root = path.resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'deskql-import-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function exportText(db: Awaited<ReturnType<typeof createTestDatabase>>['db']): Promise<string> {
  const lines: string[] = [];
  for await (const line of exportNdjson(db)) lines.push(line);
  return lines.join('\n') + '\n';
}

async function kpisOf(db: Awaited<ReturnType<typeof createTestDatabase>>['db']) {
  const yoga = createDeskqlYoga({ ...OPEN_ACCESS, db });
  const { body } = await postGraphQL<unknown>(
    yoga,
    `{ whole: kpis(period: { from: "2026-01-01T00:00:00Z", to: "2026-06-01T00:00:00Z" }) { ${ALL_KPIS} }
        byTeam: kpiSlices(period: { from: "2026-01-01T00:00:00Z", to: "2026-06-01T00:00:00Z" }, granularity: MONTH, groupBy: [TEAM, CHANNEL]) {
          bucketStart group { team { externalId } channel } kpis { ticketCount backlog firstContactResolution { value } averageHandleTime { average } csat { average } } } }`,
  );
  expect(body.errors).toBeUndefined();
  return body.data;
}

describe('export and re-import', () => {
  it('re-imports the demo data into an empty database with identical KPIs', async () => {
    const source = await createTestDatabase();
    const copy = await createTestDatabase();
    try {
      await seedDatabase(source.db, {
        tickets: 1500,
        seed: 77,
        until: new Date('2026-06-01T00:00:00Z'),
        days: 150,
        agents: 12,
        customers: 200,
      });
      const text = await exportText(source.db);
      const report = await importNdjson(copy.db, linesOf(text));
      expect(report.ok).toBe(true);
      expect(report.summary.ticket.created).toBe(1500);
      expect(await kpisOf(copy.db)).toEqual(await kpisOf(source.db));
      // And the export of the copy is the same file.
      expect(await exportText(copy.db)).toBe(text);
    } finally {
      await source.drop();
      await copy.drop();
    }
  });
});

describe('npm run import, killed while writing', () => {
  it('leaves the database exactly as before', async () => {
    // A database with some data, and a large file that updates it and adds much more: about
    // 100,000 records, so that writing outlasts the importer's first progress line with a
    // record count (at most one a second) many times over, on PostgreSQL too (it writes some
    // 15,000 records a second here). The file is a seeded help desk's export with its tickets,
    // interactions and surveys repeated under new externalIds, which costs a fraction of
    // seeding them all.
    const file = path.join(scratch, 'big.ndjson');
    const donor = await createTestDatabase();
    await seedDatabase(donor.db, {
      tickets: 6000,
      seed: 9,
      until: new Date('2026-06-01T00:00:00Z'),
      days: 120,
      agents: 30,
      customers: 1000,
    });
    writeFileSync(file, withActivityCopies(await exportText(donor.db), 6));
    await donor.drop();

    // On PostgreSQL a fresh database, open in this process throughout; the embedded database
    // of a separate process lives in a directory, open in one process at a time.
    const target = process.env.DATABASE_URL ? await createTestDatabase() : null;
    const dataDir = path.join(scratch, 'embedded');
    // TMPDIR: the importer's spool, which SIGKILL leaves behind, goes where afterAll cleans up.
    const env: NodeJS.ProcessEnv = target
      ? { ...process.env, TMPDIR: scratch, DATABASE_URL: target.url! }
      : { ...process.env, TMPDIR: scratch, DATABASE_URL: '', DESKQL_DATA_DIR: dataDir };
    const reopen = () => (target ? Promise.resolve(target.db) : openDatabase({ databaseUrl: null, dataDir }));
    let db = target ? target.db : await openEmbeddedCopy(dataDir);
    await importNdjson(db, linesOf(JSON.stringify({ type: 'team', externalId: 'demo-t-1', name: 'Before the crash' }) + '\n'));
    const before = await db.sql.query('SELECT (SELECT count(*)::int FROM ticket) AS tickets, (SELECT name FROM team) AS team');
    if (!target) await db.close();

    // One process (the compiled command under node, as npm run import runs it), so that
    // SIGKILL hits the importer itself.
    const child = spawn(process.execPath, [compiled('server/cli/import.ts'), file], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const killed = await new Promise<boolean>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // Some batches are written (the transaction is open) when the process dies.
        if (/writing: [1-9]\d*\//.test(stderr) && child.exitCode === null) {
          child.kill('SIGKILL');
          resolve(true);
        }
      });
      child.once('exit', () => resolve(false));
    });
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
    expect(killed, stderr).toBe(true);

    db = await reopen();
    try {
      const after = await db.sql.query('SELECT (SELECT count(*)::int FROM ticket) AS tickets, (SELECT name FROM team) AS team');
      expect(after).toEqual(before);
    } finally {
      if (target) await target.drop();
      else await db.close();
    }
  }, 180_000);
});

/** `text` with its tickets, interactions and surveys `copies` times over, each copy under new externalIds (the tickets it names too). */
function withActivityCopies(text: string, copies: number): string {
  const lines = text.trimEnd().split('\n');
  const out = [...lines];
  for (let copy = 2; copy <= copies; copy++) {
    for (const line of lines) {
      const record = JSON.parse(line) as { type: string; externalId: string; ticket?: string | null };
      if (!['ticket', 'interaction', 'survey'].includes(record.type)) continue;
      record.externalId = `${record.externalId}-copy${copy}`;
      if (record.type !== 'ticket' && record.ticket) record.ticket = `${record.ticket}-copy${copy}`;
      out.push(JSON.stringify(record));
    }
  }
  return `${out.join('\n')}\n`;
}
