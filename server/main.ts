// The entry point of `npm start`: configuration, database, migrations, demo data, HTTP.
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { EmbeddedDatabaseBusyError } from './db/embedded-lock.js';
import { applyMigrations } from './db/migrations.js';
import { startServer } from './http/server.js';
import { createLogger } from './logger.js';
import { defaultSeedOptions, isEmpty, seedDatabase } from './seed/seed.js';
import { offerDemoAdminKey } from './auth/demo-admin-key.js';
import { READ_SCOPES } from './auth/scopes.js';
import { createAnswerCache } from './graphql/plugins/answer-cache.js';
import { createDeskqlMetrics } from './metrics/deskql-metrics.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, { service: 'deskql' });
  const metrics = createDeskqlMetrics();
  // The first start takes a while (database files, migrations, demo data): say what it is doing.
  logger.info(
    config.databaseUrl ? 'opening the PostgreSQL database' : 'opening the embedded database (creating it on first start)',
    config.databaseUrl ? {} : { dataDir: config.dataDir },
  );
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
    statementTimeoutMs: config.statementTimeoutMs,
    requestClients: config.requestClients,
    logger,
    onStatement:
      config.logLevel === 'debug'
        ? (sql) => {
            metrics.countStatement();
            logger.debug('sql', { sql });
          }
        : () => metrics.countStatement(),
  }).catch((error: unknown) => {
    if (error instanceof EmbeddedDatabaseBusyError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  });
  logger.info('database opened', db.kind === 'embedded' ? { kind: db.kind, dataDir: config.dataDir } : { kind: db.kind });

  logger.info('checking migrations');
  const applied = await applyMigrations(db);
  if (applied.length > 0) logger.info('migrations applied', { migrations: applied });

  if (config.demoData && config.demoTickets > 0 && (await isEmpty(db.sql))) {
    logger.info('empty database: generating demo data', { tickets: config.demoTickets });
    let lastPhase = '';
    const summary = await seedDatabase(db, defaultSeedOptions(config.demoTickets), (progress) => {
      if (progress.phase === lastPhase) return;
      lastPhase = progress.phase;
      logger.info(`generating demo data: ${progress.phase}`, { ...progress });
    });
    logger.info('demo data ready', { ...summary });
  }

  if (db.kind === 'embedded') await offerDemoAdminKey(db, logger);

  // Query answers may read from a replica; writes, keys and the rate limit stay on the primary.
  const readDb = config.databaseReadUrl
    ? await openDatabase({
        databaseUrl: config.databaseReadUrl,
        dataDir: null,
        poolSize: config.databasePoolSize,
        statementTimeoutMs: config.statementTimeoutMs,
        requestClients: config.requestClients,
        logger,
      })
    : null;
  if (readDb) logger.info('query answers read from a replica (DATABASE_READ_URL)');
  const answerCache = createAnswerCache({
    sql: (readDb ?? db).sql,
    logger,
    redisUrl: config.responseCache.redisUrl,
    redisKeyPrefix: config.responseCache.redisKeyPrefix,
    maxEntries: config.responseCache.maxEntries,
    ttlMs: config.responseCache.ttlSeconds * 1000,
  });
  logger.info(
    'response cache',
    config.responseCache.redisUrl
      ? { store: 'redis', prefix: config.responseCache.redisKeyPrefix }
      : { store: 'memory', maxEntries: config.responseCache.maxEntries },
  );

  const running = await startServer({
    db,
    logger,
    host: config.host,
    port: config.port,
    graphiql: config.graphiql,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    limits: config.limits,
    anonymousScopes: config.anonymousRead ? READ_SCOPES : null,
    rateLimit: config.rateLimit,
    readDb,
    answerCache,
    kpiAdmission: config.kpiAdmission,
    statementTimeoutMs: config.statementTimeoutMs,
    corsOrigins: config.corsOrigins,
    operationTimeoutMs: config.operationTimeoutMs,
    http: config.http,
    metrics,
    metricsToken: config.metricsToken,
  });
  const dashboard = running.url.replace(/\/graphql$/, '/');
  logger.info(`DeskQL is ready at ${running.url} (dashboard: ${dashboard})`, {
    url: running.url,
    dashboard,
    graphiql: config.graphiql,
    pid: process.pid,
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info('signal received', { signal });
      running.shutdown().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error('shutdown failed', { error });
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
