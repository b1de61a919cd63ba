// Builds the GraphQL-over-HTTP handler. Tests call `yoga.fetch(...)` on it directly; the
// entry point (server/main.ts) mounts it on a Node HTTP server.
import { randomUUID } from 'node:crypto';
import { createGraphQLError, createYoga, useReadinessCheck } from 'graphql-yoga';
import type { Database } from './db/database.js';
import type { GraphQLContext } from './graphql/context.js';
import { maskError } from './graphql/errors.js';
import { KpiRequestCache } from './graphql/kpi-request-cache.js';
import { DrillDownBatches } from './graphql/drill-down-batches.js';
import { schema } from './graphql/schema.js';
import { DEFAULT_QUERY_LIMITS, queryLimitPlugins, type QueryLimits } from './graphql/plugins/query-limits.js';
import { readinessCheck } from './http/readiness.js';
import { DEFAULT_MAX_REQUEST_BYTES, useRequestSizeLimit } from './http/request-size-limit.js';
import { useRequestLogging } from './http/request-logging.js';
import { useCsrfProtection } from './http/csrf-protection.js';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './auth/rate-limit.js';
import type { Scope } from './auth/scopes.js';
import { useAccessControl } from './graphql/plugins/access-control.js';
import { useNoSuggestionsForAnonymous } from './graphql/plugins/anonymous-suggestions.js';
import { useOperationCost } from './graphql/plugins/operation-cost.js';
import { useArrivalTime, useOperationDeadline } from './graphql/plugins/operation-deadline.js';
import { DEFAULT_OPERATION_TIMEOUT_MS } from './http/http-limits.js';
import { useNoNulStrings } from './graphql/plugins/no-nul-strings.js';
import { useVariablesShape } from './graphql/plugins/variables-shape.js';
import { useAuthentication } from './http/authentication.js';
import type { DeskqlServerContext } from './http/server-context.js';
import { OperationStop } from './graphql/operation-stop.js';
import { useRequestClients } from './graphql/plugins/request-clients.js';
import { useKpiCsv } from './http/kpi-csv.js';
import { AnswerFreshness } from './graphql/answer-freshness.js';
import type { FamilyObserver } from './kpi/kpi-source.js';
import { createAnswerCache, type AnswerCache } from './graphql/plugins/answer-cache.js';
import { useAnswerSnapshot } from './graphql/plugins/answer-snapshot.js';
import { useKpiAdmission, type KpiAdmissionOptions } from './graphql/plugins/kpi-admission.js';
import { notLentYet, useClientLending } from './graphql/plugins/client-lending.js';
import { corsFor } from './http/cors.js';
import { useExactGraphqlPath } from './http/exact-graphql-path.js';
import { useSecurityHeaders } from './http/security-headers.js';
import { silentLogger, type Logger } from './logger.js';
import { useDashboard } from './http/dashboard.js';
import { useOfflineGraphiql } from './http/graphiql.js';
import { useMetricsEndpoint } from './http/metrics-endpoint.js';
import { useRequestMetrics } from './http/request-metrics.js';
import { createDeskqlMetrics, type DeskqlMetrics } from './metrics/deskql-metrics.js';

export interface YogaOptions {
  db: Database;
  logger?: Logger;
  graphiql?: boolean;
  /** Lets /readyz report 503 while the server drains during shutdown. */
  isShuttingDown?: () => boolean;
  limits?: Partial<QueryLimits> & { maxRequestBytes?: number };
  /** Scopes of callers without a key; null (the default) refuses them with 401. */
  anonymousScopes?: readonly Scope[] | null;
  /** The per-key rate limit by query cost; defaults to DEFAULT_RATE_LIMIT. */
  rateLimit?: RateLimit;
  /** A replica query answers read from (DATABASE_READ_URL). */
  readDb?: Database | null;
  /** The response cache (createAnswerCache); defaults to one in memory. */
  answerCache?: AnswerCache;
  /** KPI computations at once and the longest wait for a turn (KPI_CONCURRENCY, KPI_QUEUE_TIMEOUT_MS). */
  kpiAdmission?: KpiAdmissionOptions;
  /** Longest a query answer may hold its snapshot transaction. */
  statementTimeoutMs?: number;
  /** Connections one query answer spreads its KPI statements over, on one snapshot (PostgreSQL; default 2). */
  answerLanes?: number;
  /** The longest one operation may execute (OPERATION_TIMEOUT_MS). */
  operationTimeoutMs?: number;
  /** Origins of browser apps allowed to call the API (CORS); none by default. */
  corsOrigins?: readonly string[];
  /** Where /metrics reads from; a fresh registry when not given (main.ts shares its own). */
  metrics?: DeskqlMetrics;
  /** Bearer token for /metrics; null or absent: loopback clients only. */
  metricsToken?: string | null;
  /** Where the built dashboard is (dist/web by default). */
  dashboardDir?: string;
}

export const DEFAULT_KPI_ADMISSION: KpiAdmissionOptions = { concurrency: 4, maxWaitMs: 5000 };

export function createDeskqlYoga(options: YogaOptions) {
  const logger = options.logger ?? silentLogger;
  const limits = { ...DEFAULT_QUERY_LIMITS, ...options.limits };
  const graphiql = options.graphiql ?? false;
  const readDb = options.readDb ?? options.db;
  const answerCache =
    options.answerCache ??
    createAnswerCache({ sql: readDb.sql, logger, redisUrl: null, redisKeyPrefix: '', maxEntries: 1000, ttlMs: 3_600_000 });
  const metrics = options.metrics ?? createDeskqlMetrics();
  metrics.watchPool(() => options.db.poolStats());
  metrics.watchClients(() => options.db.clientStats());
  const observeFamily = (family: string, seconds: number) => metrics.kpiFamilySeconds.observe({ family }, seconds);
  const yoga = createYoga<DeskqlServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    // GraphiQL is served by useOfflineGraphiql from bundled files (Yoga's own loads a CDN).
    graphiql: false,
    cors: corsFor(options.corsOrigins ?? [], CSRF_HEADER),
    // Counts the bytes actually streamed (a chunked body has no Content-Length to check).
    maxRequestBodySize: options.limits?.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
    // Several operations in one body would multiply every per-operation limit.
    batching: false,
    // Parsing and validation depend on the document and schema only (cost is computed at
    // execution, from the variables), so both are cached.
    landingPage: false,
    healthCheckEndpoint: '/healthz',
    logging: {
      debug: (...args) => logger.debug(String(args[0]), { details: args.slice(1) }),
      info: (...args) => logger.info(String(args[0]), { details: args.slice(1) }),
      warn: (...args) => logger.warn(String(args[0]), { details: args.slice(1) }),
      error: (...args) => logger.error(String(args[0]), { details: args.slice(1) }),
    },
    maskedErrors: {
      isDev: false,
      maskError: (error, message) => {
        const masked = maskError(error, message);
        if (masked.message === message) logger.error('unexpected error', { error: originalOf(error) });
        return masked;
      },
    },
    // The request's state, built once its operation is parsed and valid: the caller that
    // authentication found and the per-request caches. Its database client is lent only when
    // execution needs one (useClientLending): a cached answer borrows none.
    context: ({ request, caller, clients }) => {
      // Authentication answers every other request before any GraphQL work: fail closed.
      if (!caller || !clients)
        throw createGraphQLError('This API needs a key: send "Authorization: Bearer <key>"', {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
        });
      return {
        requestId: request.headers.get('x-request-id') ?? randomUUID(),
        caller,
        prisma: notLentYet('prisma'),
        readPrisma: notLentYet('readPrisma'),
        database: options.db,
        stop: new OperationStop(),
        ...freshState(observeFamily, readDb.kind, caller.teamIds === null),
        observeImport: (summary) => {
          for (const { type, created, updated, unchanged } of summary) {
            if (created) metrics.importedRecords.inc({ type, result: 'created' }, created);
            if (updated) metrics.importedRecords.inc({ type, result: 'updated' }, updated);
            if (unchanged) metrics.importedRecords.inc({ type, result: 'unchanged' }, unchanged);
          }
        },
        drillDowns: new DrillDownBatches(),
      };
    },
    plugins: [
      // First: OPERATION_TIMEOUT_MS counts from here, every later hook's waiting included.
      useArrivalTime(),
      useRequestClients(),
      // Plugin order: refuse oversized bodies before anything reads them; readiness answers
      // before any GraphQL work; logging wraps the rest; document limits apply at validation.
      useRequestSizeLimit(options.limits?.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES),
      useReadinessCheck({
        endpoint: '/readyz',
        check: readinessCheck(options.db, logger, options.isShuttingDown ?? (() => false)),
      }),
      useRequestLogging(logger),
      useRequestMetrics(metrics, { graphqlEndpoint: GRAPHQL_ENDPOINT }),
      useSecurityHeaders(),
      // Pages and files for browsers, and the scrape endpoint: answered here, before the
      // GraphQL endpoint's CSRF and key checks, which they do not need.
      useDashboard({ directory: options.dashboardDir }),
      ...(graphiql ? [useOfflineGraphiql({ graphqlEndpoint: GRAPHQL_ENDPOINT })] : []),
      useMetricsEndpoint({ metrics, token: options.metricsToken ?? null }),
      // /kpis.csv re-enters this same pipeline as a POST to /graphql (so it is authenticated,
      // scope-checked, costed and row-restricted like any GraphQL request); it only needs to
      // sit after logging, and before anything that would refuse a path other than /graphql.
      useKpiCsv({
        graphqlEndpoint: GRAPHQL_ENDPOINT,
        csrfHeader: CSRF_HEADER,
        fetch: (request): Promise<Response> => Promise.resolve(yoga.fetch(request)),
      }),
      useCsrfProtection({ header: CSRF_HEADER, graphqlEndpoint: GRAPHQL_ENDPOINT, graphiql }),
      useAuthentication({
        sql: options.db.sql,
        logger,
        anonymousScopes: options.anonymousScopes ?? null,
        graphqlEndpoint: GRAPHQL_ENDPOINT,
        graphiql,
      }),
      // After every onRequest hook: refuses, before parsing, what no route answered.
      useExactGraphqlPath(GRAPHQL_ENDPOINT),
      useNoSuggestionsForAnonymous(),
      useVariablesShape(),
      ...queryLimitPlugins(limits),
      useNoNulStrings(),
      // Cost needs coerced variables, so it runs at execution, before access control charges it.
      useOperationDeadline(options.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS),
      useOperationCost(limits.maxCost),
      useAccessControl({ sql: options.db.sql, logger, rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT }),
      // Query answers: computed in one snapshot on a lent client, at most N at once, reused
      // until the data changes; each plugin's file says why it sits where it does.
      useAnswerSnapshot({
        sql: readDb.sql,
        repeatableRead: readDb.kind === 'postgres',
        // The families of one answer run on two connections, one per core of these machines.
        lanes: options.answerLanes ?? 2,
        // The snapshot outlives its statements by little; twice the statement timeout at most.
        timeoutMs: Math.max(60_000, 2 * (options.statementTimeoutMs ?? 30_000)),
        onQueryAnswer: (cached) => metrics.queryAnswers.inc({ result: cached ? 'hit' : 'miss' }),
      }),
      useClientLending({ db: options.db, readDb }),
      useKpiAdmission(options.kpiAdmission ?? DEFAULT_KPI_ADMISSION),
      answerCache.plugin,
    ],
  });
  return yoga;
}

/** `unrestricted`: the caller sees every team, so KPIs may read the daily rollups (KpiRequest.rollups). */
function freshState(observeFamily: FamilyObserver, database: Database['kind'], unrestricted: boolean) {
  const freshness = new AnswerFreshness();
  return { freshness, kpis: new KpiRequestCache(observeFamily, freshness, database, unrestricted) };
}

const GRAPHQL_ENDPOINT = '/graphql';

/** GET requests (and other requests a browser sends without preflight) must carry this header. */
export const CSRF_HEADER = 'x-deskql-csrf';

export type DeskqlYoga = ReturnType<typeof createDeskqlYoga>;

function originalOf(error: unknown): unknown {
  return (error as { originalError?: unknown })?.originalError ?? error;
}
