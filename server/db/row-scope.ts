// Team-restricted database access. A Prisma driver adapter wrapped here runs every statement
// in a transaction that first marks it with the allowed teams (deskql.scope_teams), so that
// PostgreSQL's row-level security policies (migration api_keys_and_row_security) hide every
// other team's tickets, interactions, survey responses and customers. It covers everything
// that reaches the database through Prisma: connections, relations, node(id:), drill-down
// and the KPI statements alike, so no resolver has to remember to filter.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

const SCOPED_ROLE = 'deskql_scoped';

export function rowScopedAdapterFactory<F extends SqlDriverAdapterFactory>(factory: F, teamIds: readonly number[]): F {
  if (teamIds.length === 0) throw new Error('a row scope needs at least one team');
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === 'connect') return async () => rowScopedAdapter(await target.connect(), teamIds.join(','));
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function rowScopedAdapter(adapter: SqlDriverAdapter, teams: string): SqlDriverAdapter {
  let roleSwitch: Promise<boolean> | undefined;
  // Superusers and BYPASSRLS roles are exempt from policies: they must act as deskql_scoped.
  const mustSwitchRole = () =>
    (roleSwitch ??= adapter
      .queryRaw(plain(`SELECT (r.rolsuper OR r.rolbypassrls) AS bypass, EXISTS (SELECT FROM pg_roles WHERE rolname = '${SCOPED_ROLE}') AS scoped
                       FROM pg_roles r WHERE r.rolname = current_user`))
      .then((result) => {
        const [bypass, scoped] = result.rows[0] ?? [true, false];
        if (bypass && !scoped) {
          throw new Error(`team-restricted keys need the role ${SCOPED_ROLE} (created by the migrations) when DeskQL connects as a superuser`);
        }
        return Boolean(bypass);
      }));

  const enterScope = async (tx: Transaction) => {
    const role = (await mustSwitchRole()) ? `, set_config('role', '${SCOPED_ROLE}', true)` : '';
    await tx.queryRaw({
      sql: `SELECT set_config('deskql.scope_teams', $1, true)${role}`,
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

  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === 'queryRaw') return (query: SqlQuery) => inScope((tx) => tx.queryRaw(query));
      if (property === 'executeRaw') return (query: SqlQuery) => inScope((tx) => tx.executeRaw(query));
      if (property === 'executeScript') return () => Promise.reject(new Error('scripts cannot run in a row scope'));
      if (property === 'startTransaction') {
        return async (...args: Parameters<SqlDriverAdapter['startTransaction']>) => {
          const tx = await target.startTransaction(...args);
          try {
            await enterScope(tx);
          } catch (error) {
            await end(tx, 'ROLLBACK').catch(() => {});
            throw error;
          }
          return tx;
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
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
