// One answer, one snapshot (kpi-spec): every statement of one query answer runs in a single
// REPEATABLE READ transaction, so a write committing while the answer is computed is wholly
// in it or wholly out of it. The snapshot belongs to the request: the useAnswerSnapshot plugin
// opens it on the caller's client and puts its transaction on the GraphQL context (ctx.prisma)
// while the answer is computed, so every resolver's statement runs in it.
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { DATA_VERSION_SQL, dataVersionOf, type DataVersion } from './data-version.js';

export interface SnapshotOptions {
  /** PostgreSQL: REPEATABLE READ. PGlite has one connection and its transactions are exclusive. */
  repeatableRead: boolean;
  /** Longest an answer may hold its transaction (Prisma's own default is 5 s). */
  timeoutMs: number;
}

// KPI statements sort a year of durations for exact percentiles: with PostgreSQL's default
// 4 MB they spill to disk. Local to the answer's transaction, so nothing else is affected.
const KPI_WORK_MEM = '64MB';

/** Marks the snapshot's own statements in logs (and lets statement-count tests tell them apart). */
export const SNAPSHOT_MARK = '/* deskql:answer-snapshot */';

export class AnswerSnapshot {
  private constructor(
    readonly client: Prisma.TransactionClient,
    readonly version: DataVersion,
    private readonly release: () => void,
    private readonly finished: Promise<unknown>,
  ) {}

  static async open(client: PrismaClient, options: SnapshotOptions): Promise<AnswerSnapshot> {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    let opened!: (value: { tx: Prisma.TransactionClient; version: DataVersion }) => void;
    let failed!: (error: unknown) => void;
    const ready = new Promise<{ tx: Prisma.TransactionClient; version: DataVersion }>((resolve, reject) => {
      opened = resolve;
      failed = reject;
    });
    // An interactive transaction held open for the answer: it ends when release() is called.
    const finished = client
      .$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe(`${SNAPSHOT_MARK} SET LOCAL work_mem = '${KPI_WORK_MEM}'`);
          const version = dataVersionOf(await tx.$queryRawUnsafe(`${SNAPSHOT_MARK} ${DATA_VERSION_SQL}`));
          opened({ tx, version });
          await done;
        },
        { timeout: options.timeoutMs, maxWait: 10_000, ...(options.repeatableRead ? { isolationLevel: 'RepeatableRead' as const } : {}) },
      )
      .catch((error: unknown) => failed(error));
    const { tx, version } = await ready;
    return new AnswerSnapshot(tx, version, release, finished);
  }

  async close(): Promise<void> {
    this.release();
    await this.finished;
  }
}
