// Builds dist/ from nothing: tsc alone would leave the output of deleted source files behind,
// and a stale file in dist/ would ship in the package.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

const sdk = path.resolve(import.meta.dirname, '..');
rmSync(path.join(sdk, 'dist'), { recursive: true, force: true });
execFileSync('tsc', ['-p', 'tsconfig.json'], { cwd: sdk, stdio: 'inherit', shell: process.platform === 'win32' });
