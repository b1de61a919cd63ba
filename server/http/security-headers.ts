// Headers that tell browsers to treat every answer of this server strictly: no MIME sniffing
// (a JSON answer must never be run as script or rendered as HTML), no framing (clickjacking),
// no referrer leaking keys or ids in URLs, and a Content-Security-Policy. JSON answers get a
// policy that allows nothing; HTML pages get one that allows their own origin only. A plugin
// that sets its own header keeps it: only missing headers are added.
import type { Plugin } from 'graphql-yoga';

/**
 * For HTML answers that bring no policy of their own. The dashboard and GraphiQL set stricter
 * ones (server/http/static-assets.ts, pagePolicy); both load everything from this server.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self'",
  "img-src 'self' data:",
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
