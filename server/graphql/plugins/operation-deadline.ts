// Stops an operation when its client goes away or when it has run OPERATION_TIMEOUT_MS.
// Many short statements each stay under PostgreSQL's statement timeout, so only a limit on
// the whole operation bounds what one request can take from the database. The signal goes
// to the executor (it resolves no further field and answers at once) and arms the context's
// stop (ctx.stop, server/graphql/operation-stop.ts), which the request's database clients ask
// before every statement (server/db/request-clients.ts): once it fires, no new statement starts.
//
// The time counts from the request's arrival (useArrivalTime), not from the start of execution:
// under load, a request may wait seconds for a database connection to look up its key and charge
// its rate limit, and its client's patience counts that too. So a deployment whose clients (and
// load balancer) give up after T seconds sets OPERATION_TIMEOUT_MS under T, and every request is
// answered before its client gives up (README, "Load and faults").
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { DeskqlServerContext } from '../../http/server-context.js';
import type { GraphQLContext } from '../context.js';

/** Notes when each request arrived (place it first, so that every other hook's time counts). */
export function useArrivalTime(): Plugin<Record<string, unknown>, DeskqlServerContext> {
  return {
    onRequest({ serverContext }) {
      serverContext.arrivedAt = performance.now();
    },
  };
}

export function useOperationDeadline(timeoutMs: number): Plugin<GraphQLContext> {
  return {
    onExecute({ args }) {
      const context = args.contextValue as GraphQLContext & DeskqlServerContext & { request?: Request };
      const controller = new AbortController();
      const timedOut = () =>
        controller.abort(
          createGraphQLError(
            `This operation ran for more than ${timeoutMs} ms (OPERATION_TIMEOUT_MS) and was stopped; ask for a shorter period, fewer slices or smaller pages`,
            { extensions: { code: 'OPERATION_TIMEOUT', http: { status: 503, headers: { 'retry-after': '1' } } } },
          ),
        );
      const deadline = (context.arrivedAt ?? performance.now()) + timeoutMs;
      const timer = setTimeout(timedOut, Math.max(0, deadline - performance.now()));
      timer.unref();
      const clientGone = context.request?.signal;
      const onClientGone = () =>
        controller.abort(
          createGraphQLError('The client closed the request; the operation was stopped', { extensions: { code: 'CLIENT_CLOSED_REQUEST' } }),
        );
      if (clientGone?.aborted) onClientGone();
      clientGone?.addEventListener('abort', onClientGone, { once: true });
      // The check looks at the clock itself: a timer cannot fire while statements run back to back.
      context.stop.arm(
        controller.signal,
        () => {
          if (!controller.signal.aborted && performance.now() > deadline) timedOut();
          controller.signal.throwIfAborted();
        },
        deadline,
      );
      (args as { signal?: AbortSignal }).signal = controller.signal;
      return {
        onExecuteDone() {
          clearTimeout(timer);
          clientGone?.removeEventListener('abort', onClientGone);
        },
      };
    },
  };
}
