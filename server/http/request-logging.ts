// One structured log line per HTTP request: what was asked, by which key, how it ended, how
// long it took. The key's id (never the key) makes the log an audit trail of who asked what.
import type { Plugin } from 'graphql-yoga';
import { principalOf } from './authentication.js';
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
        ...keyFields(request),
        status: response.status,
        durationMs: begin === undefined ? undefined : Math.round(performance.now() - begin),
      });
    },
  };
}

/** The caller as logs name it: the key's id and name, or anonymous; nothing before authentication. */
function keyFields(request: Request): { keyId?: number | null; keyName?: string } {
  const principal = principalOf(request);
  return principal ? { keyId: principal.keyId, keyName: principal.name } : {};
}
