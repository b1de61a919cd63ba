// The quick start as a user runs it: `npm start` on an empty embedded database, then SIGTERM
// to the very process `npm start` created (what a container runtime signals), which must be
// the server itself. Every child runs in its own process group and is killed by group.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compiled } from './support/compiled.js';
import { killGroup, onLines, spawnServer } from './support/server-process.js';

const root = path.resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** `npm start` in a process group of its own. */
function npmStart(extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(npm, ['start', '--silent'], { cwd: root, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
}

/** The parent process id of `pid` (Linux: /proc/<pid>/stat). */
function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
const dataDir = mkdtempSync(path.join(tmpdir(), 'deskql-e2e-'));
// The process test always uses the embedded database: that is what the quick start runs.
const env = { ...process.env, DATABASE_URL: '', DESKQL_DATA_DIR: dataDir, DESKQL_DEMO_TICKETS: '300', PORT: '0', LOG_LEVEL: 'info' };

// The lock file beside the directory too: the production start is ended by SIGKILL, which leaves it.
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}.lock`, { force: true });
});

/** The administrator key the first start printed (used again by the production start). */
let demoAdminKey = '';

function waitForLine(child: ChildProcess, pattern: RegExp, lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; got:\n${lines.join('\n')}`)), 60_000);
    onLines(child.stdout!, (line) => {
      lines.push(line);
      if (pattern.test(line)) {
        clearTimeout(timer);
        resolve(line);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ${pattern}:\n${lines.join('\n')}`)));
  });
}

/** A POST whose body arrives in two parts, so it is in flight while the server shuts down. */
function slowPost(url: string, body: string, pauseMs: number, onStarted: () => void): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, 10));
    setTimeout(onStarted, 50);
    setTimeout(() => req.end(body.slice(10)), pauseMs);
  });
}

describe('npm start', () => {
  it('migrates, loads demo data, answers, and drains in-flight requests on SIGTERM to the process npm start created', async () => {
    const child = npmStart();
    const lines: string[] = [];
    try {
      const ready = await waitForLine(child, /DeskQL is ready at/, lines);
      const url = JSON.parse(ready).url as string;
      // The server is npm's own child: `npm start` runs it under node, with nothing in between.
      const serverPid = JSON.parse(ready).pid as number;
      expect(parentOf(serverPid)).toBe(child.pid);
      // The first start says what it is doing while it prepares the demo.
      expect(lines.some((line) => /"msg":"opening the embedded database/.test(line))).toBe(true);
      expect(lines.some((line) => /"msg":"generating demo data: activity"/.test(line))).toBe(true);
      expect(lines.some((line) => /"msg":"migrations applied"/.test(line))).toBe(true);
      expect(lines.some((line) => /"msg":"demo data ready"/.test(line))).toBe(true);

      const query = JSON.stringify({ query: '{ tickets(first: 5) { totalCount edges { node { id subject customer { name } } } } }' });
      const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
      const json = (await answer.json()) as any;
      expect(json.data.tickets.totalCount).toBe(300);
      expect(json.data.tickets.edges).toHaveLength(5);
      expect(json.data.tickets.edges[0].node.customer.name).toEqual(expect.any(String));

      // The dashboard is there too, built by npm install (test/dashboard-browser.test.ts drives it).
      const dashboard = await fetch(new URL('/', url));
      expect(dashboard.status).toBe(200);
      expect(await dashboard.text()).toMatch(/<script type="module"[^>]* src="\/assets\//);

      // The first start prints an administrator key once; it can do what anonymous callers cannot.
      const keyLine = lines.find((line) => /"msg":"created the demo administrator key/.test(line));
      demoAdminKey = JSON.parse(keyLine!).key;
      const viewer = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${demoAdminKey}` },
        body: JSON.stringify({ query: '{ viewer { name scopes } }' }),
      });
      expect(((await viewer.json()) as any).data.viewer).toEqual({
        name: 'demo-admin',
        scopes: ['KPIS_READ', 'KPIS_AGENTS', 'RECORDS_READ', 'RECORDS_WRITE', 'KEYS_ADMIN'],
      });
      const anonymousWrite = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation { upsertTeam(input: { externalId: "t-x", name: "X" }) { created } }' }),
      });
      expect(anonymousWrite.status).toBe(403);

      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const inFlight = slowPost(url, query, 700, () => process.kill(serverPid, 'SIGTERM'));
      const finished = await inFlight;
      expect(finished.status).toBe(200);
      expect(JSON.parse(finished.body).data.tickets.totalCount).toBe(300);
      expect(await exited).toBe(0);
      expect(lines.some((line) => /"msg":"shut down"/.test(line))).toBe(true);
      expect(isRunning(serverPid)).toBe(false);
    } finally {
      killGroup(child);
    }
  }, 240_000);

  it('SIGTERM to npm itself also stops the server: nothing is left listening', async () => {
    const child = npmStart();
    const lines: string[] = [];
    try {
      const ready = await waitForLine(child, /DeskQL is ready at/, lines);
      const serverPid = JSON.parse(ready).pid as number;
      // The server writes to the pipe npm handed it: it closes when the server has exited too.
      const outputClosed = new Promise((resolve) => child.stdout!.once('close', resolve));
      child.kill('SIGTERM');
      await outputClosed;
      for (let i = 0; i < 100 && isRunning(serverPid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      // npm passes the signal on; how it ends the server after that is npm's choice, but the
      // server must not be left running re-parented, as it was under `sh -c tsx …`.
      expect(isRunning(serverPid)).toBe(false);
    } finally {
      killGroup(child);
    }
  }, 120_000);

  it('in production, refuses every request without a valid key', async () => {
    expect(demoAdminKey).toMatch(/^dq_/);
    const child = spawnServer({ ...env, NODE_ENV: 'production' });
    const lines: string[] = [];
    try {
      const url = JSON.parse(await waitForLine(child, /DeskQL is ready at/, lines)).url as string;
      expect(lines.some((line) => /demo administrator key/.test(line))).toBe(false);
      const body = JSON.stringify({ query: '{ __schema { types { name } } }' });
      const anonymous = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const withKey = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${demoAdminKey}` },
        body,
      });
      expect(withKey.status).toBe(200);
      expect(((await withKey.json()) as any).data.__schema.types.length).toBeGreaterThan(10);
    } finally {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      killGroup(child);
      await gone;
    }
  });

  it('refuses to start with a bad configuration and says which variable is wrong', () => {
    // The file npm start runs, under node (test/support/compiled.ts).
    const result = spawnSync(process.execPath, [compiled('server/main.ts')], {
      cwd: root,
      env: { ...env, PORT: 'eighty' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PORT must be a whole number from 0 to 65535, got "eighty"');
  });
});
