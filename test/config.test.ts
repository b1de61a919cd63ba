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
    const config = loadConfig({ MAX_QUERY_DEPTH: '8', MAX_QUERY_COST: '5000', MAX_REQUEST_BYTES: '2048', DATABASE_STATEMENT_TIMEOUT_MS: '1500' });
    expect(config.limits).toMatchObject({ maxDepth: 8, maxCost: 5000, maxRequestBytes: 2048, maxAliases: 15 });
    expect(config.statementTimeoutMs).toBe(1500);
    expect(() => loadConfig({ MAX_QUERY_DEPTH: '0' })).toThrow('MAX_QUERY_DEPTH must be a whole number from 1 to 100, got "0"');
  });

  it('rejects a database URL without a database name or that is not a URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://localhost:5432' })).toThrow('DATABASE_URL must name a database');
    expect(() => loadConfig({ DATABASE_URL: 'localhost/deskql' })).toThrow('DATABASE_URL must be a URL');
  });
});
