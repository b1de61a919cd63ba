// Multi-row writes through `unnest`: one statement per batch and table, each column sent as one
// array parameter. Many times faster than row-by-row writes, works the same on PostgreSQL and
// PGlite, and keeps every value a bind parameter. The demo generator inserts with it; the
// import upserts by externalId and counts what it created and updated.
import type { SqlClient } from './sql-client.js';

export interface UnnestColumn {
  /** Column name in the table (from the datamodel, not user input). */
  column: string;
  /** PostgreSQL type of the column: `int`, `text`, `boolean`, `timestamptz`, `jsonb` or an enum type. */
  pgType: string;
  /** The value is the external_id of a row of this table; the column receives that row's id (or null). */
  references?: string;
}

export interface UnnestOptions {
  /**
   * Upsert by the first column, external_id: rows that would not change are left alone, new
   * rows get ids in batch order, and the statement answers `{ created, updated }`.
   */
  upsertByExternalId?: boolean;
}

export interface WriteCounts {
  created: number;
  updated: number;
}

// Arrays of these types bind directly. Enum and jsonb values travel as text and are cast per
// element: a driver cannot serialise an array of a type it does not know.
const BUILTIN_TYPES = new Set(['int', 'integer', 'text', 'boolean', 'timestamptz']);

/** Builds the statement once per table and column list; every batch binds one array per column. */
export function unnestStatement(table: string, columns: readonly UnnestColumn[], options: UnnestOptions = {}): string {
  const joins: string[] = [];
  const arrays = columns.map((c, i) => `$${i + 1}::${c.references || !BUILTIN_TYPES.has(c.pgType) ? 'text' : c.pgType}[]`);
  const aliases = columns.map((_, i) => `c${i}`);
  const selected = columns.map((c, i) => {
    const value = `u.c${i}`;
    if (c.references) {
      joins.push(`LEFT JOIN "${c.references}" r${i} ON r${i}.external_id = ${value}`);
      return `r${i}.id`;
    }
    if (BUILTIN_TYPES.has(c.pgType)) return value;
    return c.pgType === 'jsonb' ? `${value}::jsonb` : `${value}::"${c.pgType}"`;
  });
  const names = columns.map((c) => `"${c.column}"`);
  if (!options.upsertByExternalId) {
    return `INSERT INTO "${table}" (${names.join(', ')}) SELECT ${selected.join(', ')} FROM unnest(${arrays.join(', ')}) AS u(${aliases.join(', ')}) ${joins.join(' ')}`;
  }
  if (columns[0]?.column !== 'external_id') throw new Error(`upsert into ${table}: the first column must be external_id`);
  const updated = names.slice(1);
  return `WITH upserted AS (
      INSERT INTO "${table}" (${names.join(', ')})
      SELECT ${selected.join(', ')}
      FROM unnest(${arrays.join(', ')}) WITH ORDINALITY AS u(${aliases.join(', ')}, ord)
      ${joins.join('\n      ')}
      -- New records get ids in batch order, so an export lists them as they came.
      ORDER BY u.ord
      ON CONFLICT ("external_id") DO UPDATE SET ${updated.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
      WHERE (${updated.map((c) => `"${table}".${c}`).join(', ')}) IS DISTINCT FROM (${updated.map((c) => `EXCLUDED.${c}`).join(', ')})
      RETURNING (xmax = 0) AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM upserted`;
}

/**
 * Runs an unnest statement over rows given column by column (`columns[i][j]`: column i of
 * row j). Answers the counts of an upsert statement; an insert answers zeros.
 */
export async function writeColumns(sql: SqlClient, statement: string, columns: unknown[][]): Promise<WriteCounts> {
  const [result] = await sql.query<Partial<WriteCounts>>(statement, columns);
  return { created: result?.created ?? 0, updated: result?.updated ?? 0 };
}

/** A value as a bind parameter: instants as ISO text, structured values as JSON text. */
export function toParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : (value ?? null);
}
