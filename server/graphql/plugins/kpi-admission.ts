// Graceful under load (issue 10, item 4): at most `concurrency` KPI answers are computed at
// once in this process, identical questions in flight (same response-cache key: operation,
// variables, caller's scopes and teams, data version) are computed once and shared, and a
// request that could not be answered in time is answered at once with 503 and Retry-After
// instead of joining a queue it would time out in. p-queue (sindresorhus) runs the queue.
//
// "In time" has two bounds: its turn must come within `maxWaitMs` (KPI_QUEUE_TIMEOUT_MS), and
// the computation must still fit in what is left of its operation's time (OPERATION_TIMEOUT_MS,
// ctx.stop): a request whose wait plus computation would run past it is refused when it
// arrives, or when, still waiting, its remaining time no longer covers a computation. Otherwise
// it would be started only to be cut off at the deadline, its work wasted and its client (whose
// own timeout a deployment sets above OPERATION_TIMEOUT_MS) kept waiting. Computation times are
// smoothed as TCP smooths round-trip times (RFC 6298), and a computation is expected to take
// their mean plus four deviations, for the wait (the computations ahead, per slot) as for its
// own run: the mean alone proved too optimistic while several year-long computations share two
// cores (requests admitted on it waited out KPI_QUEUE_TIMEOUT_MS, or their client's patience).
// Pessimism costs a refused client one early retry; optimism costs it the whole wait.
//
// Order: before useAnswerCache (so only cache misses are admitted), after useClientLending and
// useAnswerSnapshot (so a waiting request holds no database client and no connection).
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { ExecutionResult } from 'graphql';
import PQueue from 'p-queue';
import type { DeskqlServerContext } from '../../http/server-context.js';
import type { GraphQLContext } from '../context.js';
import { isQuery, selectsKpis } from '../operation-kind.js';

export interface KpiAdmissionOptions {
  /** KPI answers computed at once per process. */
  concurrency: number;
  /** Longest a request may wait for its turn before it is told to come back. */
  maxWaitMs: number;
}

/** Recent computation times: a smoothed mean and mean deviation (RFC 6298's estimator). */
class ComputationTimes {
  meanMs = 50;
  deviationMs = 25;

  observe(ms: number): void {
    this.deviationMs = 0.75 * this.deviationMs + 0.25 * Math.abs(ms - this.meanMs);
    this.meanMs = 0.875 * this.meanMs + 0.125 * ms;
  }

  /** How long one computation may take, with room for the slow ones. */
  get longMs(): number {
    return this.meanMs + 4 * this.deviationMs;
  }
}

export function useKpiAdmission(options: KpiAdmissionOptions): Plugin<GraphQLContext> {
  const queue = new PQueue({ concurrency: options.concurrency });
  const inFlight = new Map<string, Promise<unknown>>();
  const times = new ComputationTimes();
  /** The expected wait of a request joining the queue now. */
  const expectedWaitMs = () => (queue.pending < options.concurrency ? 0 : ((queue.size + 1) / options.concurrency) * times.longMs);
  const retryAfter = () => Math.max(1, Math.ceil((expectedWaitMs() + times.meanMs) / 1000));
  const overloaded = (): ExecutionResult => ({
    errors: [
      createGraphQLError(
        `The server is computing as many KPI answers as it can (${options.concurrency} at once, ${queue.size} waiting); retry after ${retryAfter()} s`,
        { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'retry-after': String(retryAfter()) } } } },
      ),
    ],
  });

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (!isQuery(args.document, args.operationName) || !selectsKpis(args.document)) return;
      const context = args.contextValue as GraphQLContext & DeskqlServerContext;
      setExecuteFn(async (executionArgs) => {
        const key = context.freshness.cacheKey;
        const shared = key ? inFlight.get(key) : undefined;
        if (shared) return shared as ReturnType<typeof executeFn>;
        const wait = expectedWaitMs();
        // How long it may wait and still have time to compute before its operation's deadline.
        const patienceMs = Math.min(options.maxWaitMs, context.stop.remainingMs() - times.longMs);
        if (wait > 0 && wait > patienceMs) return overloaded();
        // Only a request still waiting is given up on; one that started runs to its end.
        const waiting = new AbortController();
        // (With a free slot it starts at once: the timer is only a backstop.)
        const giveUp = setTimeout(
          () => waiting.abort(new Error('waited too long')),
          wait > 0 ? Math.max(0, patienceMs) : options.maxWaitMs,
        );
        // A client that left stops waiting too, and leaves its place in the queue to the others.
        const stopped = context.stop.signal;
        const onStop = () => waiting.abort(stopped?.reason);
        stopped?.addEventListener('abort', onStop, { once: true });
        let answer!: (result: unknown) => void;
        let fail!: (error: unknown) => void;
        const computation = new Promise<unknown>((resolve, reject) => {
          answer = resolve;
          fail = reject;
        });
        queue
          .add(
            async () => {
              clearTimeout(giveUp);
              stopped?.removeEventListener('abort', onStop);
              const started = performance.now();
              try {
                answer(await executeFn(executionArgs));
              } catch (error) {
                fail(error);
              } finally {
                times.observe(performance.now() - started);
              }
              // A stopped answer is sent at once, while a statement it started may still run:
              // its turn ends with its database work, so the database never runs more at once.
              await context.clients?.settled();
            },
            { signal: waiting.signal },
          )
          .catch((error: unknown) => {
            clearTimeout(giveUp);
            stopped?.removeEventListener('abort', onStop);
            // Still queued when the wait ran out (or the operation stopped): p-queue dropped it
            // before it started.
            if (stopped?.aborted) answer({ errors: [stopped.reason] });
            else if (waiting.signal.aborted) answer(overloaded());
            else fail(error);
          });
        if (key) {
          inFlight.set(key, computation);
          void computation.finally(() => inFlight.delete(key)).catch(() => {});
        }
        return computation as ReturnType<typeof executeFn>;
      });
    },
  };
}
