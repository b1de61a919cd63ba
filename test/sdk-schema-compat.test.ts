// npm run schema:compat as CI runs it: additions pass, a breaking change fails with a message
// saying what to do, and passes once the SDK's major version has moved past the release.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'deskql-schema-compat-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
/** The schema as last released: the tests change it as a developer would. */
const schema = readFileSync(path.join(root, 'sdk', 'released', 'schema.graphql'), 'utf8');
/** The schema without KpiSet.resolvedCount (and its description). */
const withoutResolvedCount = schema.replace(/^ {2}"""\n[^\n]*\n {2}"""\n {2}resolvedCount: Int!\n/m, '');

const sdkVersion = JSON.parse(readFileSync(path.join(root, 'sdk', 'package.json'), 'utf8')).version as string;
/** A project with no pending changesets, so that the repository's own do not decide the tests. */
const emptyProject = path.join(work, 'no-changesets');
mkdirSync(path.join(emptyProject, '.changeset'), { recursive: true });

/** Runs the check on `changed` against the released schema, as SDK `version`, with no pending changesets. */
async function check(name: string, changed: string, version = sdkVersion, extraArgs: string[] = []) {
  const schemaFile = path.join(work, `${name}.graphql`);
  const sdkPackage = path.join(work, `${name}.package.json`);
  writeFileSync(schemaFile, changed);
  writeFileSync(sdkPackage, JSON.stringify({ name: '@deskql/sdk', version }));
  const run = promisify(execFile)(
    process.execPath,
    ['sdk/scripts/schema-compat.mjs', '--schema', schemaFile, '--sdk-package', sdkPackage, '--changesets', emptyProject, ...extraArgs],
    { cwd: root },
  );
  return run.then(
    ({ stdout }) => ({ code: 0, output: stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
  );
}

describe('schema compatibility with the last release', { timeout: 90_000 }, () => {
  it('passes for the released schema itself and for added fields and types', async () => {
    expect((await check('same', schema)).code).toBe(0);
    const added =
      schema.replace(/^type Query \{$/m, 'type Query {\n  """Added later."""\n  addedLater(limit: Int): [String!]!\n') +
      '\ntype AddedType {\n  id: ID!\n}\n';
    const result = await check('added', added);
    expect(result.output).toContain('addedLater');
    expect(result.code).toBe(0);
  });

  it('fails on a removed field and a new required argument, naming them and the way out', async () => {
    expect(withoutResolvedCount).not.toContain('resolvedCount: Int!');
    const broken = withoutResolvedCount.replace(
      /^ {2}kpiDefinitions: \[KpiDefinition!\]!$/m,
      '  kpiDefinitions(locale: String!): [KpiDefinition!]!',
    );
    const result = await check('broken', broken);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/resolvedCount was removed/);
    expect(result.output).toMatch(/locale/);
    expect(result.output).toContain('major');
  });

  it('fails on an output field made nullable (clients typed it non-null)', async () => {
    const agentEmail = /(type Agent implements Node \{[\s\S]*?\n {2})email: String!/;
    expect(schema).toMatch(agentEmail);
    const result = await check('nullable', schema.replace(agentEmail, '$1email: String'));
    expect(result.code).toBe(1);
    expect(result.output).toContain('Field Agent.email changed type from String! to String');
  });

  it('lets a breaking change through when the SDK major version moved', async () => {
    const broken = withoutResolvedCount;
    const released = JSON.parse(readFileSync(path.join(root, 'sdk', 'released', 'release.json'), 'utf8')).sdk as string;
    const nextMajor = `${Number(released.split('.')[0]) + 1}.0.0`;
    const result = await check('major', broken, nextMajor);
    expect(result.code).toBe(0);
    expect(result.output).toContain(`allowed: this is major version ${nextMajor.split('.')[0]}`);
  });

  it('lets a breaking change through when a pending changeset makes the next release major', async () => {
    const project = path.join(work, 'with-major-changeset');
    mkdirSync(path.join(project, '.changeset'), { recursive: true });
    writeFileSync(path.join(project, '.changeset', 'config.json'), '{}');
    const changeset = (type: string) =>
      `---\n"@deskql/sdk": ${type}\n---\n\nKpiSet.resolvedCount is gone: count resolved tickets with drill-down.\n`;
    writeFileSync(path.join(project, '.changeset', 'drop-resolved-count.md'), changeset('minor'));
    expect((await check('minor-changeset', withoutResolvedCount, undefined, ['--changesets', project])).code).toBe(1);
    writeFileSync(path.join(project, '.changeset', 'drop-resolved-count.md'), changeset('major'));
    const result = await check('major-changeset', withoutResolvedCount, undefined, ['--changesets', project]);
    expect(result.output).toContain('.changeset/drop-resolved-count.md makes the next release major');
    expect(result.code).toBe(0);
  });

  it('fails when a schema cannot be read, whatever the version', async () => {
    const result = await check('invalid', 'type Query {', '99.0.0');
    expect(result.code).toBe(1);
    expect(result.output).toContain('could not compare');
  });

  it('--record makes the current schema the released one', async () => {
    const releasedDir = path.join(work, 'released');
    cpSync(path.join(root, 'sdk', 'released'), releasedDir, { recursive: true });
    const sdkPackage = path.join(work, 'record.package.json');
    writeFileSync(sdkPackage, JSON.stringify({ version: '2.0.0' }));
    const changed = path.join(work, 'record.graphql');
    writeFileSync(changed, withoutResolvedCount);
    await promisify(execFile)(
      process.execPath,
      ['sdk/scripts/schema-compat.mjs', '--record', '--schema', changed, '--released', releasedDir, '--sdk-package', sdkPackage],
      { cwd: root },
    );
    expect(JSON.parse(readFileSync(path.join(releasedDir, 'release.json'), 'utf8'))).toEqual({ sdk: '2.0.0' });
    expect(readFileSync(path.join(releasedDir, 'schema.graphql'), 'utf8')).not.toMatch(/^ {2}resolvedCount: Int!$/m);
  });
});
