// Headers that tell browsers to treat every answer of this server strictly: no MIME sniffing
// (a JSON answer must never be run as script or rendered as HTML), no framing (clickjacking),
// no referrer leaking keys or ids in URLs, and a Content-Security-Policy. JSON answers get a
// policy that allows nothing; HTML pages (GraphiQL, and pages colleagues' plugins serve) get
// one that allows their own origin plus the assets GraphiQL loads. A plugin that sets its own
// header keeps it: only missing headers are added.
import type { Plugin } from 'graphql-yoga';

/** Where Yoga's GraphiQL page loads its script, styles, workers and icon from. */
const GRAPHIQL_ASSETS = 'https://unpkg.com';

export const PAGE_CSP = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline' ${GRAPHIQL_ASSETS}`,
  `style-src 'self' 'unsafe-inline' ${GRAPHIQL_ASSETS}`,
  `worker-src 'self' blob: ${GRAPHIQL_ASSETS}`,
  "img-src 'self' data: https://raw.githubusercontent.com",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export const DATA_CSP = "default-src 'none'; frame-ancestors 'none'";

export function useSecurityHeaders(): Plugin {
  return {
    onResponse({ response }) {
      const isPage = response.headers.get('content-type')?.includes('text/html') ?? false;
      const set = (name: string, value: string) => {
        if (!response.headers.has(name)) response.headers.set(name, value);
      };
      set('x-content-type-options', 'nosniff');
      set('x-frame-options', 'DENY');
      set('referrer-policy', 'no-referrer');
      set('content-security-policy', isPage ? PAGE_CSP : DATA_CSP);
    },
  };
}
