// The narrow raw-SQL interface that bulk writers and health checks use. Both drivers (node-pg
// for PostgreSQL, PGlite for the embedded database) implement it, so callers never care which
// one runs underneath. Values always travel as bind parameters, never inside the SQL text.
export interface SqlClient {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `work` in one transaction: it commits when `work` resolves and rolls back when it throws. */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
}
