// Server configuration, read once from environment variables and validated as a whole, so
// that a misconfigured deployment fails at start with every problem listed, not one at a time.
import path from 'node:path';
import { DEFAULT_QUERY_LIMITS } from './graphql/plugins/query-limits.js';
import { DEFAULT_MAX_REQUEST_BYTES } from './http/request-size-limit.js';
import { DEFAULT_RATE_LIMIT } from './auth/rate-limit.js';
import { DEFAULT_HTTP_LIMITS, DEFAULT_OPERATION_TIMEOUT_MS } from './http/http-limits.js';

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
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const databaseUrl = read.databaseUrl('DATABASE_URL');
  const production = env.NODE_ENV === 'production';
  const config: Config = {
    databaseUrl,
    dataDir: path.resolve(read.string('DESKQL_DATA_DIR', '.deskql/data')),
    databasePoolSize: read.integer('DATABASE_POOL_SIZE', 10, 1, 1000),
    // The embedded demo listens on loopback only: it is a single-user sandbox, not a service.
    host: read.string('HOST', databaseUrl ? '0.0.0.0' : '127.0.0.1'),
    port: read.integer('PORT', 4000, 0, 65535),
    logLevel: read.oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    demoData: read.boolean('DESKQL_DEMO_DATA', databaseUrl === null),
    demoTickets: read.integer('DESKQL_DEMO_TICKETS', 20_000, 0, 10_000_000),
    // Off for services (DATABASE_URL or production): it is a tool for the embedded demo.
    graphiql: read.boolean('GRAPHIQL', !production && databaseUrl === null),
    shutdownTimeoutMs: read.integer('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    statementTimeoutMs: read.integer('DATABASE_STATEMENT_TIMEOUT_MS', 30_000, 0, 3_600_000),
    anonymousRead: read.boolean('DESKQL_ANONYMOUS_READ', databaseUrl === null && !production),
    databaseReadUrl: read.databaseUrl('DATABASE_READ_URL'),
    responseCache: {
      redisUrl: read.redisUrl('REDIS_URL'),
      redisKeyPrefix: read.string('REDIS_KEY_PREFIX', 'deskql:'),
      maxEntries: read.integer('RESPONSE_CACHE_MAX_ENTRIES', 1000, 1, 10_000_000),
      ttlSeconds: read.integer('RESPONSE_CACHE_TTL_SECONDS', 3600, 0, 30 * 86_400),
    },
    kpiAdmission: {
      concurrency: read.integer('KPI_CONCURRENCY', 4, 1, 1000),
      maxWaitMs: read.integer('KPI_QUEUE_TIMEOUT_MS', 5000, 1, 600_000),
    },
    metricsToken: read.secret('METRICS_TOKEN', 16),
    rateLimit: {
      burst: read.integer('RATE_LIMIT_BURST', DEFAULT_RATE_LIMIT.burst, 1, 1_000_000_000_000),
      refillPerSecond: read.integer('RATE_LIMIT_REFILL_PER_SECOND', DEFAULT_RATE_LIMIT.refillPerSecond, 0, 1_000_000_000_000),
    },
    corsOrigins: read.origins('CORS_ORIGINS'),
    http: {
      headersTimeoutMs: read.integer('HTTP_HEADERS_TIMEOUT_MS', DEFAULT_HTTP_LIMITS.headersTimeoutMs, 1_000, 600_000),
      requestTimeoutMs: read.integer('HTTP_REQUEST_TIMEOUT_MS', DEFAULT_HTTP_LIMITS.requestTimeoutMs, 1_000, 3_600_000),
      maxConnections: read.integer('HTTP_MAX_CONNECTIONS', DEFAULT_HTTP_LIMITS.maxConnections, 1, 1_000_000),
    },
    operationTimeoutMs: read.integer('OPERATION_TIMEOUT_MS', DEFAULT_OPERATION_TIMEOUT_MS, 100, 3_600_000),
    limits: {
      maxDepth: read.integer('MAX_QUERY_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth, 1, 100),
      maxAliases: read.integer('MAX_QUERY_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases, 0, 1000),
      maxDirectives: read.integer('MAX_QUERY_DIRECTIVES', DEFAULT_QUERY_LIMITS.maxDirectives, 0, 1000),
      maxTokens: read.integer('MAX_QUERY_TOKENS', DEFAULT_QUERY_LIMITS.maxTokens, 100, 1_000_000),
      maxCost: read.integer('MAX_QUERY_COST', DEFAULT_QUERY_LIMITS.maxCost, 1, 10_000_000),
      maxRequestBytes: read.integer('MAX_REQUEST_BYTES', DEFAULT_MAX_REQUEST_BYTES, 1024, 1024 * 1024 * 1024),
    },
  };
  if (config.anonymousRead) {
    // Anonymous access is a convenience of the single-user demo, never of a service.
    if (databaseUrl) problems.push('DESKQL_ANONYMOUS_READ cannot be true with DATABASE_URL: a shared database needs API keys');
    if (production) problems.push('DESKQL_ANONYMOUS_READ cannot be true when NODE_ENV=production');
    if (!isLoopback(config.host)) problems.push(`DESKQL_ANONYMOUS_READ needs HOST on a loopback address (127.0.0.1, ::1, localhost), got "${config.host}"`);
  }
  if (config.databaseReadUrl && !databaseUrl) problems.push('DATABASE_READ_URL needs DATABASE_URL: the embedded database has no replicas');
  if (config.rateLimit.refillPerSecond > 0 && config.rateLimit.burst < config.limits.maxCost) {
    problems.push(`RATE_LIMIT_BURST (${config.rateLimit.burst}) must be at least MAX_QUERY_COST (${config.limits.maxCost}), or the dearest allowed query could never run`);
  }
  if (config.http.headersTimeoutMs > config.http.requestTimeoutMs) {
    problems.push(`HTTP_HEADERS_TIMEOUT_MS (${config.http.headersTimeoutMs}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${config.http.requestTimeoutMs})`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  private raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
      return fallback;
    }
    return Number(value);
  }

  redisUrl(name: string): string | null {
    const value = this.raw(name);
    if (value === undefined) return null;
    if (!/^rediss?:\/\/[^/]/.test(value)) {
      this.problems.push(`${name} must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379`);
      return null;
    }
    return value;
  }

  /** An optional secret of at least `minLength` characters; never echoed in a problem. */
  secret(name: string, minLength: number): string | null {
    const value = this.raw(name);
    if (value === undefined) return null;
    if (value.length < minLength || /\s/.test(value)) {
      this.problems.push(`${name} must be at least ${minLength} characters without spaces (e.g. openssl rand -hex 24)`);
      return null;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(value)) return true;
    if (['0', 'false', 'no', 'off'].includes(value)) return false;
    this.problems.push(`${name} must be true or false, got "${this.raw(name)}"`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
    return fallback;
  }

  /** A comma-separated list of exact origins, such as https://bi.example.com,http://localhost:5173. */
  origins(name: string): string[] {
    const value = this.raw(name);
    if (value === undefined) return [];
    const origins: string[] = [];
    for (const item of value.split(',').map((part) => part.trim()).filter(Boolean)) {
      let url: URL | undefined;
      try {
        url = new URL(item);
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== item) {
        this.problems.push(`${name} must list origins as scheme://host[:port] without a path or "*", separated by commas; "${item.slice(0, 100)}" is not one`);
        continue;
      }
      origins.push(item);
    }
    return origins;
  }

  databaseUrl(name: string): string | null {
    const value = this.raw(name);
    if (value === undefined) return null;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      this.problems.push(`${name} must be a URL such as postgresql://user:password@host:5432/dbname`);
      return null;
    }
    if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
      // Never echo the value: it may carry a password.
      this.problems.push(`${name} must start with postgresql:// (got a ${url.protocol} URL)`);
      return null;
    }
    if (url.pathname.length <= 1) {
      this.problems.push(`${name} must name a database, as in postgresql://host:5432/dbname`);
      return null;
    }
    return value;
  }
}
