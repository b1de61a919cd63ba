// Customer KPIs: customers at the start and end of the window, new customers, and the
// retention and churn rates built from them (kpi-spec: S, E, N).
import { Prisma } from '../../generated/prisma/client.js';
import { customerFact } from '../facts.js';
import { emptyResult, type FamilyResult, type KpiRequest } from '../request.js';
import type { FactQueryParts } from '../facts.js';
import { perWindow } from './window-aggregate.js';
import { runStock } from './stock.js';

export interface CustomerValues {
  atStart: number;
  atEnd: number;
  new: number;
  /** Customers counted at the start who churned during the window. */
  churned: number;
}

export const emptyCustomers = (): CustomerValues => ({ atStart: 0, atEnd: 0, new: 0, churned: 0 });

export async function queryCustomers(request: KpiRequest): Promise<FamilyResult<CustomerValues>> {
  const stock = await runStock(
    {
      fact: customerFact,
      enters: 'cu.created_at',
      leaves: 'cu.churned_at',
      // Per window: new customers (n2: of those, already churned by the window's end), and
      // customers who churned in it.
      extraParts: (parts) => [
        Prisma.sql`SELECT 'new'::text AS m, w.k, ${Prisma.raw(dimAliases(parts))} w.n, w.n2 FROM (${perWindow(
          parts,
          request.windows,
          'cu.created_at',
          (windowEnd) => Prisma.sql`count(*)::int AS n, count(*) FILTER (WHERE cu.churned_at < ${windowEnd})::int AS n2`,
        )}) w`,
        Prisma.sql`SELECT 'churned'::text, w.k, ${Prisma.raw(dimAliases(parts))} w.n, 0 FROM (${perWindow(
          parts,
          request.windows,
          'cu.churned_at',
          Prisma.sql`count(*)::int AS n`,
        )}) w`,
      ],
    },
    request,
  );
  const result = emptyResult<CustomerValues>(request.windows.length);
  request.windows.forEach((window, index) => {
    for (const [key, group] of stock.groups) {
      const created = stock.extra.get(`new|${index}|${key}`);
      const churnedInWindow = stock.extra.get(`churned|${index}|${key}`)?.n ?? 0;
      const values: CustomerValues = {
        atStart: stock.stockAt(key, window.start),
        atEnd: stock.stockAt(key, window.end),
        new: created?.n ?? 0,
        // Churned in the window, less those who also joined in it (they were not counted at the start).
        churned: churnedInWindow - (created?.n2 ?? 0),
      };
      if (values.atStart || values.atEnd || values.new || values.churned) result[index]!.set(key, { group, values });
    }
  });
  return result;
}

/** `w.d0, w.d1, ` for the grouping columns of a per-window subquery. */
function dimAliases(parts: FactQueryParts): string {
  return parts.groupDims.map((_, i) => `w.d${i}, `).join('');
}
