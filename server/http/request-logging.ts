// One structured log line per HTTP request: what was asked, how it ended, how long it took.
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.js';

export function useRequestLogging(logger: Logger): Plugin {
  const started = new WeakMap<Request, number>();
  const operations = new WeakMap<Request, string | undefined>();
  return {
    onRequest({ request }) {
      started.set(request, performance.now());
    },
    onParams({ params, request }) {
      operations.set(request, params.operationName ?? undefined);
    },
    onResponse({ request, response }) {
      const begin = started.get(request);
      logger.info('request', {
        method: request.method,
        path: new URL(request.url).pathname,
        operation: operations.get(request),
        status: response.status,
        durationMs: begin === undefined ? undefined : Math.round(performance.now() - begin),
      });
    },
  };
}
