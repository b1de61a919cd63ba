// Defaults for how long clients and operations may take, shared by the configuration
// (server/config.ts) and the servers that tests and benches start without one.

/** Slow clients (slowloris): headers must arrive within 10 s, the whole request within 60 s; 1,000 connections at most. */
export const DEFAULT_HTTP_LIMITS = { headersTimeoutMs: 10_000, requestTimeoutMs: 60_000, maxConnections: 1_000 };

/** The longest one GraphQL operation may execute (OPERATION_TIMEOUT_MS). */
export const DEFAULT_OPERATION_TIMEOUT_MS = 30_000;
