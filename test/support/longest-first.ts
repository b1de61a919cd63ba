// The order in which the two workers take the test files (vitest.config.ts): the files that take
// longest start first, so that at the end of a run neither worker is still on one of them
// while the other has nothing left. Vitest orders by the durations of the previous run when it
// has them, but it keeps them in node_modules/.vite, which CI installs anew for every run; there
// it would fall back to the size of each file, and these would start late.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The longest files, longest first: each starts processes (npm, tsc, the server, Chromium) or seeds thousands of tickets. */
const LONGEST = [
  'test/sdk-package.test.ts',
  'test/import-process.test.ts',
  'test/apikey-cli.test.ts',
  'test/server-process.test.ts',
  'test/dashboard-browser.test.ts',
  'test/operation-cost.test.ts',
];

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = LONGEST.findIndex((name) => file.moduleId.endsWith(name));
      return index < 0 ? LONGEST.length : index;
    };
    // Array sort is stable: the other files keep vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
