// What an outside attacker found at the HTTP layer (issue 15, items 3, 4, 6 and the headers,
// timeouts and audit trail of item 10), replayed with the exact requests of the report.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../server/auth/api-keys.js';
import { READ_SCOPES } from '../server/auth/scopes.js';
import { startServer, type RunningServer } from '../server/http/server.js';
import { createLogger } from '../server/logger.js';
import { createDeskqlYoga, type DeskqlYoga } from '../server/yoga.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
/** The embedded demo's configuration: anonymous callers may read. */
let demo: DeskqlYoga;
/** A service's configuration: every request needs a key. */
let service: DeskqlYoga;
const NO_RATE_LIMIT = { burst: 1, refillPerSecond: 0 };
const logLines: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  demo = createDeskqlYoga({ db: api.db, anonymousScopes: READ_SCOPES, rateLimit: NO_RATE_LIMIT, graphiql: true });
  service = createDeskqlYoga({
    db: api.db,
    anonymousScopes: null,
    rateLimit: NO_RATE_LIMIT,
    logger: createLogger('info', {}, (line) => logLines.push(line)),
  });
});
afterAll(() => api.close());

/** A query with a typo: reaching validation answers "Did you mean "tickets"?". */
const TYPO = JSON.stringify({ query: '{ ticket { id } }' });

describe('GraphQL is served at exactly /graphql (item 3)', () => {
  for (const path of ['/graphql/', '//graphql', '/foo/graphql', '/?x=/graphql']) {
    it(`POST ${path} without a key is 404, before parsing or validation`, async () => {
      for (const yoga of [demo, service]) {
        const response = await yoga.fetch(`http://deskql.test${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: TYPO,
        });
        const text = await response.text();
        expect(response.status).toBe(404);
        expect(text).not.toContain('Did you mean');
        expect(text).not.toContain('Cannot query field');
        expect(text).toContain('GraphQL is at /graphql');
      }
    });
  }

  it('on /graphql itself, a caller without a key is refused before parsing (401)', async () => {
    const response = await service.fetch('http://deskql.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: TYPO,
    });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('Did you mean');
  });

  it('routes that plugins serve keep working (/healthz, /readyz), and GraphiQL is offered at /graphql only', async () => {
    expect((await service.fetch('http://deskql.test/healthz')).status).toBe(200);
    expect((await service.fetch('http://deskql.test/readyz')).status).toBe(200);
    const page = await demo.fetch('http://deskql.test/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const elsewhere = await demo.fetch('http://deskql.test/foo/graphql', { headers: { accept: 'text/html' } });
    expect(elsewhere.status).not.toBe(200);
    expect(await elsewhere.text()).not.toContain('<html');
  });
});

describe('CORS (item 4)', () => {
  const preflight = (yoga: DeskqlYoga, origin: string) =>
    yoga.fetch('http://deskql.test/graphql', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, x-deskql-csrf, content-type',
      },
    });

  it('grants no origin by default: the preflight from https://evil.example gets no CORS header', async () => {
    for (const yoga of [demo, service]) {
      const response = await preflight(yoga, 'https://evil.example');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('access-control-allow-headers')).toBeNull();
    }
  });

  it('an answer read from another origin carries no access-control-allow-origin', async () => {
    const response = await demo.fetch('http://deskql.test/graphql', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ customers(first: 1) { edges { node { name email } } } }' }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('with CORS_ORIGINS, grants exactly the listed origins, never credentials', async () => {
    const yoga = createDeskqlYoga({ db: api.db, anonymousScopes: null, rateLimit: NO_RATE_LIMIT, corsOrigins: ['https://bi.example.com'] });
    const granted = await preflight(yoga, 'https://bi.example.com');
    expect(granted.headers.get('access-control-allow-origin')).toBe('https://bi.example.com');
    expect(granted.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(granted.headers.get('access-control-allow-credentials')).toBeNull();
    const refused = await preflight(yoga, 'https://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('request body size (item 6)', () => {
  it('refuses a chunked body over MAX_REQUEST_BYTES (no Content-Length), 413', async () => {
    const yoga = createDeskqlYoga({
      db: api.db,
      anonymousScopes: READ_SCOPES,
      rateLimit: NO_RATE_LIMIT,
      limits: { maxRequestBytes: 4096 },
    });
    const big = JSON.stringify({ query: `{ teams { totalCount } }`, variables: { pad: 'x'.repeat(20_000) } });
    const chunks = [big.slice(0, 10_000), big.slice(10_000)];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(chunk));
      },
    });
    const response = await yoga.fetch('http://deskql.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });
});

describe('security headers (item 10)', () => {
  it('every answer says nosniff, no framing, no referrer, and a CSP that allows nothing for data', async () => {
    const response = await demo.fetch('http://deskql.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ teams { totalCount } }' }),
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    for (const path of ['/healthz', '/nothing-here']) {
      expect((await service.fetch(`http://deskql.test${path}`)).headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('the GraphiQL page gets a CSP for its own assets that forbids framing', async () => {
    const page = await demo.fetch('http://deskql.test/graphql', { headers: { accept: 'text/html' } });
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('audit trail (item 10)', () => {
  it('each request log line names the key id and name', async () => {
    const { id, key } = await createApiKey(api.db.sql, { name: 'audited', scopes: ['kpis:read'] });
    await service.fetch('http://deskql.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: 'query Audited { teams { totalCount } }', operationName: 'Audited' }),
    });
    const line = logLines.map((l) => JSON.parse(l)).find((l) => l.msg === 'request' && l.operation === 'Audited');
    expect(line).toMatchObject({ keyId: id, keyName: 'audited', status: 200 });
  });
});

describe('slow clients (item 10)', () => {
  let running: RunningServer;
  beforeAll(async () => {
    const { db } = api;
    running = await startServer({
      db: { ...db, close: async () => {} },
      logger: createLogger('error', {}, () => {}),
      host: '127.0.0.1',
      port: 0,
      graphiql: false,
      shutdownTimeoutMs: 1000,
      http: { headersTimeoutMs: 1000, requestTimeoutMs: 1500, maxConnections: 5 },
    });
  });
  afterAll(() => running.shutdown());

  /** Opens a connection, sends `first`, and reports when the server closes it. */
  function trickle(first: string): Promise<number> {
    const { port } = new URL(running.url);
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const socket = connect(Number(port), '127.0.0.1', () => socket.write(first));
      const drip = setInterval(() => socket.write(' '), 200);
      socket.on('data', () => {});
      socket.on('close', () => {
        clearInterval(drip);
        resolve(Date.now() - started);
      });
      socket.on('error', () => {});
      setTimeout(() => {
        clearInterval(drip);
        socket.destroy();
        reject(new Error('the server kept a slow connection open for 20 s'));
      }, 20_000);
    });
  }

  it('closes a connection whose headers trickle in (slow headers) within the header timeout', async () => {
    const held = await trickle('POST /graphql HTTP/1.1\r\nHost: x\r\nX-Slow:');
    expect(held).toBeLessThan(5_000);
  });

  it('closes a connection whose body trickles in (slow body) within the request timeout', async () => {
    const held = await trickle(
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"query":"',
    );
    expect(held).toBeLessThan(6_000);
  });

  it('refuses connections beyond HTTP_MAX_CONNECTIONS (5 here) while slow ones hold their places', async () => {
    const { port } = new URL(running.url);
    const held = await Promise.all(
      Array.from(
        { length: 5 },
        () =>
          new Promise<ReturnType<typeof connect>>((resolve) => {
            const socket = connect(Number(port), '127.0.0.1', () => resolve(socket));
            socket.on('error', () => {});
          }),
      ),
    );
    try {
      const extra = await new Promise<string>((resolve) => {
        const req = httpRequest(running.url.replace('/graphql', '/healthz'), (res) => {
          res.resume();
          resolve(`answered ${res.statusCode}`);
        });
        req.on('error', (error) => resolve(`refused: ${(error as NodeJS.ErrnoException).code}`));
        req.end();
      });
      expect(extra).toMatch(/^refused/);
    } finally {
      for (const socket of held) socket.destroy();
      // Let the server see them close before the next test connects.
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  });

  it('serves ordinary requests meanwhile', async () => {
    const answer = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(running.url.replace('/graphql', '/healthz'), (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer).toBe(200);
  });
});
