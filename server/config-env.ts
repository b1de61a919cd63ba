// The environment variables the server reads, as one zod schema: each variable's syntax, range
// and default, and the message that says what is wrong with it. Defaults that depend on other
// variables (HOST, GRAPHIQL, ...) are left unset here and decided in config.ts.
import { z } from 'zod';
import { DEFAULT_RATE_LIMIT } from './auth/rate-limit.js';
import { DEFAULT_CLIENT_POOL } from './db/client-pool-options.js';
import { DEFAULT_QUERY_LIMITS } from './graphql/plugins/query-limits.js';
import { DEFAULT_HTTP_LIMITS, DEFAULT_OPERATION_TIMEOUT_MS } from './http/http-limits.js';
import { DEFAULT_MAX_REQUEST_BYTES } from './http/request-size-limit.js';

/** A variable's value, trimmed; blank counts as unset, so its default applies. */
function variable<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined), schema);
}

function wholeNumber(fallback: number, min: number, max: number) {
  const inRange = (value: string) => /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max;
  return variable(
    z
      .string()
      .refine(inRange, { error: (issue) => `must be a whole number from ${min} to ${max}, got "${String(issue.input)}"` })
      .transform(Number)
      .default(fallback),
  );
}

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];
/** true/false, yes/no, on/off, 1/0 in any case; unset stays undefined (its default depends on others). */
const flag = variable(
  z
    .string()
    .refine((value) => [...TRUE, ...FALSE].includes(value.toLowerCase()), {
      error: (issue) => `must be true or false, got "${String(issue.input)}"`,
    })
    .transform((value) => TRUE.includes(value.toLowerCase()))
    .optional(),
);

const text = (fallback: string) => variable(z.string().default(fallback));

// Never echo a database URL in a message: it may carry a password.
const databaseUrl = variable(
  z
    .string()
    .refine((value) => URL.canParse(value), { error: 'must be a URL such as postgresql://user:password@host:5432/dbname', abort: true })
    .refine((value) => ['postgresql:', 'postgres:'].includes(new URL(value).protocol), {
      error: (issue) => `must start with postgresql:// (got a ${new URL(String(issue.input)).protocol} URL)`,
      abort: true,
    })
    .refine((value) => new URL(value).pathname.length > 1, {
      error: 'must name a database, as in postgresql://host:5432/dbname',
      abort: true,
    })
    .optional(),
);

const redisUrl = variable(
  z
    .string()
    .regex(/^rediss?:\/\/[^/]/, { error: 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379' })
    .optional(),
);

/** An optional secret of at least `minLength` characters; never echoed in a problem. */
const secret = (minLength: number) =>
  variable(
    z
      .string()
      .refine((value) => value.length >= minLength && !/\s/.test(value), {
        error: `must be at least ${minLength} characters without spaces (e.g. openssl rand -hex 24)`,
      })
      .optional(),
  );

/** A comma-separated list of exact origins, such as https://bi.example.com,http://localhost:5173. */
const origins = variable(
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .superRefine((items, context) => {
      for (const item of items.filter((one) => !isOrigin(one))) {
        context.addIssue({
          code: 'custom',
          message: `must list origins as scheme://host[:port] without a path or "*", separated by commas; "${item.slice(0, 100)}" is not one`,
        });
      }
    })
    .default([]),
);

function isOrigin(item: string): boolean {
  if (!URL.canParse(item)) return false;
  const url = new URL(item);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === item;
}

/** In the order problems are reported. */
export const ENV_SCHEMA = z.object({
  DATABASE_URL: databaseUrl,
  DESKQL_DATA_DIR: text('.deskql/data'),
  DATABASE_POOL_SIZE: wholeNumber(10, 1, 1000),
  HOST: variable(z.string().optional()),
  PORT: wholeNumber(4000, 0, 65535),
  LOG_LEVEL: variable(
    z
      .enum(['debug', 'info', 'warn', 'error'], {
        error: (issue) => `must be one of debug, info, warn, error, got "${String(issue.input)}"`,
      })
      .default('info'),
  ),
  DESKQL_DEMO_DATA: flag,
  DESKQL_DEMO_TICKETS: wholeNumber(20_000, 0, 10_000_000),
  GRAPHIQL: flag,
  SHUTDOWN_TIMEOUT_MS: wholeNumber(10_000, 0, 600_000),
  DATABASE_STATEMENT_TIMEOUT_MS: wholeNumber(30_000, 0, 3_600_000),
  DESKQL_ANONYMOUS_READ: flag,
  DATABASE_READ_URL: databaseUrl,
  REDIS_URL: redisUrl,
  REDIS_KEY_PREFIX: text('deskql:'),
  RESPONSE_CACHE_MAX_ENTRIES: wholeNumber(1000, 1, 10_000_000),
  RESPONSE_CACHE_TTL_SECONDS: wholeNumber(3600, 0, 30 * 86_400),
  KPI_CONCURRENCY: wholeNumber(4, 1, 1000),
  KPI_QUEUE_TIMEOUT_MS: wholeNumber(5000, 1, 600_000),
  REQUEST_CLIENTS_MAX: wholeNumber(DEFAULT_CLIENT_POOL.max, 1, 1000),
  REQUEST_CLIENT_WAIT_MS: wholeNumber(DEFAULT_CLIENT_POOL.maxWaitMs, 0, 600_000),
  METRICS_TOKEN: secret(16),
  RATE_LIMIT_BURST: wholeNumber(DEFAULT_RATE_LIMIT.burst, 1, 1_000_000_000_000),
  RATE_LIMIT_REFILL_PER_SECOND: wholeNumber(DEFAULT_RATE_LIMIT.refillPerSecond, 0, 1_000_000_000_000),
  CORS_ORIGINS: origins,
  HTTP_HEADERS_TIMEOUT_MS: wholeNumber(DEFAULT_HTTP_LIMITS.headersTimeoutMs, 1_000, 600_000),
  HTTP_REQUEST_TIMEOUT_MS: wholeNumber(DEFAULT_HTTP_LIMITS.requestTimeoutMs, 1_000, 3_600_000),
  HTTP_MAX_CONNECTIONS: wholeNumber(DEFAULT_HTTP_LIMITS.maxConnections, 1, 1_000_000),
  OPERATION_TIMEOUT_MS: wholeNumber(DEFAULT_OPERATION_TIMEOUT_MS, 100, 3_600_000),
  MAX_QUERY_DEPTH: wholeNumber(DEFAULT_QUERY_LIMITS.maxDepth, 1, 100),
  MAX_QUERY_ALIASES: wholeNumber(DEFAULT_QUERY_LIMITS.maxAliases, 0, 1000),
  MAX_QUERY_DIRECTIVES: wholeNumber(DEFAULT_QUERY_LIMITS.maxDirectives, 0, 1000),
  MAX_QUERY_TOKENS: wholeNumber(DEFAULT_QUERY_LIMITS.maxTokens, 100, 1_000_000),
  MAX_QUERY_COST: wholeNumber(DEFAULT_QUERY_LIMITS.maxCost, 1, 10_000_000),
  MAX_REQUEST_BYTES: wholeNumber(DEFAULT_MAX_REQUEST_BYTES, 1024, 1024 * 1024 * 1024),
});

export type EnvValues = z.output<typeof ENV_SCHEMA>;

/**
 * Every variable's value and every problem at once: a bad variable is reported and read as
 * unset, so the checks across variables (config.ts) still see a whole configuration.
 */
export function readEnv(env: Record<string, string | undefined>): { values: EnvValues; problems: string[] } {
  const parsed = ENV_SCHEMA.safeParse(env);
  if (parsed.success) return { values: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  const bad = new Set(parsed.error.issues.map((issue) => issue.path[0]));
  const withoutBad = Object.fromEntries(Object.entries(env).filter(([name]) => !bad.has(name)));
  return { values: ENV_SCHEMA.parse(withoutBad), problems };
}
