// The server and its commands as users run them: `npm start` and `npm run apikey|import|…`
// run the JavaScript that scripts/build.mjs compiled into dist/ (again only when a source is
// newer). Tests and benches start those same files under node: one process whose signals,
// exit status and liveness are the program's own, and no TypeScript compiled again at every
// start (`node --import tsx` spends 2-3 s of CPU per process on that; the test run starts
// about twenty of them).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const BUILD = ['scripts/build.mjs', '--if-stale'];

let built = false;

/** Compiles the server into dist/ unless it is current (npm start's first step); once per process. */
export function ensureBuilt(): void {
  if (built) return;
  const result = spawnSync(process.execPath, BUILD, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build failed (${result.status}):\n${result.stderr}${result.stdout}`);
  built = true;
}

/** ensureBuilt() without blocking: the test run's global setup builds while it migrates the template. */
export function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, BUILD, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build failed (${code}):\n${output}`))));
  });
}

/** The compiled file of `source` (server/main.ts, server/cli/apikey.ts, …), built if stale. */
export function compiled(source: `server/${string}.ts`): string {
  ensureBuilt();
  return path.join(root, 'dist', source.replace(/\.ts$/, '.js'));
}
