// Server configuration, read once from environment variables and validated as a whole, so
// that a misconfigured deployment fails at start with every problem listed, not one at a time.
// Each variable's syntax and default is in config-env.ts (a zod schema); this file decides the
// defaults that depend on other variables and checks the variables against each other.
import path from 'node:path';
import { readEnv } from './config-env.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Config {
  /** PostgreSQL connection string; null selects the embedded database. */
  databaseUrl: string | null;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  databasePoolSize: number;
  host: string;
  port: number;
  logLevel: LogLevel;
  /** Fill an empty embedded database with demo data on first start. */
  demoData: boolean;
  demoTickets: number;
  graphiql: boolean;
  shutdownTimeoutMs: number;
  /** PostgreSQL cancels any statement running longer (0: no limit). */
  statementTimeoutMs: number;
  /** Limits on one GraphQL request (README, "Limits"). */
  /**
   * Callers without a key get the read scopes. Only for the embedded demo on a loopback
   * address: refused with DATABASE_URL, NODE_ENV=production or a non-loopback HOST.
   */
  anonymousRead: boolean;
  /** A PostgreSQL replica that query answers read from; null: the primary. */
  databaseReadUrl: string | null;
  /** Answers reused until the data changes (README, "Speed and scale"). */
  responseCache: { redisUrl: string | null; redisKeyPrefix: string; maxEntries: number; ttlSeconds: number };
  /** KPI answers computed at once per process, and how long one may wait for its turn. */
  kpiAdmission: { concurrency: number; maxWaitMs: number };
  /** Prisma clients requests may borrow per database, and how long one waits when all are lent. */
  requestClients: { max: number; maxWaitMs: number };
  /** Bearer token scrapers of /metrics send; null: only loopback clients may scrape. */
  metricsToken: string | null;
  /** The per-key rate limit by query cost (refillPerSecond 0: off). */
  rateLimit: { burst: number; refillPerSecond: number };
  /** Origins of browser apps allowed to call the API across origins (CORS); empty: none. */
  corsOrigins: string[];
  /** Slow clients: how long the request headers, and the whole request, may take to arrive. */
  http: { headersTimeoutMs: number; requestTimeoutMs: number; maxConnections: number };
  /** The longest one operation may execute; then it stops and no further statement starts. */
  operationTimeoutMs: number;
  limits: {
    maxDepth: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
    maxCost: number;
    maxRequestBytes: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the configuration; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const { values: read, problems } = readEnv(env);
  const databaseUrl = read.DATABASE_URL ?? null;
  const production = env.NODE_ENV === 'production';
  const config: Config = {
    databaseUrl,
    dataDir: path.resolve(read.DESKQL_DATA_DIR),
    databasePoolSize: read.DATABASE_POOL_SIZE,
    // The embedded demo listens on loopback only: it is a single-user sandbox, not a service.
    host: read.HOST ?? (databaseUrl ? '0.0.0.0' : '127.0.0.1'),
    port: read.PORT,
    logLevel: read.LOG_LEVEL,
    demoData: read.DESKQL_DEMO_DATA ?? databaseUrl === null,
    demoTickets: read.DESKQL_DEMO_TICKETS,
    // Off for services (DATABASE_URL or production): it is a tool for the embedded demo.
    graphiql: read.GRAPHIQL ?? (!production && databaseUrl === null),
    shutdownTimeoutMs: read.SHUTDOWN_TIMEOUT_MS,
    statementTimeoutMs: read.DATABASE_STATEMENT_TIMEOUT_MS,
    anonymousRead: read.DESKQL_ANONYMOUS_READ ?? (databaseUrl === null && !production),
    databaseReadUrl: read.DATABASE_READ_URL ?? null,
    responseCache: {
      redisUrl: read.REDIS_URL ?? null,
      redisKeyPrefix: read.REDIS_KEY_PREFIX,
      maxEntries: read.RESPONSE_CACHE_MAX_ENTRIES,
      ttlSeconds: read.RESPONSE_CACHE_TTL_SECONDS,
    },
    kpiAdmission: { concurrency: read.KPI_CONCURRENCY, maxWaitMs: read.KPI_QUEUE_TIMEOUT_MS },
    requestClients: { max: read.REQUEST_CLIENTS_MAX, maxWaitMs: read.REQUEST_CLIENT_WAIT_MS },
    metricsToken: read.METRICS_TOKEN ?? null,
    rateLimit: { burst: read.RATE_LIMIT_BURST, refillPerSecond: read.RATE_LIMIT_REFILL_PER_SECOND },
    corsOrigins: read.CORS_ORIGINS,
    http: {
      headersTimeoutMs: read.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: read.HTTP_REQUEST_TIMEOUT_MS,
      maxConnections: read.HTTP_MAX_CONNECTIONS,
    },
    operationTimeoutMs: read.OPERATION_TIMEOUT_MS,
    limits: {
      maxDepth: read.MAX_QUERY_DEPTH,
      maxAliases: read.MAX_QUERY_ALIASES,
      maxDirectives: read.MAX_QUERY_DIRECTIVES,
      maxTokens: read.MAX_QUERY_TOKENS,
      maxCost: read.MAX_QUERY_COST,
      maxRequestBytes: read.MAX_REQUEST_BYTES,
    },
  };
  if (config.anonymousRead) {
    // Anonymous access is a convenience of the single-user demo, never of a service.
    if (databaseUrl) problems.push('DESKQL_ANONYMOUS_READ cannot be true with DATABASE_URL: a shared database needs API keys');
    if (production) problems.push('DESKQL_ANONYMOUS_READ cannot be true when NODE_ENV=production');
    if (!isLoopback(config.host))
      problems.push(`DESKQL_ANONYMOUS_READ needs HOST on a loopback address (127.0.0.1, ::1, localhost), got "${config.host}"`);
  }
  if (config.databaseReadUrl && !databaseUrl) problems.push('DATABASE_READ_URL needs DATABASE_URL: the embedded database has no replicas');
  if (config.rateLimit.refillPerSecond > 0 && config.rateLimit.burst < config.limits.maxCost) {
    problems.push(
      `RATE_LIMIT_BURST (${config.rateLimit.burst}) must be at least MAX_QUERY_COST (${config.limits.maxCost}), or the dearest allowed query could never run`,
    );
  }
  if (config.requestClients.max < config.kpiAdmission.concurrency) {
    // Every KPI answer computed holds a client: admitted answers would otherwise wait for one.
    problems.push(
      `REQUEST_CLIENTS_MAX (${config.requestClients.max}) must be at least KPI_CONCURRENCY (${config.kpiAdmission.concurrency}): each KPI answer computed holds a client`,
    );
  }
  if (config.http.headersTimeoutMs > config.http.requestTimeoutMs) {
    problems.push(
      `HTTP_HEADERS_TIMEOUT_MS (${config.http.headersTimeoutMs}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${config.http.requestTimeoutMs})`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
