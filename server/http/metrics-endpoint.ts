// GET /metrics: the Prometheus scrape endpoint. Who may scrape: with METRICS_TOKEN set, any
// client sending `Authorization: Bearer <METRICS_TOKEN>`; without it, only clients on this
// machine (loopback), which covers the embedded demo and a scraper or agent beside the server.
// Metrics are not API data, so API keys do not open them: an operator's scraper holds no key.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { DeskqlMetrics } from '../metrics/deskql-metrics.js';

export const METRICS_PATH = '/metrics';

export interface MetricsEndpointOptions {
  metrics: DeskqlMetrics;
  /** When set, scrapers must send it as a bearer token; when null, only loopback clients may scrape. */
  token: string | null;
}

export function useMetricsEndpoint(options: MetricsEndpointOptions): Plugin<Record<string, unknown>> {
  const expected = options.token === null ? null : digest(options.token);
  return {
    async onRequest({ request, url, serverContext, endResponse }) {
      if (url.pathname !== METRICS_PATH) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new Response('Use GET /metrics', { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      const refusal = expected === null ? loopbackRefusal(peerAddress(serverContext)) : tokenRefusal(request, expected);
      if (refusal) {
        endResponse(refusal);
        return;
      }
      const body = await options.metrics.registry.metrics();
      endResponse(
        new Response(request.method === 'HEAD' ? null : body, {
          headers: { 'content-type': options.metrics.registry.contentType, 'cache-control': 'no-store' },
        }),
      );
    },
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function tokenRefusal(request: Request, expected: Buffer): Response | null {
  const match = /^Bearer +(\S+) *$/i.exec(request.headers.get('authorization') ?? '');
  // Compared as digests of equal length, in constant time.
  if (match && timingSafeEqual(digest(match[1]!), expected)) return null;
  return new Response('Scraping /metrics needs the header "Authorization: Bearer <METRICS_TOKEN>".\n', {
    status: 401,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer realm="deskql-metrics"' },
  });
}

function loopbackRefusal(address: string | undefined): Response | null {
  if (address && isLoopback(address)) return null;
  return new Response(
    '/metrics answers clients on this machine only; set METRICS_TOKEN on the server to let a remote scraper in with that bearer token.\n',
    {
      status: 403,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    },
  );
}

/** The peer's IP address on a Node HTTP server; undefined when the request came another way. */
function peerAddress(serverContext: Record<string, unknown> | undefined): string | undefined {
  const req = serverContext?.req as { socket?: { remoteAddress?: string } } | undefined;
  return req?.socket?.remoteAddress;
}

function isLoopback(address: string): boolean {
  return address === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}
