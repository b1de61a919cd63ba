// The backlog at each window's end from the daily rollups: tickets created before it minus
// tickets resolved before it (a ticket is resolved no earlier than created: imports and
// mutations refuse resolvedAt before createdAt), whole days from kpi_day_created and
// kpi_day_resolved, the last partial day from the raw rows. It replaces a pass over every
// ticket ever created by a few hundred rollup rows per group.
import { Prisma } from '../../generated/prisma/client.js';
import { factQueryParts, ticketFact } from '../facts.js';
import { emptyResult, groupKey, groupOf, type FamilyResult, type KpiRequest } from '../request.js';
import type { BacklogValues } from '../families/backlog.js';
import { rollupPlan, utcDayStart } from './plan.js';
import { groupColumn, rawKeyOf, rollupKeyColumn, rollupRowsOf } from './read.js';

/** The backlog per window end and group, or null when the request must read the raw rows. */
export async function rollupBacklog(request: KpiRequest): Promise<FamilyResult<BacklogValues> | null> {
  const plan = rollupPlan(request);
  if (!plan) return null;
  const result = emptyResult<BacklogValues>(request.windows.length);
  if (request.windows.length === 0) return result;
  const parts = factQueryParts(ticketFact, request.groupBy, request.filter);
  const rawKey = rawKeyOf(plan, parts);
  const ends = request.windows.map((w) => w.end.getTime());
  const days = ends.map((end) => new Date(utcDayStart(end)));
  const rows = await request.db.$queryRaw<Array<Record<string, unknown>>>(Prisma.sql`
    SELECT e.k, p.key ${groupColumn(plan)}, sum(p.n)::int AS backlog
    FROM unnest(${ends.map((_, k) => k)}::int[], ${ends.map((t) => new Date(t).toISOString())}::timestamptz[],
                ${days.map((d) => d.toISOString())}::timestamptz[], ${days.map((d) => d.toISOString().slice(0, 10))}::date[]) AS e(k, t, ds, d)
    CROSS JOIN LATERAL (
      SELECT ${rollupKeyColumn(plan, 'c')}, c.tickets FROM kpi_day_created c WHERE ${rollupRowsOf(plan, 'c', Prisma.sql`c.day < e.d`)}
      UNION ALL
      SELECT ${rollupKeyColumn(plan, 'r')}, -r.resolved FROM kpi_day_resolved r WHERE ${rollupRowsOf(plan, 'r', Prisma.sql`r.day < e.d`)}
      UNION ALL
      SELECT ${rawKey}, 1 FROM ${parts.from} WHERE t.created_at >= e.ds AND t.created_at < e.t AND ${parts.where}
      UNION ALL
      SELECT ${rawKey}, -1 FROM ${parts.from} WHERE t.resolved_at >= e.ds AND t.resolved_at < e.t AND ${parts.where}
    ) AS p(key, n)
    GROUP BY e.k, p.key HAVING sum(p.n) <> 0`);
  for (const row of rows) {
    const group = groupOf(row, request.groupBy);
    result[row.k as number]!.set(groupKey(group, request.groupBy), { group, values: { backlog: row.backlog as number } });
  }
  return result;
}
