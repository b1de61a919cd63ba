// npm run release:version: cuts a release from the pending changesets. changeset version bumps
// @deskql/sdk and writes sdk/CHANGELOG.md; the server (the root package) takes the same
// version, since a DeskQL release is a server and the SDK built from its schema; and the
// schema of this release becomes the one later schemas are checked against (schema:compat).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });
const readJson = (file) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

const before = readJson('sdk/package.json').version;
run(path.join(root, 'node_modules', '.bin', 'changeset'), ['version']);
const version = readJson('sdk/package.json').version;
if (version === before) {
  console.log(`No pending changesets: @deskql/sdk stays at ${version}.`);
  process.exit(0);
}
// A breaking schema change must be released as a major version: checked before recording.
run(process.execPath, ['sdk/scripts/schema-compat.mjs']);

const server = readJson('package.json');
server.version = version;
writeFileSync(path.join(root, 'package.json'), `${JSON.stringify(server, null, 2)}\n`);
run('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund']);
run(process.execPath, ['sdk/scripts/schema-compat.mjs', '--record']);
console.log(`Release ${version}: review sdk/CHANGELOG.md, commit, tag v${version}, then npm run release:publish.`);
