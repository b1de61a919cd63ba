// One answer, one snapshot (docs/kpis.md): every statement of one query answer runs in a single
// REPEATABLE READ transaction, so a write committing while the answer is computed is wholly
// in it or wholly out of it. The snapshot belongs to the request: the useAnswerSnapshot plugin
// opens it on the caller's client and puts it on the GraphQL context (ctx.prisma) while the
// answer is computed, so every resolver's statement runs in it.
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { DATA_VERSION_SQL, dataVersionOf, type DataVersion } from './data-version.js';

export interface SnapshotOptions {
  /** PostgreSQL: REPEATABLE READ. PGlite has one connection and its transactions are exclusive. */
  repeatableRead: boolean;
  /** Longest an answer may hold its transaction (Prisma's own default is 5 s). */
  timeoutMs: number;
  /**
   * Connections one answer may spread its raw KPI statements over, all on the same snapshot
   * (PostgreSQL's exported snapshots), so an answer's families run side by side on several
   * cores. 1 (or PGlite, or a team-restricted caller, whose transactions begin with a query of
   * their own and so cannot import a snapshot) keeps every statement on one connection.
   */
  lanes?: number;
}

// Settings local to the answer's transactions, so nothing else is affected. KPI statements sort
// a year of durations for exact percentiles: with PostgreSQL's default 4 MB of work_mem they
// spill to disk. And their estimated cost is high enough for PostgreSQL to JIT-compile them,
// which costs more (100-300 ms per statement here) than the scans it would speed up. And the
// KPI statements' covering indexes (migration kpi_covering_indexes) are read whole and from
// memory, which the default random_page_cost (priced for spinning disks) makes the planner
// shun in favour of scanning tables four times wider.
const ANSWER_SETTINGS =
  "set_config('work_mem', '64MB', true) AS work_mem, set_config('jit', 'off', true) AS jit, set_config('random_page_cost', '1.1', true) AS page_cost";

/** Marks the snapshot's own statements in logs (and lets statement-count tests tell them apart). */
export const SNAPSHOT_MARK = '/* deskql:answer-snapshot */';

type Tx = Prisma.TransactionClient;

/** How long an answer waits for a connection for its second lane. */
const EXTRA_LANE_WAIT_MS = 100;

/** One transaction of the answer, and how many statements it is running. */
interface Lane {
  tx: Tx;
  busy: number;
}

/** An interactive transaction held open until `done` settles; resolves once it has run `setup`. */
function holdTransaction<T>(
  client: PrismaClient,
  options: SnapshotOptions,
  setup: (tx: Tx) => Promise<T>,
  done: Promise<void>,
  maxWait = 10_000,
): { ready: Promise<{ tx: Tx; value: T }>; finished: Promise<unknown> } {
  let opened!: (value: { tx: Tx; value: T }) => void;
  let failed!: (error: unknown) => void;
  const ready = new Promise<{ tx: Tx; value: T }>((resolve, reject) => {
    opened = resolve;
    failed = reject;
  });
  const finished = client
    .$transaction(
      async (tx) => {
        opened({ tx, value: await setup(tx) });
        await done;
      },
      { timeout: options.timeoutMs, maxWait, ...(options.repeatableRead ? { isolationLevel: 'RepeatableRead' as const } : {}) },
    )
    .catch((error: unknown) => failed(error));
  return { ready, finished };
}

export class AnswerSnapshot {
  private readonly lanes: Lane[];
  private extraLane: Promise<Lane | null> | null = null;
  private readonly finishing: Array<Promise<unknown>>;

  /** The client every statement of the answer goes to; raw statements are spread over the lanes. */
  readonly client: Tx;

  private constructor(
    private readonly prisma: PrismaClient,
    private readonly options: SnapshotOptions,
    main: Tx,
    readonly version: DataVersion,
    private readonly exportedId: string | null,
    private readonly release: () => void,
    private readonly done: Promise<void>,
    finished: Promise<unknown>,
  ) {
    this.lanes = [{ tx: main, busy: 0 }];
    this.finishing = [finished];
    this.client = new Proxy(main, {
      get: (target, property, receiver) => {
        if (property === '$queryRaw' && this.exportedId) {
          return (query: Prisma.Sql) => this.onLane((tx) => tx.$queryRaw(query));
        }
        return Reflect.get(target, property, receiver);
      },
    });
  }

  static async open(client: PrismaClient, options: SnapshotOptions): Promise<AnswerSnapshot> {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const lanes = options.repeatableRead ? (options.lanes ?? 1) : 1;
    const exportSql = lanes > 1 ? ', pg_export_snapshot() AS snapshot' : '';
    const { ready, finished } = holdTransaction(
      client,
      options,
      async (tx) => {
        // One statement: the settings, the snapshot's id and the data version it sees.
        const rows = await tx.$queryRawUnsafe<Array<{ snapshot?: string; version: string; changed_at: Date }>>(
          `${SNAPSHOT_MARK} SELECT ${ANSWER_SETTINGS}${exportSql}, v.version, v.changed_at FROM (${DATA_VERSION_SQL}) AS v`,
        );
        return { version: dataVersionOf(rows), exported: rows[0]?.snapshot ?? null };
      },
      done,
    );
    const { tx, value } = await ready;
    return new AnswerSnapshot(client, options, tx, value.version, value.exported, release, done, finished);
  }

  /**
   * Runs one raw statement on the first idle lane. A second lane is opened (importing the
   * snapshot) the first time a statement would otherwise wait for another; if it cannot be
   * opened, everything stays on the first.
   */
  private async onLane<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    let lane = this.lanes.find((candidate) => candidate.busy === 0);
    if (!lane && this.lanes.length < (this.options.lanes ?? 1)) {
      this.extraLane ??= this.openLane();
      lane = (await this.extraLane) ?? undefined;
      // Another statement may have taken it meanwhile: then the least busy lane.
      if (lane && lane.busy > 0) lane = undefined;
    }
    lane ??= this.lanes.reduce((least, candidate) => (candidate.busy < least.busy ? candidate : least));
    lane.busy += 1;
    try {
      return await work(lane.tx);
    } finally {
      lane.busy -= 1;
    }
  }

  private async openLane(): Promise<Lane | null> {
    const { ready, finished } = holdTransaction(
      this.prisma,
      this.options,
      async (tx) => {
        // Must be the transaction's first statement; the id is PostgreSQL's own, never user input.
        await tx.$executeRawUnsafe(`${SNAPSHOT_MARK} SET TRANSACTION SNAPSHOT '${this.exportedId!.replace(/'/g, "''")}'`);
        await tx.$queryRawUnsafe(`${SNAPSHOT_MARK} SELECT ${ANSWER_SETTINGS}`);
      },
      this.done,
      // A busy pool is no reason to wait: the statement runs on the first lane instead.
      EXTRA_LANE_WAIT_MS,
    );
    this.finishing.push(finished);
    try {
      const { tx } = await ready;
      const lane = { tx, busy: 0 };
      this.lanes.push(lane);
      return lane;
    } catch {
      // No free connection, or the snapshot is gone: the answer goes on with one lane.
      return null;
    }
  }

  async close(): Promise<void> {
    this.release();
    await Promise.all(this.finishing);
  }
}
