// Customer KPIs: customers at the start and end of the window, new customers, and the
// retention and churn rates built from them (kpi-spec: S, E, N).
import { Prisma } from '../../generated/prisma/client.js';
import { customerFact } from '../facts.js';
import { emptyResult, type FamilyResult, type KpiRequest } from '../request.js';
import { windowsParam } from './window-aggregate.js';
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
  const windows = windowsParam(request);
  const stock = await runStock(
    {
      fact: customerFact,
      enters: 'cu.created_at',
      leaves: 'cu.churned_at',
      extraParts: (parts) => {
        const groupBy = Prisma.join([Prisma.sql`w.k`, ...parts.groupDims]);
        return [
          // New in the window; n2: of those, already churned by its end.
          Prisma.sql`SELECT 'new'::text, (w.k - 1)::int ${parts.selectDims}, count(*)::int,
              count(*) FILTER (WHERE cu.churned_at < w.we)::int
            FROM ${parts.from} JOIN ${windows} ON cu.created_at >= w.ws AND cu.created_at < w.we
            WHERE ${parts.where} GROUP BY ${groupBy}`,
          Prisma.sql`SELECT 'churned'::text, (w.k - 1)::int ${parts.selectDims}, count(*)::int, 0
            FROM ${parts.from} JOIN ${windows} ON cu.churned_at >= w.ws AND cu.churned_at < w.we
            WHERE ${parts.where} GROUP BY ${groupBy}`,
        ];
      },
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
