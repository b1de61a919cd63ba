// npm run sdk:pack: the release artefact. Builds the SDK and packs it as the registry would
// publish it (sdk/deskql-sdk-<version>.tgz), and copies it to sdk/deskql-sdk.tgz, the stable
// name the example app installs, so a version bump does not break the example.
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';

const sdk = path.resolve(import.meta.dirname, '..');
execFileSync('npm', ['run', 'build'], { cwd: sdk, stdio: ['ignore', 'inherit', 'inherit'] });
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts'], { cwd: sdk, encoding: 'utf8' }));
copyFileSync(path.join(sdk, packed.filename), path.join(sdk, 'deskql-sdk.tgz'));
console.log(`${path.join('sdk', packed.filename)}: ${packed.entryCount} files, ${packed.size} bytes (copied to sdk/deskql-sdk.tgz)`);
