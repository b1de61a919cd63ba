// What an operator scrapes from /metrics (Prometheus text format, prom-client): requests and
// their duration by operation and outcome, KPI statement time by family, SQL statements, the
// database pool, the Prisma clients requests borrow, rate-limit refusals, response-cache hits and misses, imported records, and the Node process. One registry per server instance,
// never prom-client's global one, so tests and several servers in one process stay apart.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ClientPoolStats } from '../db/client-pool.js';
import type { PoolStats } from '../db/database.js';

export interface DeskqlMetrics {
  registry: Registry;
  requests: Counter<'operation' | 'status' | 'outcome'>;
  requestSeconds: Histogram<'operation' | 'outcome'>;
  kpiFamilySeconds: Histogram<'family'>;
  sqlStatements: Counter;
  statementsPerRequest: Histogram<'operation'>;
  rateLimited: Counter;
  /** Query answers by whether the response cache (or an identical request in flight) served them. */
  queryAnswers: Counter<'result'>;
  importedRecords: Counter<'type' | 'result'>;
  /** Gives the pool gauges their source once the database is open. */
  watchPool(stats: () => PoolStats | null): void;
  /** Gives the request-client gauges their source (the primary's pool of Prisma clients). */
  watchClients(stats: () => ClientPoolStats): void;
  /** Counts one SQL statement: pass as the database's onStatement listener. */
  countStatement(): void;
}

/** Prometheus's default buckets stop at 10 s; KPI requests over a year of data can take longer. */
const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createDeskqlMetrics(options: { processMetrics?: boolean } = {}): DeskqlMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const sqlStatements = new Counter({
    name: 'deskql_sql_statements_total',
    help: 'SQL statements sent to the database (divide by deskql_requests_total for statements per request).',
    registers: [registry],
  });
  let watchingPool = false;
  let watchingClients = false;
  return {
    registry,
    requests: new Counter({
      name: 'deskql_requests_total',
      help: 'HTTP requests by GraphQL operation name, HTTP status and outcome (ok, graphql_error, refused, rate_limited, error).',
      labelNames: ['operation', 'status', 'outcome'],
      registers: [registry],
    }),
    requestSeconds: new Histogram({
      name: 'deskql_request_duration_seconds',
      help: 'Time from receiving an HTTP request to sending its response, by operation and outcome.',
      labelNames: ['operation', 'outcome'],
      buckets: SECONDS_BUCKETS,
      registers: [registry],
    }),
    kpiFamilySeconds: new Histogram({
      name: 'deskql_kpi_family_duration_seconds',
      help: 'Time of one KPI family statement (created, resolved, backlog, handle time, surveys, ...).',
      labelNames: ['family'],
      buckets: SECONDS_BUCKETS,
      registers: [registry],
    }),
    sqlStatements,
    statementsPerRequest: new Histogram({
      name: 'deskql_sql_statements_per_request',
      help: 'SQL statements one GraphQL operation caused (key check and rate limit included), by operation.',
      labelNames: ['operation'],
      buckets: [1, 2, 3, 5, 8, 13, 21, 34, 55, 100, 200],
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'deskql_rate_limited_total',
      help: 'Requests refused with 429 because the key had spent its query-cost budget.',
      registers: [registry],
    }),
    queryAnswers: new Counter({
      name: 'deskql_response_cache_answers_total',
      help: 'Query answers by result: hit (reused from the response cache or an identical request in flight) or miss (computed).',
      labelNames: ['result'],
      registers: [registry],
    }),
    importedRecords: new Counter({
      name: 'deskql_import_records_total',
      help: 'Records written through importRecords and the upsert mutations, by record type and result (created, updated, unchanged).',
      labelNames: ['type', 'result'],
      registers: [registry],
    }),
    watchPool(stats) {
      // The embedded database has one in-process connection and no pool: no gauges at all,
      // rather than zeros that read like an idle pool.
      if (watchingPool || stats() === null) return;
      watchingPool = true;
      const poolGauge = (name: string, help: string, read: (s: PoolStats) => number) =>
        new Gauge({
          name,
          help,
          registers: [registry],
          collect() {
            const current = stats();
            if (current) this.set(read(current));
          },
        });
      poolGauge('deskql_db_pool_connections', 'Open PostgreSQL connections of this instance (in use or idle).', (s) => s.total);
      poolGauge('deskql_db_pool_in_use', 'PostgreSQL connections running a statement now.', (s) => s.total - s.idle);
      poolGauge('deskql_db_pool_waiting', 'Requests waiting for a free PostgreSQL connection.', (s) => s.waiting);
      poolGauge('deskql_db_pool_max', 'Most PostgreSQL connections this instance opens (DATABASE_POOL_SIZE).', (s) => s.max);
    },
    watchClients(stats) {
      if (watchingClients) return;
      watchingClients = true;
      const clientGauge = (name: string, help: string, read: (s: ClientPoolStats) => number) =>
        new Gauge({
          name,
          help,
          registers: [registry],
          collect() {
            this.set(read(stats()));
          },
        });
      clientGauge('deskql_request_clients_lent', 'Prisma clients lent to requests now.', (s) => s.lent);
      clientGauge('deskql_request_clients_idle', 'Prisma clients kept for the next request.', (s) => s.idle);
      clientGauge('deskql_request_clients_waiting', 'Requests waiting for a Prisma client.', (s) => s.waiting);
      clientGauge('deskql_request_clients_max', 'Most Prisma clients alive at once (REQUEST_CLIENTS_MAX).', (s) => s.max);
      clientGauge('deskql_request_clients_peak', 'Most Prisma clients that were alive at once so far.', (s) => s.peakAlive);
      // Counters fed from the pool's own totals, which only grow: each scrape adds what is new.
      const clientCounter = (name: string, help: string, read: (s: ClientPoolStats) => number) => {
        let counted = 0;
        return new Counter({
          name,
          help,
          registers: [registry],
          collect() {
            const total = read(stats());
            this.inc(total - counted);
            counted = total;
          },
        });
      };
      clientCounter('deskql_request_clients_created_total', 'Prisma clients created (each compiles the data model).', (s) => s.created);
      clientCounter('deskql_request_clients_lends_total', 'Prisma clients lent (requests that needed the database).', (s) => s.lends);
      clientCounter(
        'deskql_request_clients_refused_total',
        'Requests refused because no Prisma client came back in time.',
        (s) => s.refused,
      );
    },
    countStatement() {
      sqlStatements.inc();
    },
  };
}
