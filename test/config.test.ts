import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/config.js';

describe('configuration', () => {
  it('defaults to the embedded database with demo data on loopback', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: null,
      host: '127.0.0.1',
      port: 4000,
      demoData: true,
      graphiql: true,
      logLevel: 'info',
    });
    expect(config.dataDir).toMatch(/\.deskql[/\\]data$/);
  });

  it('uses PostgreSQL, all interfaces and no demo data when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://app:secret@db.internal:5432/deskql' });
    expect(config).toMatchObject({ databaseUrl: 'postgresql://app:secret@db.internal:5432/deskql', host: '0.0.0.0', demoData: false });
  });

  it('turns GraphiQL off in production unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphiql).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHIQL: 'true' }).graphiql).toBe(true);
  });

  it('turns GraphiQL off with DATABASE_URL unless asked for (issue 15)', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://db.internal:5432/deskql' }).graphiql).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgresql://db.internal:5432/deskql', GRAPHIQL: 'true' }).graphiql).toBe(true);
  });

  it('grants CORS to no origin by default, and to exactly the origins CORS_ORIGINS lists', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://bi.example.com, http://localhost:5173' }).corsOrigins).toEqual([
      'https://bi.example.com',
      'http://localhost:5173',
    ]);
    for (const bad of ['*', 'https://bi.example.com/app', 'bi.example.com', 'ftp://x.example']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS must list origins as scheme:\/\/host\[:port\]/);
    }
  });

  it('bounds slow clients and operations by default, and checks the values', () => {
    expect(loadConfig({})).toMatchObject({
      http: { headersTimeoutMs: 10_000, requestTimeoutMs: 60_000, maxConnections: 1_000 },
      operationTimeoutMs: 30_000,
    });
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '90000', HTTP_REQUEST_TIMEOUT_MS: '60000' })).toThrow(
      /must not exceed HTTP_REQUEST_TIMEOUT_MS/,
    );
    expect(() => loadConfig({ OPERATION_TIMEOUT_MS: '0' })).toThrow(/OPERATION_TIMEOUT_MS must be a whole number from 100/);
  });

  it('lists every bad variable with what is wrong, without echoing secrets', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://root:hunter2@localhost/db',
        LOG_LEVEL: 'loud',
        DESKQL_DEMO_DATA: 'maybe',
        DATABASE_POOL_SIZE: '0',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual([
      'DATABASE_URL must start with postgresql:// (got a mysql: URL)',
      'DATABASE_POOL_SIZE must be a whole number from 1 to 1000, got "0"',
      'PORT must be a whole number from 0 to 65535, got "eighty"',
      'LOG_LEVEL must be one of debug, info, warn, error, got "loud"',
      'DESKQL_DEMO_DATA must be true or false, got "maybe"',
    ]);
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('reads the request limits and the statement timeout', () => {
    const config = loadConfig({
      MAX_QUERY_DEPTH: '8',
      MAX_QUERY_COST: '5000',
      MAX_REQUEST_BYTES: '2048',
      DATABASE_STATEMENT_TIMEOUT_MS: '1500',
    });
    expect(config.limits).toMatchObject({ maxDepth: 8, maxCost: 5000, maxRequestBytes: 2048, maxAliases: 15 });
    expect(config.statementTimeoutMs).toBe(1500);
    expect(() => loadConfig({ MAX_QUERY_DEPTH: '0' })).toThrow('MAX_QUERY_DEPTH must be a whole number from 1 to 100, got "0"');
  });

  it('rejects a database URL without a database name or that is not a URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://localhost:5432' })).toThrow('DATABASE_URL must name a database');
    expect(() => loadConfig({ DATABASE_URL: 'localhost/deskql' })).toThrow('DATABASE_URL must be a URL');
  });

  it('grants anonymous read access only to the embedded demo on loopback', () => {
    expect(loadConfig({}).anonymousRead).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgresql://db.internal:5432/deskql' }).anonymousRead).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).anonymousRead).toBe(false);
    expect(loadConfig({ DESKQL_ANONYMOUS_READ: 'false' }).anonymousRead).toBe(false);
    const refused = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        return (error as ConfigError).problems;
      }
      return [];
    };
    expect(refused({ DESKQL_ANONYMOUS_READ: 'true', DATABASE_URL: 'postgresql://db.internal:5432/deskql' })).toContain(
      'DESKQL_ANONYMOUS_READ cannot be true with DATABASE_URL: a shared database needs API keys',
    );
    expect(refused({ DESKQL_ANONYMOUS_READ: 'true', NODE_ENV: 'production' })).toContain(
      'DESKQL_ANONYMOUS_READ cannot be true when NODE_ENV=production',
    );
    expect(refused({ HOST: '0.0.0.0' })).toContain(
      'DESKQL_ANONYMOUS_READ needs HOST on a loopback address (127.0.0.1, ::1, localhost), got "0.0.0.0"',
    );
    expect(loadConfig({ HOST: '0.0.0.0', DESKQL_ANONYMOUS_READ: 'false' }).host).toBe('0.0.0.0');
  });

  it('reads the rate limit, which must fit the dearest allowed query', () => {
    expect(loadConfig({}).rateLimit).toEqual({ burst: 100_000, refillPerSecond: 2_000 });
    expect(loadConfig({ RATE_LIMIT_BURST: '50000', RATE_LIMIT_REFILL_PER_SECOND: '0' }).rateLimit).toEqual({
      burst: 50_000,
      refillPerSecond: 0,
    });
    expect(() => loadConfig({ RATE_LIMIT_BURST: '1000' })).toThrow(
      'RATE_LIMIT_BURST (1000) must be at least MAX_QUERY_COST (20000), or the dearest allowed query could never run',
    );
  });

  it('bounds the database clients requests borrow, no fewer than KPI answers computed at once', () => {
    expect(loadConfig({}).requestClients).toEqual({ max: 16, maxWaitMs: 2000 });
    expect(loadConfig({ REQUEST_CLIENTS_MAX: '8', REQUEST_CLIENT_WAIT_MS: '0', KPI_CONCURRENCY: '8' }).requestClients).toEqual({
      max: 8,
      maxWaitMs: 0,
    });
    expect(() => loadConfig({ REQUEST_CLIENTS_MAX: '0' })).toThrow(/REQUEST_CLIENTS_MAX must be a whole number from 1 to 1000, got "0"/);
    expect(() => loadConfig({ REQUEST_CLIENTS_MAX: '3' })).toThrow(
      'REQUEST_CLIENTS_MAX (3) must be at least KPI_CONCURRENCY (4): each KPI answer computed holds a client',
    );
  });
});
