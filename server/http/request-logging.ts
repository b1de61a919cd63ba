// One structured log line per HTTP request: what was asked, by which key, how it ended, how
// long it took. The key's id (never the key) makes the log an audit trail of who asked what.
import type { Plugin } from 'graphql-yoga';
import type { Principal } from '../auth/principal.js';
import type { Logger } from '../logger.js';
import type { DeskqlServerContext } from './server-context.js';

export function useRequestLogging(logger: Logger): Plugin<Record<string, unknown>, DeskqlServerContext> {
  return {
    onRequest({ serverContext }) {
      serverContext.requestLog = { startedAt: performance.now() };
    },
    onParams({ params, context }) {
      if (context.requestLog) context.requestLog.operation = params.operationName ?? undefined;
    },
    onResponse({ request, response, serverContext }) {
      const log = serverContext.requestLog;
      logger.info('request', {
        method: request.method,
        path: new URL(request.url).pathname,
        operation: log?.operation,
        ...keyFields(serverContext.caller),
        status: response.status,
        durationMs: log === undefined ? undefined : Math.round(performance.now() - log.startedAt),
      });
    },
  };
}

/** The caller as logs name it: the key's id and name, or anonymous; nothing before authentication. */
function keyFields(caller: Principal | undefined): { keyId?: number | null; keyName?: string } {
  return caller ? { keyId: caller.keyId, keyName: caller.name } : {};
}
