// npm run build: compiles the server to JavaScript in dist/ (tsconfig.build.json), so that
// production runs it under plain `node` and the server is the process that receives signals.
// npm start and the commands (npm run apikey, import, export, seed, db:migrate) run it first
// with --if-stale, then the compiled file: no TypeScript is compiled again at every start.
// Types are checked by `npm run typecheck` (and CI); this step only emits, which keeps the first
// `npm start` quick. With --if-stale (what npm start passes) it does nothing when dist/ is newer
// than every source file.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', '.built');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

if (process.argv.includes('--if-stale') && existsSync(stamp)) {
  const sources = Math.max(
    newestSource(path.join(root, 'server')),
    ...['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((f) => statSync(path.join(root, f)).mtimeMs),
  );
  if (statSync(stamp).mtimeMs >= sources) process.exit(0);
}
console.error('Compiling the server into dist/ (first start, or the sources changed)…');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
// Whatever tsc prints goes to stderr: the commands npm runs after this step (npm run export -- -,
// KEY=$(npm run -s apikey -- create …)) own stdout.
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--noCheck'], { cwd: root, stdio: ['ignore', 2, 2] });
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stamp, `${new Date().toISOString()}\n`);
