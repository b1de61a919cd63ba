// Team-restricted database access. A Prisma driver adapter wrapped here runs every statement
// in a transaction that first marks it with the allowed teams (deskql.scope_teams), so that
// PostgreSQL's row-level security policies (migration api_keys_and_row_security) hide every
// other team's tickets, interactions, survey responses and customers. It covers everything
// that reaches the database through Prisma: connections, relations, node(id:), drill-down
// and the KPI statements alike, so no resolver has to remember to filter.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';
import { withOverrides } from './adapter-proxy.js';

const SCOPED_ROLE = 'deskql_scoped';

export function rowScopedAdapterFactory<F extends SqlDriverAdapterFactory>(factory: F, teamIds: readonly number[]): F {
  if (teamIds.length === 0) throw new Error('a row scope needs at least one team');
  return withOverrides<SqlDriverAdapterFactory>(factory, {
    connect: async () => rowScopedAdapter(await factory.connect(), teamIds.join(',')),
  }) as F;
}

function rowScopedAdapter(adapter: SqlDriverAdapter, teams: string): SqlDriverAdapter {
  // One statement on the transaction's own connection (asking another connection of the pool
  // while holding this one could wait forever). Superusers and BYPASSRLS roles are exempt
  // from policies, so they act as deskql_scoped; if that role is missing, set_config fails and
  // so does the statement: closed, not open.
  const enterScope = async (tx: Transaction) => {
    await tx.queryRaw({
      sql: `SELECT set_config('deskql.scope_teams', $1, true),
              CASE WHEN (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user)
                   THEN set_config('role', '${SCOPED_ROLE}', true) END`,
      args: [teams],
      argTypes: [{ scalarType: 'string', arity: 'scalar' }],
    });
  };

  const inScope = async <T>(work: (tx: Transaction) => Promise<T>): Promise<T> => {
    const tx = await adapter.startTransaction();
    try {
      await enterScope(tx);
      const result = await work(tx);
      await end(tx, 'COMMIT');
      return result;
    } catch (error) {
      await end(tx, 'ROLLBACK').catch(() => {});
      throw error;
    }
  };

  return withOverrides(adapter, {
    queryRaw: (query: SqlQuery) => inScope((tx) => tx.queryRaw(query)),
    executeRaw: (query: SqlQuery) => inScope((tx) => tx.executeRaw(query)),
    executeScript: () => Promise.reject(new Error('scripts cannot run in a row scope')),
    startTransaction: async (...args) => {
      const tx = await adapter.startTransaction(...args);
      try {
        await enterScope(tx);
      } catch (error) {
        await end(tx, 'ROLLBACK').catch(() => {});
        throw error;
      }
      return tx;
    },
  });
}

/** Ends a transaction the way the adapter expects: node-pg's needs the statement, PGlite's does it itself. */
async function end(tx: Transaction, verb: 'COMMIT' | 'ROLLBACK'): Promise<void> {
  if (!tx.options.usePhantomQuery) await tx.executeRaw(plain(verb));
  if (verb === 'COMMIT') await tx.commit();
  else await tx.rollback();
}

function plain(sql: string): SqlQuery {
  return { sql, args: [], argTypes: [] };
}
