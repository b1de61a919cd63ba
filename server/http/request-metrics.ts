// Records every HTTP request in the Prometheus metrics: count and duration by operation name
// and outcome, SQL statements per operation, and rate-limit refusals. The operation name comes from the client, so only
// well-formed names are kept as labels, and only so many: a client cannot blow up the series.
import type { Plugin } from 'graphql-yoga';
import type { DeskqlMetrics } from '../metrics/deskql-metrics.js';

/** Distinct operation names kept as labels; later ones are counted as "other". */
const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function useRequestMetrics(metrics: DeskqlMetrics, options: { graphqlEndpoint: string }): Plugin {
  const started = new WeakMap<Request, number>();
  const operations = new WeakMap<Request, string>();
  const hadErrors = new WeakSet<Request>();
  const statementCounts = new WeakMap<Request, { statements: number }>();
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
    instrumentation: {
      // Around the whole operation (parse, validation with its rate-limit charge, execution).
      operation({ request }, wrapped) {
        const scope = { statements: 0 };
        statementCounts.set(request, scope);
        return metrics.statementScope.run(scope, wrapped);
      },
    },
    onRequest({ request, url }) {
      if (url.pathname === options.graphqlEndpoint) started.set(request, performance.now());
    },
    onParams({ params, request }) {
      operations.set(request, label(params.operationName));
    },
    onExecutionResult({ result, request }) {
      if (result && !Array.isArray(result) && 'errors' in result && result.errors?.length) hadErrors.add(request);
    },
    onResponse({ request, response }) {
      const begin = started.get(request);
      if (begin === undefined) return;
      const status = response.status;
      const outcome =
        status === 429 ? 'rate_limited' : status === 401 || status === 403 || status === 413 ? 'refused' : status >= 500 ? 'error' : status >= 400 || hadErrors.has(request) ? 'graphql_error' : 'ok';
      const operation = operations.get(request) ?? 'none';
      metrics.requests.inc({ operation, status: String(status), outcome });
      metrics.requestSeconds.observe({ operation, outcome }, (performance.now() - begin) / 1000);
      if (status === 429) metrics.rateLimited.inc();
      const scope = statementCounts.get(request);
      if (scope) metrics.statementsPerRequest.observe({ operation }, scope.statements);
    },
  };
}
