// The database clients one request borrowed (server/db/client-pool.ts): the caller's client on
// the database its operation needs (the read database for a query answer, the primary for a
// mutation), borrowed only once it needs one (plugins/client-lending.ts: a cached answer
// borrows none). Every statement they send is first checked against the operation's stop and
// counted for the request's metrics. Kept on the request's server context, so that the end of
// the request gives them back.
import type { Principal } from '../auth/principal.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { LentClient } from './client-pool.js';
import type { Database } from './database.js';

/** What a statement of the request asks first: throws when the operation was stopped. */
export interface StatementGate {
  throwIfStopped(): void;
  readonly stopped: boolean;
  /** Aborts when the operation stops: a request waiting for a client stops waiting. */
  readonly signal?: AbortSignal;
}

/** Ending a transaction is never new work: it must run even for a stopped operation, or the connection stays in it. */
const TRANSACTION_END = /^\s*(COMMIT|ROLLBACK)\b/i;

export class RequestClients {
  /** SQL statements this request's clients sent (deskql_sql_statements_per_request). */
  statements = 0;

  private readonly lent: LentClient[] = [];

  /** Work still using the clients after the answer was sent (a stopped answer's snapshot closing). */
  private readonly lingering: Array<Promise<unknown>> = [];

  private gate: StatementGate | undefined;

  /**
   * The caller's client on `db`: restricted to the caller's teams, stopping with the operation.
   * Waits while the database's clients are all lent; rejects with ClientsExhausted.
   */
  async borrow(db: Database, caller: Principal, gate: StatementGate): Promise<PrismaClient> {
    this.gate = gate;
    const lent = await db.lendClient(
      caller.teamIds,
      (sql) => {
        if (!TRANSACTION_END.test(sql)) gate.throwIfStopped();
        this.statements++;
      },
      gate.signal,
    );
    this.lent.push(lent);
    return lent.prisma;
  }

  /** The clients stay lent until `work` settles, even once the request is answered. */
  holdUntil(work: Promise<unknown>): void {
    this.lingering.push(work);
  }

  /** Settles once all work holding the clients past the answer has ended (at once when none). */
  async settled(): Promise<void> {
    await Promise.allSettled(this.lingering);
  }

  /** Called once the request is answered. */
  giveBack(): void {
    const lent = this.lent.splice(0);
    if (lent.length === 0) return;
    const giveBack = () => {
      // A stopped operation may still have a statement on its way: its clients are not reused.
      const reusable = !this.gate?.stopped;
      for (const client of lent) client.giveBack(reusable);
    };
    if (this.lingering.length === 0) giveBack();
    else void this.settled().then(giveBack);
  }
}
