// Prisma clients for requests. A request's statements must pass its own checks (has the
// operation been stopped? count it for the request's metrics) right before they start, and a
// Prisma client calls its driver adapter without saying for whom. So each request that needs
// the database gets a client of its own, whose adapter calls that request's hook.
//
// Creating a Prisma client costs far more than a query (it compiles the data model) and each
// one alive holds several MiB (its query compiler's WebAssembly instance): so clients are kept
// and lent, one request at a time, and at most `max` are alive in the process, lent or idle.
// When all are lent, a request waits for one to come back for at most `maxWaitMs` (or until
// its operation stops), then is refused with ClientsExhausted (a 503 with Retry-After).
// Clients are pooled per team set: a client's row scope never changes, so a restricted request
// can only ever borrow a client restricted to exactly its teams; when a client must be created
// and the cap is reached, an idle client of another team set is dropped to make room.
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import PQueue from 'p-queue';
import { PrismaClient } from '../generated/prisma/client.js';
import { withOverrides } from './adapter-proxy.js';
import { DEFAULT_CLIENT_POOL, type ClientPoolOptions } from './client-pool-options.js';
import { rowScopedAdapterFactory } from './row-scope.js';

/** Called with each statement of the borrowing request before it is sent; throwing stops it. */
export type BeforeStatement = (sql: string) => void;

export interface LentClient {
  /** Connected: a new client's first connection (and data-model compilation) is behind it. */
  prisma: PrismaClient;
  /**
   * Gives the client back. `reusable`: false when the request was stopped while a statement may
   * still be on its way (the client then keeps refusing statements and is dropped).
   */
  giveBack(reusable: boolean): void;
}

/** What the pool holds now, and what it has done since it was opened (tests, /metrics). */
export interface ClientPoolStats {
  max: number;
  /** Clients lent to requests now. */
  lent: number;
  /** Clients kept for the next request. */
  idle: number;
  /** Requests waiting for a client. */
  waiting: number;
  /** Most clients alive at once so far. */
  peakAlive: number;
  /** Clients lent so far (one per request that needed the database). */
  lends: number;
  /** Clients created so far. */
  created: number;
  /** Requests refused because no client came back in time. */
  refused: number;
}

/** No client came back within the wait: the caller should answer 503 with Retry-After. */
export class ClientsExhausted extends Error {
  constructor(
    readonly max: number,
    readonly waitedMs: number,
  ) {
    super(`All ${max} database clients of this server are in use; none came back within ${waitedMs} ms`);
    this.name = 'ClientsExhausted';
  }
}

interface PooledClient {
  key: string;
  prisma: PrismaClient;
  beforeStatement: BeforeStatement;
}

const IDLE: BeforeStatement = () => {};

export class ClientPool {
  /** Idle clients per team set; `idleOrder` says which went idle first (dropped first). */
  private readonly idle = new Map<string, PooledClient[]>();
  private readonly idleOrder: PooledClient[] = [];
  /** One slot per lent client: p-queue (already the KPI admission queue) is the semaphore. */
  private readonly slots: PQueue;
  /** Requests waiting for a slot: closing the pool ends their wait. */
  private readonly waiters = new Set<AbortController>();
  private alive = 0;
  private readonly counts = { peakAlive: 0, lends: 0, created: 0, refused: 0 };
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
    private readonly options: ClientPoolOptions = DEFAULT_CLIENT_POOL,
  ) {
    this.slots = new PQueue({ concurrency: options.max });
    this.shared = withOverrides(driver, {
      connect: async () => {
        // One connection promise for every client: the first connect creates it.
        this.connection ??= driver.connect();
        return withOverrides(await this.connection, { dispose: () => Promise.resolve() });
      },
    });
  }

  /**
   * A client seeing only `teamIds`' rows (every team's when null), calling `beforeStatement`
   * before each statement. Waits while all clients are lent; rejects with ClientsExhausted after
   * `maxWaitMs`, or with the signal's reason when `signal` aborts first.
   */
  async lend(teamIds: readonly number[] | null, beforeStatement: BeforeStatement, signal?: AbortSignal): Promise<LentClient> {
    const key = teamIds ? [...new Set(teamIds)].sort((a, b) => a - b).join(',') : '';
    const release = await this.takeSlot(signal);
    let pooled: PooledClient;
    try {
      pooled = this.takeIdle(key) ?? (await this.create(key));
    } catch (error) {
      release();
      throw error;
    }
    this.counts.lends++;
    pooled.beforeStatement = beforeStatement;
    let givenBack = false;
    return {
      prisma: pooled.prisma,
      giveBack: (reusable) => {
        if (givenBack) return;
        givenBack = true;
        pooled.beforeStatement = IDLE;
        // A dropped client holds nothing but itself (its adapter is the shared one): left to the
        // garbage collector, a statement still on its way meets the stopped request's hook.
        if (reusable) this.keepIdle(pooled);
        else this.alive--;
        release();
      },
    };
  }

  stats(): ClientPoolStats {
    return {
      max: this.options.max,
      lent: this.slots.pending,
      idle: this.idleOrder.length,
      waiting: this.slots.size,
      ...this.counts,
    };
  }

  async close(): Promise<void> {
    this.idle.clear();
    this.idleOrder.length = 0;
    for (const waiter of this.waiters) waiter.abort(new Error('The database is closing'));
    const connection = this.connection;
    this.connection = undefined;
    if (connection) await (await connection).dispose();
  }

  /** Waits for one of the `max` slots; resolves with the function that frees it. */
  private takeSlot(signal: AbortSignal | undefined): Promise<() => void> {
    return new Promise((resolve, reject) => {
      // Only a waiting request is given up on: p-queue would also free the slot of a running
      // task whose signal aborts, so the signal it sees is aborted only before the turn comes.
      const waiting = new AbortController();
      this.waiters.add(waiting);
      const giveUp = setTimeout(
        () => waiting.abort(new ClientsExhausted(this.options.max, this.options.maxWaitMs)),
        this.options.maxWaitMs,
      );
      const onStop = () => waiting.abort(signal?.reason);
      signal?.addEventListener('abort', onStop, { once: true });
      if (signal?.aborted) onStop();
      const stopWaiting = () => {
        this.waiters.delete(waiting);
        clearTimeout(giveUp);
        signal?.removeEventListener('abort', onStop);
      };
      this.slots
        .add(
          () =>
            new Promise<void>((release) => {
              stopWaiting();
              resolve(release);
            }),
          { signal: waiting.signal },
        )
        .catch((error: unknown) => {
          stopWaiting();
          if (error instanceof ClientsExhausted) this.counts.refused++;
          reject(error);
        });
    });
  }

  private takeIdle(key: string): PooledClient | undefined {
    const pooled = this.idle.get(key)?.pop();
    if (pooled) this.idleOrder.splice(this.idleOrder.indexOf(pooled), 1);
    return pooled;
  }

  private keepIdle(pooled: PooledClient): void {
    const idle = this.idle.get(pooled.key) ?? [];
    idle.push(pooled);
    this.idle.set(pooled.key, idle);
    this.idleOrder.push(pooled);
  }

  private async create(key: string): Promise<PooledClient> {
    // The caller holds a slot, so fewer than `max` clients are lent: at the cap, one is idle.
    if (this.alive >= this.options.max) {
      const oldest = this.idleOrder.shift();
      if (oldest) {
        const list = this.idle.get(oldest.key)!;
        list.splice(list.indexOf(oldest), 1);
        this.alive--;
        // Idle, so no statement is on its way; its adapter is the shared one, which stays open.
        void oldest.prisma.$disconnect().catch(() => {});
      }
    }
    const scoped = key ? rowScopedAdapterFactory(this.shared, key.split(',').map(Number)) : this.shared;
    const hook = { beforeStatement: IDLE };
    const prisma = new PrismaClient({ adapter: this.adapterFor(scoped, (sql) => hook.beforeStatement(sql)) });
    this.alive++;
    this.counts.created++;
    this.counts.peakAlive = Math.max(this.counts.peakAlive, this.alive);
    try {
      // A new client connects on its first statement, which takes a while (Prisma compiles the
      // data model): connecting here keeps that out of the operation, e.g. out of a query answer
      // holding the embedded database's only connection.
      await prisma.$connect();
    } catch (error) {
      this.alive--;
      throw error;
    }
    return Object.assign(hook, { key, prisma });
  }
}
