// Records every HTTP request in the Prometheus metrics: count and duration by operation name
// and outcome, SQL statements per operation, and rate-limit refusals. The operation name comes from the client, so only
// well-formed names are kept as labels, and only so many: a client cannot blow up the series.
import type { Plugin } from 'graphql-yoga';
import type { DeskqlMetrics } from '../metrics/deskql-metrics.js';
import type { DeskqlServerContext } from './server-context.js';

/** Distinct operation names kept as labels; later ones are counted as "other". */
const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function useRequestMetrics(
  metrics: DeskqlMetrics,
  options: { graphqlEndpoint: string },
): Plugin<Record<string, unknown>, DeskqlServerContext> {
  const known = new Set<string>();
  const label = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (known.has(name)) return name;
    if (known.size >= MAX_OPERATION_LABELS) return 'other';
    known.add(name);
    return name;
  };
  return {
    onRequest({ url, serverContext }) {
      if (url.pathname === options.graphqlEndpoint) serverContext.requestMetrics = { startedAt: performance.now(), hadErrors: false };
    },
    onParams({ params, context }) {
      if (context.requestMetrics) context.requestMetrics.operation = label(params.operationName);
    },
    onExecutionResult({ result, context }) {
      if (context.requestMetrics && result && !Array.isArray(result) && 'errors' in result && result.errors?.length)
        context.requestMetrics.hadErrors = true;
    },
    onResponse({ response, serverContext }) {
      const state = serverContext.requestMetrics;
      if (state === undefined) return;
      const status = response.status;
      const outcome =
        status === 429
          ? 'rate_limited'
          : status === 401 || status === 403 || status === 413
            ? 'refused'
            : status >= 500
              ? 'error'
              : status >= 400 || state.hadErrors
                ? 'graphql_error'
                : 'ok';
      const operation = state.operation ?? 'none';
      metrics.requests.inc({ operation, status: String(status), outcome });
      metrics.requestSeconds.observe({ operation, outcome }, (performance.now() - state.startedAt) / 1000);
      if (status === 429) metrics.rateLimited.inc();
      // Statements of the request's own database clients (server/db/request-clients.ts), for
      // every request that reached GraphQL (it had an operation to parse).
      if (state.operation !== undefined) metrics.statementsPerRequest.observe({ operation }, serverContext.clients?.statements ?? 0);
    },
  };
}
