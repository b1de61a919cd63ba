// Prisma clients for requests. A request's statements must pass its own checks (has the
// operation been stopped? count it for the request's metrics) right before they start, and a
// Prisma client calls its driver adapter without saying for whom. So each request gets a
// client of its own, whose adapter calls that request's hook. Creating a Prisma client costs
// far more than a query (it compiles the data model), so clients are kept and lent, one
// request at a time: a request borrows one in its context and gives it back when it is
// answered. Clients are pooled per team set: a client's row scope never changes, so a
// restricted request can only ever borrow a client restricted to exactly its teams.
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../generated/prisma/client.js';
import { withOverrides } from './adapter-proxy.js';
import { rowScopedAdapterFactory } from './row-scope.js';

/** Called with each statement of the borrowing request before it is sent; throwing stops it. */
export type BeforeStatement = (sql: string) => void;

export interface LentClient {
  prisma: PrismaClient;
  /**
   * Settles once the client is connected. A new client connects on its first statement, which
   * takes a while (Prisma compiles the data model): waiting here keeps that out of the
   * operation, e.g. out of a query answer holding the embedded database's only connection.
   */
  ready: Promise<void>;
  /**
   * Gives the client back. `reusable`: false when the request was stopped while a statement may
   * still be on its way (the client then keeps refusing statements and is dropped).
   */
  giveBack(reusable: boolean): void;
}

interface PooledClient {
  prisma: PrismaClient;
  beforeStatement: BeforeStatement;
}

/** Idle clients kept per team set; more are created under load and dropped when given back. */
const MAX_IDLE_PER_SCOPE = 16;

const IDLE: BeforeStatement = () => {};

export class ClientPool {
  private readonly idle = new Map<string, PooledClient[]>();
  private connection: Promise<SqlDriverAdapter> | undefined;
  /** Every client connects to one shared adapter (the driver's pool), which only close() disposes. */
  private readonly shared: SqlDriverAdapterFactory;

  /**
   * `adapterFor` wraps the driver's adapter factory so that each statement first calls the
   * given hook (server/db/observed-adapter.ts).
   */
  constructor(
    driver: SqlDriverAdapterFactory,
    private readonly adapterFor: (factory: SqlDriverAdapterFactory, beforeStatement: BeforeStatement) => SqlDriverAdapterFactory,
  ) {
    this.shared = withOverrides(driver, {
      connect: async () => {
        // One connection promise for every client: the first connect creates it.
        this.connection ??= driver.connect();
        return withOverrides(await this.connection, { dispose: () => Promise.resolve() });
      },
    });
  }

  /** A client seeing only `teamIds`' rows (every team's when null), calling `beforeStatement` before each statement. */
  lend(teamIds: readonly number[] | null, beforeStatement: BeforeStatement): LentClient {
    const key = teamIds ? [...new Set(teamIds)].sort((a, b) => a - b).join(',') : '';
    const reused = this.idle.get(key)?.pop();
    const pooled = reused ?? this.create(key);
    pooled.beforeStatement = beforeStatement;
    let givenBack = false;
    return {
      prisma: pooled.prisma,
      ready: reused ? Promise.resolve() : pooled.prisma.$connect(),
      giveBack: (reusable) => {
        if (givenBack) return;
        givenBack = true;
        const idle = this.idle.get(key) ?? [];
        // A dropped client holds nothing of its own (its adapter is the shared one): left to
        // the garbage collector, a statement still on its way meets the stopped request's hook.
        if (!reusable || idle.length >= MAX_IDLE_PER_SCOPE) return;
        pooled.beforeStatement = IDLE;
        idle.push(pooled);
        this.idle.set(key, idle);
      },
    };
  }

  async close(): Promise<void> {
    this.idle.clear();
    const connection = this.connection;
    this.connection = undefined;
    if (connection) await (await connection).dispose();
  }

  private create(key: string): PooledClient {
    const scoped = key ? rowScopedAdapterFactory(this.shared, key.split(',').map(Number)) : this.shared;
    const hook = { beforeStatement: IDLE };
    const prisma = new PrismaClient({ adapter: this.adapterFor(scoped, (sql) => hook.beforeStatement(sql)) });
    return Object.assign(hook, { prisma });
  }
}
