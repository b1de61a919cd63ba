// Imports NDJSON (docs/import-format.md) into the database, all or nothing.
//
// Pass 1 reads every line, validates it and spools it per type; no write happens until the
// whole file is known to be valid and every reference resolves (to the file or to the
// database). Pass 2 writes the types in dependency order, in batches, in one transaction:
// a rejected file, a failure or a killed process leaves the database as it was.
import { BusinessHoursImportRules } from '../business-hours/import-rules.js';
import { refreshTicketBusinessTime } from '../business-hours/ticket-business-time.js';
import type { Database } from '../db/database.js';
import type { SqlClient } from '../db/sql-client.js';
import { toParameter, unnestStatement, writeColumns } from '../db/unnest-write.js';
import { RECORD_SPECS, SPEC_BY_TYPE, writeColumnsOf, type RecordType } from './record-specs.js';
import { Spool } from './spool.js';
import { validateRecord } from './validate-record.js';

export interface LineError {
  line: number;
  field: string;
  reason: string;
}

export interface TypeSummary {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  lines: number;
  records: number;
  /** The first `maxErrors` problems, in line order. */
  errors: LineError[];
  /** Every problem found, also those not listed. */
  errorCount: number;
  summary: Record<RecordType, TypeSummary>;
}

export interface ImportProgress {
  phase: 'validating' | 'resolving' | 'writing';
  lines: number;
  written: number;
  records: number;
}

export interface ImportOptions {
  dryRun?: boolean;
  maxErrors?: number;
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
}

/** Thrown inside the transaction of a dry run so that it rolls back after counting. */
class DryRunRollback extends Error {}

export async function importNdjson(db: Database, lines: AsyncIterable<string>, options: ImportOptions = {}): Promise<ImportReport> {
  const maxErrors = options.maxErrors ?? 100;
  const progress: ImportProgress = { phase: 'validating', lines: 0, written: 0, records: 0 };
  const report: ImportReport = {
    ok: false,
    dryRun: options.dryRun ?? false,
    lines: 0,
    records: 0,
    errors: [],
    errorCount: 0,
    summary: Object.fromEntries(RECORD_SPECS.map((s) => [s.type, { created: 0, updated: 0, unchanged: 0 }])) as ImportReport['summary'],
  };
  const fail = (line: number, field: string, reason: string) => {
    report.errorCount++;
    if (report.errors.length < maxErrors) report.errors.push({ line, field, reason });
  };

  const spool = await Spool.create();
  try {
    // Pass 1: validate and spool. Line numbers of every externalId, to name duplicates.
    const seen = new Map<RecordType, Map<string, number>>(RECORD_SPECS.map((s) => [s.type, new Map()]));
    const referenced = new Map<RecordType, Set<string>>(RECORD_SPECS.map((s) => [s.type, new Set()]));
    const businessHours = new BusinessHoursImportRules();
    let lineNumber = 0;
    for await (const raw of lines) {
      lineNumber++;
      // Editors on Windows start UTF-8 files with a byte order mark; it is not part of the JSON.
      const text = lineNumber === 1 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
      if (text.trim() === '') continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        fail(lineNumber, '(line)', `is not valid JSON: ${(error as Error).message}`);
        continue;
      }
      const { record, problems } = validateRecord(parsed);
      for (const problem of problems) fail(lineNumber, problem.field, problem.reason);
      if (!record) continue;
      const ids = seen.get(record.type)!;
      const first = ids.get(record.externalId);
      if (first !== undefined) {
        fail(
          lineNumber,
          'externalId',
          `"${record.externalId}" is already used by the ${record.type} on line ${first}; each record must appear once`,
        );
        continue;
      }
      ids.set(record.externalId, lineNumber);
      businessHours.see(lineNumber, record);
      const spec = SPEC_BY_TYPE.get(record.type)!;
      const row: unknown[] = [lineNumber, record.externalId];
      for (const [name, field] of Object.entries(spec.fields)) {
        const value = record.values[name];
        if (field.kind === 'ref' && typeof value === 'string') referenced.get(field.target)!.add(value);
        row.push(value instanceof Date ? value.toISOString() : value);
      }
      await spool.write(record.type, row);
      report.records++;
      if (lineNumber % 10_000 === 0) options.onProgress?.({ ...progress, lines: lineNumber, records: report.records });
    }
    report.lines = lineNumber;
    await spool.finish();
    progress.lines = lineNumber;
    progress.records = report.records;

    // References: to the file, else to the database.
    progress.phase = 'resolving';
    options.onProgress?.({ ...progress });
    const missing = new Map<RecordType, Set<string>>();
    for (const [type, ids] of referenced) {
      const inFile = seen.get(type)!;
      const outside = [...ids].filter((id) => !inFile.has(id));
      const absent = await absentFromDatabase(db.sql, type, outside);
      if (absent.size) missing.set(type, absent);
    }
    if (missing.size) await reportMissingReferences(spool, missing, fail);
    for (const [line, field, reason] of await businessHours.problems(db.sql)) fail(line, field, reason);
    if (report.errorCount > 0) {
      report.errors.sort((a, b) => a.line - b.line);
      return report;
    }

    // Pass 2: write, in dependency order, in one transaction.
    progress.phase = 'writing';
    options.onProgress?.({ ...progress });
    const batchSize = options.batchSize ?? 2000;
    try {
      await db.sql.transaction(async (tx) => {
        for (const spec of RECORD_SPECS) {
          const statement = unnestStatement(spec.table, writeColumnsOf(spec), { upsertByExternalId: true });
          const totals = report.summary[spec.type];
          let batch: unknown[][] = [];
          const flush = async () => {
            if (batch.length === 0) return;
            // Spooled rows are [externalId, ...values in field order]; the statement takes columns.
            const counts = await writeColumns(
              tx,
              statement,
              batch[0]!.map((_, column) => batch.map((row) => toParameter(row[column]))),
            );
            totals.created += counts.created;
            totals.updated += counts.updated;
            totals.unchanged += batch.length - counts.created - counts.updated;
            progress.written += batch.length;
            options.onProgress?.({ ...progress });
            batch = [];
          };
          for await (const row of spool.rows(spec.type)) {
            batch.push(row.slice(1)); // drop the line number
            if (batch.length >= batchSize) await flush();
          }
          await flush();
        }
        // Business time depends on tickets, team calendars, calendars and policies: recomputed
        // in this transaction, so no reader ever sees records without it.
        await refreshTicketBusinessTime(tx, businessHours.scope());
        if (options.dryRun) throw new DryRunRollback();
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    report.ok = true;
    return report;
  } finally {
    await spool.remove();
  }
}

/** The externalIds of `type` among `ids` that the database does not hold. */
async function absentFromDatabase(sql: SqlClient, type: RecordType, ids: string[]): Promise<Set<string>> {
  const absent = new Set(ids);
  const table = SPEC_BY_TYPE.get(type)!.table;
  for (let i = 0; i < ids.length; i += 10_000) {
    const rows = await sql.query<{ external_id: string }>(`SELECT external_id FROM "${table}" WHERE external_id = ANY($1::text[])`, [
      ids.slice(i, i + 10_000),
    ]);
    for (const row of rows) absent.delete(row.external_id);
  }
  return absent;
}

/** Names every line whose reference resolves nowhere (a second read of the spool, only when there are some). */
async function reportMissingReferences(
  spool: Spool,
  missing: Map<RecordType, Set<string>>,
  fail: (line: number, field: string, reason: string) => void,
): Promise<void> {
  for (const spec of RECORD_SPECS) {
    const refs = Object.entries(spec.fields)
      .map(([name, field], index) => ({ name, field, index: index + 2 }))
      .filter((f) => f.field.kind === 'ref' && missing.has((f.field as { target: RecordType }).target));
    if (refs.length === 0) continue;
    for await (const row of spool.rows(spec.type)) {
      for (const ref of refs) {
        const target = (ref.field as { target: RecordType }).target;
        const value = row[ref.index];
        if (typeof value === 'string' && missing.get(target)!.has(value)) {
          fail(row[0] as number, ref.name, `refers to ${target} "${value}", which is neither in this file nor in the database`);
        }
      }
    }
  }
}
