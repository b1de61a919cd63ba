// Runs DeskQL on a Node HTTP server and shuts it down gracefully: on SIGTERM it stops taking
// connections, reports not-ready, lets in-flight requests finish (up to a time limit), then
// closes the database.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { createDeskqlYoga, type YogaOptions } from '../yoga.js';
import { DEFAULT_HTTP_LIMITS } from './http-limits.js';

export interface RunningServer {
  url: string;
  server: Server;
  /** Stops accepting requests, waits for in-flight ones (up to the timeout), closes the database. */
  shutdown(): Promise<void>;
}

export interface ServerOptions {
  db: Database;
  logger: Logger;
  host: string;
  port: number;
  graphiql: boolean;
  shutdownTimeoutMs: number;
  limits?: YogaOptions['limits'];
  anonymousScopes?: YogaOptions['anonymousScopes'];
  rateLimit?: YogaOptions['rateLimit'];
  readDb?: YogaOptions['readDb'];
  answerCache?: YogaOptions['answerCache'];
  kpiAdmission?: YogaOptions['kpiAdmission'];
  statementTimeoutMs?: number;
  corsOrigins?: YogaOptions['corsOrigins'];
  operationTimeoutMs?: YogaOptions['operationTimeoutMs'];
  /** Slow clients (slowloris): defaults as in server/config.ts. */
  http?: { headersTimeoutMs: number; requestTimeoutMs: number; maxConnections: number };
  metrics?: YogaOptions['metrics'];
  metricsToken?: YogaOptions['metricsToken'];
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  let shuttingDown = false;
  const yoga = createDeskqlYoga({
    db: options.db,
    logger: options.logger,
    graphiql: options.graphiql,
    isShuttingDown: () => shuttingDown,
    limits: options.limits,
    anonymousScopes: options.anonymousScopes ?? null,
    rateLimit: options.rateLimit,
    readDb: options.readDb,
    answerCache: options.answerCache,
    kpiAdmission: options.kpiAdmission,
    statementTimeoutMs: options.statementTimeoutMs,
    corsOrigins: options.corsOrigins,
    operationTimeoutMs: options.operationTimeoutMs,
    metrics: options.metrics,
    metricsToken: options.metricsToken,
  });
  const http = options.http ?? DEFAULT_HTTP_LIMITS;
  // A connection that trickles its headers or body in would otherwise stay open for minutes.
  const server = createServer(
    {
      headersTimeout: http.headersTimeoutMs,
      requestTimeout: http.requestTimeoutMs,
      // Node checks those timeouts only this often (30 s by default).
      connectionsCheckingInterval: Math.min(1000, http.headersTimeoutMs),
    },
    yoga,
  );
  server.maxConnections = http.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}/graphql`;

  let closing: Promise<void> | undefined;
  const shutdown = () => {
    closing ??= (async () => {
      shuttingDown = true;
      options.logger.info('shutting down: draining in-flight requests', { timeoutMs: options.shutdownTimeoutMs });
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections with no request in flight would hold close() open forever.
      server.closeIdleConnections();
      const timer = setTimeout(() => {
        options.logger.warn('shutdown time limit reached: closing remaining connections');
        server.closeAllConnections();
      }, options.shutdownTimeoutMs);
      await drained;
      clearTimeout(timer);
      await options.answerCache?.close();
      await options.readDb?.close();
      await options.db.close();
      options.logger.info('shut down');
    })();
    return closing;
  };
  return { url, server, shutdown };
}
