// npm run import -- FILE [--dry-run]     (FILE may be - for standard input)
// Imports an NDJSON file (docs/import-format.md) into the configured database, all or nothing.
// Exit codes: 0 imported (or valid, with --dry-run), 1 rejected, 2 usage or configuration.
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { EmbeddedDatabaseBusyError } from '../db/embedded-lock.js';
import { refreshStatistics } from '../db/refresh-statistics.js';
import { importNdjson, type ImportReport } from '../import/import-ndjson.js';
import { describeTarget, openConfiguredDatabase, runCli } from './open.js';

class UsageError extends Error {}

runCli(async () => {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nUsage: npm run import -- FILE [--dry-run]   (FILE may be - for standard input)`);
  }
  const [file] = parsed.positionals;
  if (!file || parsed.positionals.length > 1)
    throw new UsageError('Usage: npm run import -- FILE [--dry-run]   (FILE may be - for standard input)');
  if (file !== '-')
    await access(file).catch(() => {
      throw new UsageError(`Cannot read ${file}: no such file`);
    });
  const dryRun = parsed.values['dry-run'];

  const { config, db } = await openConfiguredDatabase();
  try {
    const input = file === '-' ? process.stdin : createReadStream(file);
    const lines = createInterface({ input, crlfDelay: Infinity });
    console.error(`${dryRun ? 'Checking' : 'Importing'} ${file === '-' ? 'standard input' : file} into ${describeTarget(config)}`);
    const started = Date.now();
    let lastReport = 0;
    let lastPhase = '';
    const report = await importNdjson(db, lines, {
      dryRun,
      onProgress: (p) => {
        // Every phase change is shown; within a phase, at most one line a second.
        if (p.phase === lastPhase && Date.now() - lastReport < 1000) return;
        lastReport = Date.now();
        lastPhase = p.phase;
        console.error(p.phase === 'writing' ? `  writing: ${p.written}/${p.records} records` : `  ${p.phase}: ${p.lines} lines read`);
      },
    });
    printReport(report, (Date.now() - started) / 1000);
    if (!report.ok) process.exitCode = 1;
    // A bulk load: the planner's statistics and the visibility map are due (refresh-statistics.ts).
    else if (!dryRun) await refreshStatistics(db.sql);
  } finally {
    await db.close();
  }
}, [UsageError, EmbeddedDatabaseBusyError]);

function printReport(report: ImportReport, seconds: number): void {
  if (!report.ok) {
    console.error(`Rejected: ${report.errorCount} problem(s) in ${report.lines} lines; nothing was written.`);
    for (const error of report.errors) console.error(`  line ${error.line}, ${error.field}: ${error.reason}`);
    if (report.errorCount > report.errors.length) console.error(`  … and ${report.errorCount - report.errors.length} more`);
    return;
  }
  const verb = report.dryRun ? 'Valid (dry run, nothing written)' : 'Imported';
  console.log(`${verb}: ${report.records} records from ${report.lines} lines in ${seconds.toFixed(1)} s`);
  for (const [type, counts] of Object.entries(report.summary)) {
    if (counts.created + counts.updated + counts.unchanged === 0) continue;
    console.log(
      `  ${type.padEnd(12)} ${String(counts.created).padStart(9)} created ${String(counts.updated).padStart(9)} updated ${String(counts.unchanged).padStart(9)} unchanged`,
    );
  }
}
