// Generates the Prisma client and the Pothos types from prisma/schema.prisma (run on install).
//
// `prisma generate` does not run Prisma's native schema engine, but the Prisma 7 CLI still
// downloads it first unless PRISMA_SCHEMA_ENGINE_BINARY names a file. Where that download is
// impossible (an offline machine, a locked-down CI), we point the variable at a placeholder:
// generation is identical, and migrations never need the binary (server/db/schema-engine.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  const placeholder = path.join(root, 'node_modules', '.cache', 'deskql', 'schema-engine-not-needed');
  mkdirSync(path.dirname(placeholder), { recursive: true });
  writeFileSync(placeholder, '');
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
// The Pothos generator is resolved as a command, as npm scripts would find it.
env.PATH = [path.join(root, 'node_modules', '.bin'), env.PATH].join(path.delimiter);
const prismaCli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
const result = spawnSync(process.execPath, [prismaCli, 'generate'], { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
