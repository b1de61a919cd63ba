// One batch of validated records of one type, written with a single INSERT … ON CONFLICT:
// references are resolved by externalId in the same statement, rows that would not change
// are left alone, and the statement reports how many rows it created and updated.
import type { SqlClient } from '../db/sql-client.js';
import { SPEC_BY_TYPE, type RecordSpec, type RecordType } from './record-specs.js';

export interface BatchCounts {
  created: number;
  updated: number;
}

const ARRAY_TYPE = { string: 'text', enum: 'text', instant: 'timestamptz', int: 'int', bool: 'boolean', ref: 'text', parsed: 'text' } as const;

/** Builds the statement once per record type; every batch binds one array per column. */
export function upsertStatement(spec: RecordSpec): string {
  const fields = Object.entries(spec.fields);
  const arrays = ['$1::text[]', ...fields.map(([, f], i) => `$${i + 2}::${ARRAY_TYPE[f.kind]}[]`)];
  const aliases = ['c0', ...fields.map((_, i) => `c${i + 1}`)];
  const joins: string[] = [];
  const selected = ['u.c0', ...fields.map(([, f], i) => {
    const value = `u.c${i + 1}`;
    if (f.kind === 'enum') return `${value}::"${f.pgType}"`;
    if (f.kind === 'parsed') return `${value}::${f.sqlType}`;
    if (f.kind === 'ref') {
      joins.push(`LEFT JOIN "${targetTable(f.target)}" r${i + 1} ON r${i + 1}.external_id = ${value}`);
      return `r${i + 1}.id`;
    }
    return value;
  })];
  const columns = ['external_id', ...fields.map(([, f]) => f.column)].map((c) => `"${c}"`);
  const updated = columns.slice(1);
  return `WITH upserted AS (
      INSERT INTO "${spec.table}" (${columns.join(', ')})
      SELECT ${selected.join(', ')}
      FROM unnest(${arrays.join(', ')}) WITH ORDINALITY AS u(${aliases.join(', ')}, ord)
      ${joins.join('\n      ')}
      -- New records get ids in file order, so an export lists them as they came.
      ORDER BY u.ord
      ON CONFLICT ("external_id") DO UPDATE SET ${updated.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
      WHERE (${updated.map((c) => `"${spec.table}".${c}`).join(', ')}) IS DISTINCT FROM (${updated.map((c) => `EXCLUDED.${c}`).join(', ')})
      RETURNING (xmax = 0) AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM upserted`;
}

export async function upsertBatch(sql: SqlClient, spec: RecordSpec, statement: string, rows: unknown[][]): Promise<BatchCounts> {
  // rows: [externalId, ...values in field order], as spooled.
  // Structured (parsed) values travel as JSON text and are cast to jsonb in the statement.
  const params = rows[0]!.map((_, column) => rows.map((row) => jsonText(row[column])));
  const [result] = await sql.query<BatchCounts>(statement, params);
  return result ?? { created: 0, updated: 0 };
}

function targetTable(type: RecordType): string {
  return SPEC_BY_TYPE.get(type)!.table;
}

function jsonText(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : (value ?? null);
}
