// Wraps a Prisma driver adapter so that every SQL statement Prisma sends is reported. The
// server logs them at debug level and counts them per request; tests assert the counts, which
// is how N+1 regressions are caught before they reach production.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';
import { withOverrides } from './adapter-proxy.js';

export type StatementListener = (sql: string) => void;

export function observeStatements<F extends SqlDriverAdapterFactory>(factory: F, listener: StatementListener): F {
  return withOverrides<SqlDriverAdapterFactory>(factory, {
    connect: async () => observeQueryable(await factory.connect(), listener),
  }) as F;
}

function observeQueryable<Q extends SqlDriverAdapter | Transaction>(queryable: Q, listener: StatementListener): Q {
  const overrides: Partial<SqlDriverAdapter> = {
    queryRaw: (query: SqlQuery) => {
      listener(query.sql);
      return queryable.queryRaw(query);
    },
    executeRaw: (query: SqlQuery) => {
      listener(query.sql);
      return queryable.executeRaw(query);
    },
  };
  if ('startTransaction' in queryable) {
    overrides.startTransaction = async (...args) => observeQueryable(await queryable.startTransaction(...args), listener);
  }
  return withOverrides(queryable as SqlDriverAdapter, overrides) as Q;
}
