// Builds the GraphQL-over-HTTP handler. Tests call `yoga.fetch(...)` on it directly; the
// entry point (server/main.ts) mounts it on a Node HTTP server.
import { randomUUID } from 'node:crypto';
import { createYoga, useReadinessCheck } from 'graphql-yoga';
import type { Database } from './db/database.js';
import { installDatabase } from './db/current-database.js';
import type { GraphQLContext } from './graphql/context.js';
import { maskError } from './graphql/errors.js';
import { KpiRequestCache } from './graphql/kpi-request-cache.js';
import { schema } from './graphql/schema.js';
import { DEFAULT_QUERY_LIMITS, queryLimitPlugins, type QueryLimits } from './graphql/plugins/query-limits.js';
import { readinessCheck } from './http/readiness.js';
import { DEFAULT_MAX_REQUEST_BYTES, useRequestSizeLimit } from './http/request-size-limit.js';
import { useRequestLogging } from './http/request-logging.js';
import { silentLogger, type Logger } from './logger.js';

export interface YogaOptions {
  db: Database;
  logger?: Logger;
  graphiql?: boolean;
  /** Lets /readyz report 503 while the server drains during shutdown. */
  isShuttingDown?: () => boolean;
  limits?: Partial<QueryLimits> & { maxRequestBytes?: number };
}


export function createDeskqlYoga(options: YogaOptions) {
  const logger = options.logger ?? silentLogger;
  const limits = { ...DEFAULT_QUERY_LIMITS, ...options.limits };
  installDatabase(options.db);
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: options.graphiql ?? false,
    landingPage: false,
    healthCheckEndpoint: '/healthz',
    logging: {
      debug: (...args) => logger.debug(String(args[0]), { details: args.slice(1) }),
      info: (...args) => logger.info(String(args[0]), { details: args.slice(1) }),
      warn: (...args) => logger.warn(String(args[0]), { details: args.slice(1) }),
      error: (...args) => logger.error(String(args[0]), { details: args.slice(1) }),
    },
    maskedErrors: {
      maskError: (error, message, isDev) => {
        const masked = maskError(error, message, isDev);
        if (masked.message === message) logger.error('unexpected error', { error: originalOf(error) });
        return masked;
      },
    },
    context: ({ request }) => ({
      requestId: request.headers.get('x-request-id') ?? randomUUID(),
      kpis: new KpiRequestCache(),
    }),
    plugins: [
      // Plugin order: refuse oversized bodies before anything reads them; readiness answers
      // before any GraphQL work; logging wraps the rest; document limits apply at validation.
      useRequestSizeLimit(options.limits?.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES),
      useReadinessCheck({
        endpoint: '/readyz',
        check: readinessCheck(options.db, logger, options.isShuttingDown ?? (() => false)),
      }),
      useRequestLogging(logger),
      ...queryLimitPlugins(limits),
    ],
  });
}

export type DeskqlYoga = ReturnType<typeof createDeskqlYoga>;

function originalOf(error: unknown): unknown {
  return (error as { originalError?: unknown })?.originalError ?? error;
}
