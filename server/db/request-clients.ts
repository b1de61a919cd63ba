// The database clients one request borrowed (server/db/client-pool.ts): the caller's client on
// the primary and, for query answers, on the read database. Every statement they send is first
// checked against the operation's stop and counted for the request's metrics. Kept on the
// request's server context, so that the end of the request gives them back.
import type { Principal } from '../auth/principal.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { LentClient } from './client-pool.js';
import type { Database } from './database.js';

/** What a statement of the request asks first: throws when the operation was stopped. */
export interface StatementGate {
  throwIfStopped(): void;
  readonly stopped: boolean;
}

/** Ending a transaction is never new work: it must run even for a stopped operation, or the connection stays in it. */
const TRANSACTION_END = /^\s*(COMMIT|ROLLBACK)\b/i;

export class RequestClients {
  /** SQL statements this request's clients sent (deskql_sql_statements_per_request). */
  statements = 0;

  private readonly lent: LentClient[] = [];

  private gate: StatementGate | undefined;

  /** The caller's client on `db`: restricted to the caller's teams, stopping with the operation. */
  async borrow(db: Database, caller: Principal, gate: StatementGate): Promise<PrismaClient> {
    this.gate = gate;
    const lent = db.lendClient(caller.teamIds, (sql) => {
      if (!TRANSACTION_END.test(sql)) gate.throwIfStopped();
      this.statements++;
    });
    this.lent.push(lent);
    await lent.ready;
    return lent.prisma;
  }

  /** Called once the request is answered. */
  giveBack(): void {
    // A stopped operation may still have a statement on its way: its clients are not reused.
    const reusable = !this.gate?.stopped;
    for (const lent of this.lent.splice(0)) lent.giveBack(reusable);
  }
}
