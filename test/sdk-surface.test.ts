// The SDK's public surface is a deliberate list, and its client runs in browsers: the
// dashboard (issue 13) imports it from sdk/src, so nothing on the import path of the client
// may need Node.
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const sdkSource = path.resolve(import.meta.dirname, '..', 'sdk', 'src');
const sdkManifest = JSON.parse(readFileSync(path.resolve(sdkSource, '..', 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

/** Every module specifier reachable from `entry` through relative imports, and the files visited. */
function importGraph(entry: string) {
  const files = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const { fileName: specifier } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')));
      else external.add(specifier);
    }
  };
  visit(entry);
  return { files, external };
}

describe('the public surface', () => {
  it('exports exactly the named runtime values', async () => {
    const sdk = await import('../sdk/src/index.js');
    expect(Object.keys(sdk).sort()).toEqual([
      'AgentKpisDocument',
      'AgentsPageDocument',
      'CustomerKpiSlicesDocument',
      'CustomersPageDocument',
      'DeskqlError',
      'DrillDownCustomersDocument',
      'DrillDownInteractionsDocument',
      'DrillDownSurveyResponsesDocument',
      'DrillDownTicketsDocument',
      'ImportRecordsDocument',
      'KpiDefinitionsDocument',
      'KpiSlicesDocument',
      'KpisDocument',
      'SurveyResponsesPageDocument',
      'TeamKpisDocument',
      'TeamsPageDocument',
      'TicketsPageDocument',
      'ViewerDocument',
      'createClient',
    ]);
  });

  it('re-exports nothing wholesale from generated code', () => {
    for (const file of importGraph(path.join(sdkSource, 'index.ts')).files) {
      expect(readFileSync(file, 'utf8'), path.relative(sdkSource, file)).not.toMatch(/export \* from '\.\/generated/);
    }
  });
});

describe('the client in a browser', () => {
  it('imports no Node built-in and no package the SDK does not declare', () => {
    const { files, external } = importGraph(path.join(sdkSource, 'index.ts'));
    expect(files.size).toBeGreaterThan(5);
    const nodeOnly = [...external].filter((name) => name.startsWith('node:') || builtinModules.includes(name));
    expect(nodeOnly).toEqual([]);
    const undeclared = [...external].filter(
      (name) => !Object.keys(sdkManifest.dependencies).some((dep) => name === dep || name.startsWith(`${dep}/`)),
    );
    expect(undeclared).toEqual([]);
  });

  it('uses no Node global on the client path', () => {
    for (const file of importGraph(path.join(sdkSource, 'index.ts')).files) {
      expect(readFileSync(file, 'utf8'), path.relative(sdkSource, file)).not.toMatch(/\b(process|Buffer|require|__dirname)\b[.(]/);
    }
  });
});
