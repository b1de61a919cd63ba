// After a bulk write (seed, `npm run import`): VACUUM (ANALYZE) the tables KPI statements read.
// ANALYZE gives the planner the row counts and value distributions it estimates by; VACUUM
// marks the written pages all-visible, which is what lets the covering indexes (migration
// kpi_covering_indexes) be read with index-only scans. PostgreSQL's autovacuum gets there on
// its own, some time later; the embedded database never does: PGlite runs PostgreSQL as a
// single process, without autovacuum, so before this a freshly seeded demo was planned on
// guesses (143 tickets estimated for 20,000) and every index-only scan went to the table.
import type { SqlClient } from './sql-client.js';

/** The tables KPI statements aggregate, and the customers and business times they read beside them. */
const KPI_TABLES = ['ticket', 'interaction', 'survey_response', 'customer', 'ticket_business_time'] as const;

export async function refreshStatistics(sql: SqlClient): Promise<void> {
  // Not in a transaction: VACUUM cannot run in one (both clients send it on its own).
  await sql.query(`VACUUM (ANALYZE) ${KPI_TABLES.map((table) => `"${table}"`).join(', ')}`);
}
