// Stops an operation when its client goes away or when it has run OPERATION_TIMEOUT_MS.
// Many short statements each stay under PostgreSQL's statement timeout, so only a limit on
// the whole operation bounds what one request can take from the database. The signal goes
// to the executor (it resolves no further field and answers at once) and arms the context's
// stop (ctx.stop, server/graphql/operation-stop.ts), which the request's database clients ask
// before every statement (server/db/request-clients.ts): once it fires, no new statement starts.
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../context.js';

export function useOperationDeadline(timeoutMs: number): Plugin<GraphQLContext> {
  return {
    onExecute({ args }) {
      const context = args.contextValue as GraphQLContext & { request?: Request };
      const controller = new AbortController();
      const timedOut = () =>
        controller.abort(
          createGraphQLError(
            `This operation ran for more than ${timeoutMs} ms (OPERATION_TIMEOUT_MS) and was stopped; ask for a shorter period, fewer slices or smaller pages`,
            { extensions: { code: 'OPERATION_TIMEOUT', http: { status: 503, headers: { 'retry-after': '1' } } } },
          ),
        );
      const deadline = performance.now() + timeoutMs;
      const timer = setTimeout(timedOut, timeoutMs);
      timer.unref();
      const clientGone = context.request?.signal;
      const onClientGone = () =>
        controller.abort(
          createGraphQLError('The client closed the request; the operation was stopped', { extensions: { code: 'CLIENT_CLOSED_REQUEST' } }),
        );
      if (clientGone?.aborted) onClientGone();
      clientGone?.addEventListener('abort', onClientGone, { once: true });
      // The check looks at the clock itself: a timer cannot fire while statements run back to back.
      context.stop.arm(controller.signal, () => {
        if (!controller.signal.aborted && performance.now() > deadline) timedOut();
        controller.signal.throwIfAborted();
      });
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
