// Vitest global setup: migrates the run's template database once (test/support/database-template.ts)
// and hands it to every test file; removes it when the run ends. Meanwhile it compiles the
// server into dist/ if a source changed (test/support/compiled.ts), so that the files that
// start the server or a command find it built and none of them builds it while others run.
import type { TestProject } from 'vitest/node';
import { build } from './compiled.js';
import { createDatabaseTemplate, type DatabaseTemplate } from './database-template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [{ template, remove }] = await Promise.all([createDatabaseTemplate(), build()]);
  project.provide('databaseTemplate', template);
  return remove;
}
