// Graceful under load (issue 10, item 4): at most `concurrency` KPI answers are computed at
// once in this process, identical questions in flight (same response-cache key: operation,
// variables, caller's scopes and teams, data version) are computed once and shared, and a
// request that could not start within `maxWaitMs` is answered at once with 503 and
// Retry-After instead of joining a queue it would time out in. p-queue (sindresorhus) runs the
// queue; the wait estimate is the queue length times the recent average computation time.
//
// Order: before useAnswerCache (so only cache misses are admitted) and after
// useAnswerSnapshot (so a waiting request holds no database connection).
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { ExecutionResult } from 'graphql';
import PQueue from 'p-queue';
import type { GraphQLContext } from '../context.js';
import { isQuery, selectsKpis } from '../operation-kind.js';

export interface KpiAdmissionOptions {
  /** KPI answers computed at once per process. */
  concurrency: number;
  /** Longest a request may wait for its turn before it is told to come back. */
  maxWaitMs: number;
}

export function useKpiAdmission(options: KpiAdmissionOptions): Plugin<GraphQLContext> {
  const queue = new PQueue({ concurrency: options.concurrency });
  const inFlight = new Map<string, Promise<unknown>>();
  // Exponentially weighted average of recent computation times, for the wait estimate.
  let averageMs = 50;
  const retryAfter = () => Math.max(1, Math.ceil(((queue.size / options.concurrency) * averageMs) / 1000));
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
      const context = args.contextValue as GraphQLContext;
      setExecuteFn(async (executionArgs) => {
        const key = context.freshness.cacheKey;
        const shared = key ? inFlight.get(key) : undefined;
        if (shared) return shared as ReturnType<typeof executeFn>;
        const expectedWaitMs = ((queue.size + 1) / options.concurrency) * averageMs;
        if (queue.pending >= options.concurrency && expectedWaitMs > options.maxWaitMs) return overloaded();
        // Only a request still waiting is given up on; one that started runs to its end.
        const waiting = new AbortController();
        const giveUp = setTimeout(() => waiting.abort(new Error('waited too long')), options.maxWaitMs);
        const computation = queue
          .add(
            async () => {
              clearTimeout(giveUp);
              const started = performance.now();
              try {
                return await executeFn(executionArgs);
              } finally {
                averageMs = 0.8 * averageMs + 0.2 * (performance.now() - started);
              }
            },
            { signal: waiting.signal },
          )
          .catch((error: unknown) => {
            // Still queued when the wait ran out: p-queue dropped it before it started.
            if (waiting.signal.aborted) return overloaded();
            throw error;
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
