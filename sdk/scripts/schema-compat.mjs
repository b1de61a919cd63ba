// npm run schema:compat: does the API still serve every client of the last release?
// Compares schema/schema.graphql with the schema as last released (sdk/released/schema.graphql,
// recorded with the SDK version it shipped in) using GraphQL Inspector. A breaking change
// (a removed field, a new required argument, a narrowed type…) fails the check unless the
// SDK's major version has moved past the released one, or a pending changeset declares the
// next release of @deskql/sdk major (the release then moves it): breaking partners must be a
// decision made visible in the version number, never an accident of a refactor.
//
//   node sdk/scripts/schema-compat.mjs            check (CI)
//   node sdk/scripts/schema-compat.mjs --record   after releasing: the current schema and SDK
//                                                 version become the released ones
// --schema, --released (a folder), --sdk-package and --changesets (the folder holding
// .changeset/) name other files (tests use them).
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import readChangesetsModule from '@changesets/read';

const root = path.resolve(import.meta.dirname, '..', '..');
const { values: args } = parseArgs({
  options: {
    record: { type: 'boolean', default: false },
    schema: { type: 'string', default: path.join(root, 'schema', 'schema.graphql') },
    released: { type: 'string', default: path.join(root, 'sdk', 'released') },
    'sdk-package': { type: 'string', default: path.join(root, 'sdk', 'package.json') },
    changesets: { type: 'string', default: root },
  },
});
const current = path.resolve(args.schema);
const released = path.resolve(args.released, 'schema.graphql');
const releaseFile = path.resolve(args.released, 'release.json');
const sdkVersion = JSON.parse(readFileSync(args['sdk-package'], 'utf8')).version;
const major = (version) => Number(version.split('.')[0]);

if (args.record) {
  copyFileSync(current, released);
  writeFileSync(releaseFile, `${JSON.stringify({ sdk: sdkVersion }, null, 2)}\n`);
  console.log(`Recorded schema/schema.graphql as the schema released with @deskql/sdk ${sdkVersion}.`);
  process.exit(0);
}

const releasedVersion = JSON.parse(readFileSync(releaseFile, 'utf8')).sdk;
const inspector = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'graphql-inspector.cmd' : 'graphql-inspector');
const diff = spawnSync(inspector, ['diff', released, current], { cwd: root, encoding: 'utf8' });
if (diff.error) throw diff.error;
process.stdout.write(diff.stdout);
process.stderr.write(diff.stderr);
if (diff.status === 0) {
  console.log(`Schema compatible with the release of @deskql/sdk ${releasedVersion}.`);
  process.exit(0);
}
// Inspector also exits 1 when it cannot read a schema: that is never an allowed break.
if (!/Detected \d+ breaking changes?/.test(diff.stdout + diff.stderr)) {
  console.error('\nGraphQL Inspector could not compare the schemas (above); fix the schema file and run the check again.');
  process.exit(1);
}
if (major(sdkVersion) > major(releasedVersion)) {
  console.log(
    `Breaking changes since @deskql/sdk ${releasedVersion}, allowed: this is major version ${major(sdkVersion)} (${sdkVersion}).`,
  );
  process.exit(0);
}
const readChangesets = readChangesetsModule.default ?? readChangesetsModule;
const majorChangesets = (await readChangesets(path.resolve(args.changesets)))
  .filter((changeset) => changeset.releases.some((release) => release.name === '@deskql/sdk' && release.type === 'major'))
  .map((changeset) => `.changeset/${changeset.id}.md`);
if (majorChangesets.length > 0) {
  console.log(
    `Breaking changes since @deskql/sdk ${releasedVersion}, allowed: ${majorChangesets.join(', ')} makes the next release major.`,
  );
  process.exit(0);
}
console.error(
  `\nThe schema breaks clients of @deskql/sdk ${releasedVersion} (above). Keep the old field or argument beside the new one ` +
    `(deprecate it), or make the break a major release: add a changeset with "@deskql/sdk": major (npx changeset) ` +
    `saying what breaks and what clients do instead; the release then moves the SDK's major version past ${major(releasedVersion)}.`,
);
process.exit(1);
