// Batches the drill-down connections of every slice of a kpiSlices answer: the slices' pages
// come from one statement (server/kpi/drill-down-sql.ts), their records with whatever the
// selection includes from one Prisma query, and their counts from one more, whatever the
// number of slices. One instance per request, on the GraphQL context; the resolvers pass the
// request's client (ctx.prisma: in a query answer, its snapshot), which a batch sends its
// statements through.
import DataLoader from 'dataloader';
import type { DbClient } from '../db/db-client.js';
import { countStatement, pageStatement, type DrillDownKind, type DrillDownQuery, type SliceScope } from '../kpi/drill-down-sql.js';

/** What plugin-prisma hands a connection resolver: the page and what to include of each record. */
export interface ConnectionQuery {
  take?: number;
  skip?: number;
  cursor?: { id?: number };
  [include: string]: unknown;
}

const DELEGATES: Record<DrillDownKind, 'ticket' | 'interaction' | 'surveyResponse' | 'customer'> = {
  ticket: 'ticket',
  interaction: 'interaction',
  surveyResponse: 'surveyResponse',
  customer: 'customer',
};

export class DrillDownBatches {
  private readonly pages = new Map<string, DataLoader<SliceScope, unknown[]>>();
  private readonly counts = new Map<string, DataLoader<SliceScope, number>>();

  /** The page of records of one slice; slices asking the same way share one batch. */
  page(db: DbClient, query: DrillDownQuery, scope: SliceScope, connection: ConnectionQuery): Promise<unknown[]> {
    const { take = 20, skip = 0, cursor, ...include } = connection;
    const key = JSON.stringify([query, scope.groupBy, scope.filter, scope.timeZone, take, skip, cursor ?? null, include]);
    let loader = this.pages.get(key);
    if (!loader) {
      loader = new DataLoader(
        async (scopes) => {
          const statement = pageStatement(query, [...scopes], { take, skip, cursorId: cursor?.id ?? null });
          const rows = await db.$queryRawUnsafe<Array<{ idx: number; id: number }>>(statement.sql, ...statement.params);
          const ids = [...new Set(rows.map((row) => Number(row.id)))];
          const records = ids.length
            ? await (db[DELEGATES[query.kind]] as unknown as { findMany(args: object): Promise<Array<{ id: number }>> }).findMany({
                ...include,
                where: { id: { in: ids } },
              })
            : [];
          const byId = new Map(records.map((record) => [record.id, record]));
          const perSlice: unknown[][] = scopes.map(() => []);
          for (const row of rows) perSlice[Number(row.idx)]!.push(byId.get(Number(row.id)));
          return perSlice;
        },
        { cache: false },
      );
      this.pages.set(key, loader);
    }
    return loader.load(scope);
  }

  /** How many records of one slice the drill-down lists. */
  count(db: DbClient, query: DrillDownQuery, scope: SliceScope): Promise<number> {
    const key = JSON.stringify([query, scope.groupBy, scope.filter, scope.timeZone]);
    let loader = this.counts.get(key);
    if (!loader) {
      loader = new DataLoader(
        async (scopes) => {
          const statement = countStatement(query, [...scopes]);
          const rows = await db.$queryRawUnsafe<Array<{ idx: number; n: number }>>(statement.sql, ...statement.params);
          return rows.map((row) => Number(row.n));
        },
        { cache: false },
      );
      this.counts.set(key, loader);
    }
    return loader.load(scope);
  }
}
