import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeskqlYoga } from '../server/yoga.js';
import { startTestApi, type TestApi, OPEN_ACCESS } from './support/test-api.js';

describe('health and readiness', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('GET /healthz answers while the process is alive', async () => {
    const response = await api.yoga.fetch('http://deskql.test/healthz');
    expect(response.status).toBe(200);
  });

  it('GET /readyz answers 200 when the database is reachable and migrated', async () => {
    const response = await api.yoga.fetch('http://deskql.test/readyz');
    expect(response.status).toBe(200);
  });

  it('GET /readyz answers 503 while the server drains', async () => {
    const draining = createDeskqlYoga({ ...OPEN_ACCESS, db: api.db, isShuttingDown: () => true });
    const response = await draining.fetch('http://deskql.test/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ready: false, reason: 'shutting down' });
  });

  it('serves GraphiQL to browsers only when enabled', async () => {
    const browser = { headers: { accept: 'text/html' } };
    const withGraphiql = createDeskqlYoga({ ...OPEN_ACCESS, db: api.db, graphiql: true });
    const page = await withGraphiql.fetch('http://deskql.test/graphql', browser);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('GraphiQL');
    const without = await api.yoga.fetch('http://deskql.test/graphql', browser);
    expect(await without.text()).not.toContain('GraphiQL');
  });
});

describe('readiness before migrations', () => {
  it('GET /readyz names the migrations that are not applied', async () => {
    const api = await startTestApi({ migrate: false });
    try {
      const response = await api.yoga.fetch('http://deskql.test/readyz');
      expect(response.status).toBe(503);
      const body = (await response.json()) as { reason: string };
      expect(body.reason).toMatch(/^migrations not applied: \d{14}_init/);
    } finally {
      await api.close();
    }
  });
});

describe('unexpected failures', () => {
  it('are masked: no SQL, stack or connection details reach the client', async () => {
    const api = await startTestApi();
    await api.db.close(); // every query now fails inside the driver
    const response = await api.yoga.fetch('http://deskql.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ tickets(first: 1) { totalCount } }' }),
    });
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body.errors[0].message).toBe('Unexpected error.');
    expect(body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(text).not.toMatch(/SELECT|postgres|stack|\.ts:/i);
    await api.close().catch(() => {});
  });
});
