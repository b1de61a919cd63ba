// Writes every record as NDJSON in the import format (the inverse of import): references by
// externalId, instants as ISO 8601, types in dependency order, read in keyset pages so the
// database is never asked for everything at once.
import type { Database } from '../db/database.js';
import { RECORD_SPECS, SPEC_BY_TYPE } from './record-specs.js';

const PAGE = 5000;

export async function* exportNdjson(db: Database): AsyncGenerator<string> {
  for (const spec of RECORD_SPECS) {
    const fields = Object.entries(spec.fields);
    const selected = fields.map(([name, field], i) =>
      field.kind === 'ref' ? `r${i}.external_id AS "${name}"` : `t."${field.column}"${field.kind === 'enum' ? '::text' : ''} AS "${name}"`,
    );
    const joins = fields
      .map(([, field], i) =>
        field.kind === 'ref' ? `LEFT JOIN "${SPEC_BY_TYPE.get(field.target)!.table}" r${i} ON r${i}.id = t."${field.column}"` : '',
      )
      .filter(Boolean);
    const statement = `SELECT t.id, t.external_id AS "externalId", ${selected.join(', ')} FROM "${spec.table}" t ${joins.join(' ')}
      WHERE t.id > $1 ORDER BY t.id LIMIT ${PAGE}`;
    let after = 0;
    for (;;) {
      const rows = await db.sql.query<Record<string, unknown>>(statement, [after]);
      for (const row of rows) {
        const record: Record<string, unknown> = { type: spec.type, externalId: row.externalId };
        for (const [name] of fields) {
          const value = row[name];
          record[name] = value instanceof Date ? value.toISOString() : value;
        }
        yield JSON.stringify(record);
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id as number;
    }
  }
}
