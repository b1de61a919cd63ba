// The log format operators parse: one JSON object per line with time, level, msg and fields;
// levels below the configured one dropped; credentials redacted wherever they appear.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../server/logger.js';

function capture(level: 'debug' | 'info' | 'warn' | 'error' = 'info') {
  const lines: string[] = [];
  const logger = createLogger(level, { service: 'deskql' }, (line) => lines.push(line));
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('the logger', () => {
  it('writes one JSON line per call with time, level, msg, bound and given fields', () => {
    const { logger, lines, records } = capture();
    logger.info('request', { method: 'POST', status: 200, durationMs: 12 });
    logger.child({ requestId: 'r-1' }).warn('slow', { durationMs: 900 });
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
    const [first, second] = records();
    expect(first).toMatchObject({ level: 'info', msg: 'request', service: 'deskql', method: 'POST', status: 200, durationMs: 12 });
    expect(new Date(first!.time as string).toISOString()).toBe(first!.time);
    expect(second).toMatchObject({ level: 'warn', msg: 'slow', service: 'deskql', requestId: 'r-1', durationMs: 900 });
  });

  it('drops levels below the configured one', () => {
    const { logger, records } = capture('warn');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(records().map((r) => r.level)).toEqual(['warn', 'error']);
  });

  it('redacts Authorization headers and keys wherever they are', () => {
    const { logger, lines } = capture();
    logger.info('in', { authorization: 'Bearer dq_secret1', headers: { authorization: 'Bearer dq_secret2' } });
    logger.info('nested', { request: { headers: { authorization: 'Bearer dq_secret3' } }, client: { apiKey: 'dq_secret4' } });
    logger.info('config', { databaseUrl: 'postgresql://u:pw@h/db', metricsToken: 'tok-secret5' });
    expect(lines.join('\n')).not.toMatch(/dq_secret|pw@|tok-secret/);
    expect(lines.join('\n')).toContain('[redacted]');
  });

  it('keeps an error’s name, message and stack', () => {
    const { logger, records } = capture();
    logger.error('failed', { error: new TypeError('boom') });
    expect(records()[0]!.error).toMatchObject({ name: 'TypeError', message: 'boom', stack: expect.stringContaining('TypeError: boom') });
  });
});
