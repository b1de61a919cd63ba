// The release path as a partner meets it: `npm run sdk:pack`, the tarball installed into a new
// project outside this repository (a copy of sdk/examples/partner-report, which also writes
// its own typed queries with gql.tada and graphql-codegen against the schema the package
// ships), built with tsc in strict mode, and run against a DeskQL server process.
import { execFile, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './support/free-port.js';
import { openEmbeddedCopy } from './support/test-database.js';
import { onLines, spawnServer } from './support/server-process.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'deskql-sdk-package-'));
const app = path.join(work, 'partner-report');
const dataDir = path.join(work, 'data');
let server: ChildProcess | undefined;
let url = '';

/** Starts the server in a process group of its own (embedded database, small demo data). */
async function startServer(): Promise<string> {
  const port = await freePort();
  const child = spawnServer({
    DATABASE_URL: '',
    DESKQL_DATA_DIR: dataDir,
    DESKQL_DEMO_TICKETS: '400',
    PORT: String(port),
    LOG_LEVEL: 'info',
  });
  server = child;
  child.stderr!.resume();
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    const timer = setTimeout(() => reject(new Error(`server not ready after 90 s:\n${lines.join('\n')}`)), 90_000);
    onLines(child.stdout!, (line) => {
      lines.push(line);
      if (/DeskQL is ready at/.test(line)) {
        clearTimeout(timer);
        resolve(JSON.parse(line).url as string);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${lines.join('\n')}`)));
  });
}

beforeAll(async () => {
  // The server starts on a copy of the run's migrated embedded template when the run has one,
  // as on a data directory an earlier start migrated: what is tested here is the SDK, and
  // test/server-process.test.ts covers a first start on an empty directory (initdb, every
  // migration), which costs seconds of CPU that other files need.
  if (!process.env.DATABASE_URL) await (await openEmbeddedCopy(dataDir)).close();
  const [ready] = await Promise.all([
    startServer(),
    (async () => {
      await run('npm', ['run', 'sdk:pack'], { cwd: root });
      for (const file of ['package.json', 'tsconfig.json', 'codegen.ts', 'src']) {
        cpSync(path.join(root, 'sdk', 'examples', 'partner-report', file), path.join(app, file), { recursive: true });
      }
      const manifest = JSON.parse(readFileSync(path.join(app, 'package.json'), 'utf8'));
      manifest.dependencies['@deskql/sdk'] = `file:${path.join(root, 'sdk', 'deskql-sdk.tgz')}`;
      writeFileSync(path.join(app, 'package.json'), JSON.stringify(manifest, null, 2));
      await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: app });
    })(),
  ]);
  url = ready;
}, 300_000);

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    const timer = setTimeout(() => process.kill(-server!.pid!, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(work, { recursive: true, force: true });
});

describe('the packed SDK in a project of its own', () => {
  it('ships the schema and the introspection as exports, and keeps the generated module internal', async () => {
    const probe = `
      import { readFileSync } from 'node:fs';
      import { fileURLToPath } from 'node:url';
      const sdk = await import('@deskql/sdk');
      const schema = readFileSync(fileURLToPath(import.meta.resolve('@deskql/sdk/schema.graphql')), 'utf8');
      const introspection = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('@deskql/sdk/introspection.json')), 'utf8'));
      let internal = 'importable';
      try { await import('@deskql/sdk/dist/generated/graphql.js'); } catch (error) { internal = error.code; }
      console.log(JSON.stringify({ exports: Object.keys(sdk).sort(), schema: schema.includes('type KpiSet'), types: introspection.__schema.types.length, internal }));
    `;
    writeFileSync(path.join(app, 'probe.mjs'), probe);
    const { stdout } = await run(process.execPath, ['probe.mjs'], { cwd: app });
    const result = JSON.parse(stdout);
    expect(result.schema).toBe(true);
    expect(result.types).toBeGreaterThan(50);
    expect(result.internal).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
    expect(result.exports).toContain('createClient');
    expect(result.exports).not.toContain('TypedDocumentString');
  }, 60_000);

  it('type-checks the example app (gql.tada and codegen documents included) and runs it against the server', async () => {
    await run('npm', ['run', 'build'], { cwd: app });
    const { stdout } = await run(process.execPath, ['dist/report.js'], {
      cwd: app,
      env: { ...process.env, DESKQL_URL: url, REPORT_FORMAT: 'json' },
    });
    const report = JSON.parse(stdout) as {
      teams: Array<{ team: string; tickets: string }>;
      agents: Array<{ agent: string; csat: number; responses: number }>;
      backlog: Array<{ channel: string; backlog: number }>;
    };
    expect(report.teams.length).toBeGreaterThan(0);
    for (const agent of report.agents) expect(agent.csat).toBeGreaterThanOrEqual(0);
    expect(report.backlog.map((row) => row.channel)).toEqual(expect.arrayContaining(['CHAT', 'EMAIL']));
    expect(report.backlog.every((row) => Number.isInteger(row.backlog))).toBe(true);
  }, 240_000);
});
