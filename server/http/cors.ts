// Cross-origin access. Yoga's default grants every origin, with credentials: any web page a
// user of the embedded demo visits could read its customers' names and e-mails. DeskQL grants
// none unless CORS_ORIGINS lists the exact origins of browser apps that call it (scheme, host
// and port, e.g. https://bi.example.com). Keys travel in the Authorization header, never in
// cookies, so credentials are never allowed.
import type { YogaServerOptions } from 'graphql-yoga';

type CorsOption = NonNullable<YogaServerOptions<Record<string, unknown>, Record<string, unknown>>['cors']>;

export function corsFor(origins: readonly string[], csrfHeader: string): CorsOption {
  if (origins.length === 0) return false;
  const allowed = new Set(origins);
  return (request: Request) => {
    const origin = request.headers.get('origin');
    // false, not an empty list: to Yoga an empty list of origins means every origin.
    if (origin === null || !allowed.has(origin)) return false;
    return {
      origin,
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'idempotency-key', csrfHeader],
      maxAge: 600,
    };
  };
}
