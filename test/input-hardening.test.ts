// Input a new user or an attacker sends that used to slip through or fail as an unexpected
// error (issue 15, item 5 and the input points of item 10): the import command's exit status,
// keys the import silently took, impossible dates, a byte order mark, dates PostgreSQL cannot
// hold, and the apikey command's answer to a team that does not exist.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../server/db/database.js';
import { importNdjson } from '../server/import/import-ndjson.js';
import { EXAMPLE, linesOf, ndjson } from './support/ndjson.js';
import { compiled } from './support/compiled.js';
import { createTestDatabase, openEmbeddedCopy, type TestDatabase } from './support/test-database.js';
import { startTestApi, type TestApi } from './support/test-api.js';

const root = path.resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'deskql-input-test-'));
let api: TestApi;
/** Where the commands write: a PostgreSQL database of their own, or an embedded one in `scratch`. */
let target: TestDatabase | null = null;
const dataDir = path.join(scratch, 'data');

beforeAll(async () => {
  api = await startTestApi();
  const seedTeams = async (db: Database) => {
    const report = await importNdjson(
      db,
      linesOf(
        ndjson([
          { type: 'team', externalId: 'demo-t-1', name: 'Tier 1' },
          { type: 'team', externalId: 'demo-t-2', name: 'Tier 2' },
        ]),
      ),
    );
    expect(report.ok).toBe(true);
  };
  if (process.env.DATABASE_URL) {
    target = await createTestDatabase();
    await seedTeams(target.db);
    await target.db.close();
  } else {
    const db = await openEmbeddedCopy(dataDir);
    await seedTeams(db);
    await db.close();
  }
});
afterAll(async () => {
  await api.close();
  await target?.drop();
  rmSync(scratch, { recursive: true, force: true });
});

/** Runs a command's compiled file under node, as `npm run import|apikey` does. */
function run(script: `server/cli/${string}.ts`, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DESKQL_DATA_DIR: dataDir };
  if (target) env.DATABASE_URL = target.url!;
  else delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [compiled(script), ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm run import exit status (item 5)', () => {
  it('exits 1 when it rejects a file, naming the line', async () => {
    const file = path.join(scratch, 'bad.ndjson');
    writeFileSync(file, ndjson([{ type: 'team', externalId: 't-x', name: 'X', colour: 'red' }]));
    const result = await run('server/cli/import.ts', [file]);
    expect(result.stderr).toContain('line 1, colour');
    expect(result.code).toBe(1);
  });

  it('exits 0 when the file is valid', async () => {
    const file = path.join(scratch, 'good.ndjson');
    writeFileSync(file, ndjson([{ type: 'team', externalId: 't-y', name: 'Y' }]));
    const result = await run('server/cli/import.ts', [file, '--dry-run']);
    expect(result.code).toBe(0);
  });
});

describe('apikey --teams with a team that does not exist (item 10)', () => {
  it('exits 2 and lists the teams there are', async () => {
    const result = await run('server/cli/apikey.ts', ['create', '--name', 'partner', '--scopes', 'kpis:read', '--teams', 'tier-1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no team has the externalId or ID "tier-1"');
    expect(result.stderr).toContain('demo-t-1 (Tier 1), demo-t-2 (Tier 2)');
  });
});

async function problemsOf(records: unknown[], prefix = ''): Promise<Array<{ field: string; reason: string }>> {
  const report = await importNdjson(api.db, linesOf(prefix + ndjson(records)), { dryRun: true });
  return report.errors.map(({ field, reason }) => ({ field, reason }));
}

const customer = (extra: Record<string, unknown>) => ({
  type: 'customer',
  externalId: 'c-9',
  name: 'Nine',
  createdAt: '2025-01-10T12:00:00Z',
  ...extra,
});

describe('import validation (item 10)', () => {
  for (const key of ['__proto__', 'constructor', 'toString']) {
    it(`refuses a "${key}" key as an unknown field`, async () => {
      const line = `{"type":"team","externalId":"t-9","name":"Nine","${key}":{"polluted":true}}\n`;
      const report = await importNdjson(api.db, linesOf(line), { dryRun: true });
      expect(report.ok).toBe(false);
      expect(report.errors[0]).toMatchObject({ line: 1, field: key });
      expect(report.errors[0]!.reason).toContain('is not a field of team');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  const impossible: Array<[string, RegExp]> = [
    ['2026-02-30T10:00:00Z', /a real date: 2026-02 has 28 days/],
    ['2026-03-02T24:00:00Z', /a real time of day/],
    ['2026-03-02T10:00:00+23:59', /an offset between -12:00 and \+14:00/],
    ['0000-01-01T00:00:00Z', /in the years 1900 to 9999/],
  ];
  for (const [value, reason] of impossible) {
    it(`refuses ${value} at validation, naming the field`, async () => {
      expect(await problemsOf([customer({ createdAt: value })])).toEqual([{ field: 'createdAt', reason: expect.stringMatching(reason) }]);
    });
  }

  it('accepts a UTF-8 byte order mark at the start of the file', async () => {
    expect(await problemsOf(EXAMPLE, '\uFEFF')).toEqual([]);
  });

  it('through GraphQL, year 0000 is BAD_USER_INPUT (upsert) or a user error (importRecords), never "Unexpected error"', async () => {
    const upsert = await api.graphql(
      'mutation { upsertCustomer(input: { externalId: "c-0", name: "Zero", createdAt: "0000-01-01T00:00:00Z" }) { created } }',
    );
    expect(upsert.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(upsert.errors?.[0]?.message).toContain('in the years 1900 to 9999');
    const imported = await api.graphql(
      'mutation($text: String!) { importRecords(input: { ndjson: $text }) { ok userErrors { line field message } } }',
      {
        text: ndjson([customer({ createdAt: '0000-01-01T00:00:00Z' })]),
      },
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importRecords).toEqual({
      ok: false,
      userErrors: [{ line: 1, field: 'createdAt', message: expect.stringContaining('1900 to 9999') }],
    });
  });
});
