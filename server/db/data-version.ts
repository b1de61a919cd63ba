// The data version (table data_version, moved forward by every statement that writes
// help-desk records, migration kpi_facts): what response caches key answers by, and what
// answers report as extensions.freshness.
import type { SqlClient } from './sql-client.js';

export interface DataVersion {
  /** A decimal string: the counter is a bigint. */
  dataVersion: string;
  /** When the last write that moved it happened (ISO 8601). */
  dataAsOf: string;
}

export const DATA_VERSION_SQL = 'SELECT "version"::text AS version, "changed_at" AS changed_at FROM "data_version" WHERE "id" = 1';

export function dataVersionOf(rows: Array<{ version: string; changed_at: Date | string }>): DataVersion {
  const row = rows[0];
  if (!row) throw new Error('data_version has no row: is migration kpi_facts applied?');
  return { dataVersion: row.version, dataAsOf: new Date(row.changed_at).toISOString() };
}

export async function readDataVersion(sql: SqlClient): Promise<DataVersion> {
  return dataVersionOf(await sql.query<{ version: string; changed_at: Date }>(DATA_VERSION_SQL));
}
