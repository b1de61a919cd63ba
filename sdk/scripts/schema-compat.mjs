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
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import readChangesetsModule from '@changesets/read';
import { CriticalityLevel, DiffRule, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

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
// GraphQL Inspector's diff, in this process (its CLI would load every loader and command it has
// for the one diff, about 2 s of CPU), with the CLI's rules (simplifyChanges) and its messages as
// it prints them: breaking, dangerous, then safe changes, each by path, quoted names unquoted.
let changes;
try {
  const [before, after] = [released, current].map((file) => buildSchema(readFileSync(file, 'utf8')));
  changes = await diff(before, after, [DiffRule.simplifyChanges]);
} catch (error) {
  // A schema that cannot be read is never an allowed break.
  console.error(
    `${error.message}\n\nGraphQL Inspector could not compare the schemas (above); fix the schema file and run the check again.`,
  );
  process.exit(1);
}
const byPath = (a, b) => ((a.path ?? '') < (b.path ?? '') ? -1 : (a.path ?? '') > (b.path ?? '') ? 1 : 0);
const plain = (message) => message.replace(/'([^']+)'/g, '$1').replace(/"([^"]+)"/g, '$1');
const breaking = changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
for (const [label, level] of [
  ['✖', CriticalityLevel.Breaking],
  ['⚠', CriticalityLevel.Dangerous],
  ['✔', CriticalityLevel.NonBreaking],
]) {
  for (const change of changes.filter((c) => c.criticality.level === level).sort(byPath)) console.log(`${label}  ${plain(change.message)}`);
}
if (breaking.length === 0) {
  console.log(`Schema compatible with the release of @deskql/sdk ${releasedVersion}.`);
  process.exit(0);
}
console.error(`Detected ${breaking.length} breaking change${breaking.length > 1 ? 's' : ''}`);
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
