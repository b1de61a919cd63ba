// Wraps a Prisma driver adapter so that every SQL statement Prisma sends is reported. The
// server logs them at debug level and counts them per request; tests assert the counts, which
// is how N+1 regressions are caught before they reach production.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

export type StatementListener = (sql: string) => void;

export function observeStatements<F extends SqlDriverAdapterFactory>(factory: F, listener: StatementListener): F {
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === 'connect') {
        return async () => observeQueryable(await target.connect(), listener);
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function observeQueryable<Q extends SqlDriverAdapter | Transaction>(queryable: Q, listener: StatementListener): Q {
  return new Proxy(queryable, {
    get(target, property, receiver) {
      if (property === 'queryRaw' || property === 'executeRaw') {
        return (query: SqlQuery) => {
          listener(query.sql);
          return (target[property] as (q: SqlQuery) => Promise<unknown>).call(target, query);
        };
      }
      if (property === 'startTransaction') {
        return async (...args: unknown[]) =>
          observeQueryable(await (target as SqlDriverAdapter).startTransaction(...(args as [])), listener);
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
