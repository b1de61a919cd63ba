// Structured logs: one JSON object per line on stdout (time, level, msg, fields), so that any
// log shipper can parse them. Written by pino (fast, and it redacts); the rest of the server
// sees only this small Logger interface.
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from './config.js';

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

/**
 * Never written out: credentials in headers and configuration, wherever a log call puts
 * them. (The demo administrator key is printed once on purpose, as `key`: see
 * server/auth/demo-admin-key.ts.)
 */
export const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  '*.authorization',
  '*.headers.authorization',
  'apiKey',
  '*.apiKey',
  'metricsToken',
  'password',
  '*.password',
  'databaseUrl',
];

export function createLogger(level: LogLevel = 'info', bound: LogFields = {}, write?: (line: string) => void): Logger {
  const destination: DestinationStream = write
    ? { write: (chunk: string) => write(chunk.replace(/\n$/, '')) }
    : pino.destination({ dest: 1, sync: true });
  const logger = pino(
    {
      level,
      base: bound,
      messageKey: 'msg',
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
  return wrap(logger);
}

function wrap(logger: PinoLogger): Logger {
  return {
    debug: (msg, fields) => logger.debug(serialize(fields), msg),
    info: (msg, fields) => logger.info(serialize(fields), msg),
    warn: (msg, fields) => logger.warn(serialize(fields), msg),
    error: (msg, fields) => logger.error(serialize(fields), msg),
    child: (fields) => wrap(logger.child(fields)),
  };
}

/** A logger that drops everything: for tests and library use. */
export const silentLogger: Logger = createLogger('error', {}, () => {});

// Errors do not survive JSON.stringify; keep their name, message and stack, under any field name.
function serialize(fields: LogFields | undefined): LogFields {
  if (!fields) return {};
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  return out;
}
