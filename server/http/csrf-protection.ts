// Cross-site request forgery: a page on another site can make a browser send GET requests and
// "simple" POSTs (form or text bodies) to this API without asking first, carrying whatever the
// browser holds for it. Such requests must carry a custom header, which a browser only sends
// after a CORS preflight this server does not grant. JSON POSTs always need that preflight,
// so the SDK and ordinary clients never notice.
import type { Plugin } from 'graphql-yoga';
import { isGraphiqlPage } from './graphiql-page.js';

const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

export function useCsrfProtection(options: { header: string; graphqlEndpoint: string; graphiql: boolean }): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== options.graphqlEndpoint || request.headers.has(options.header)) return;
      if (options.graphiql && isGraphiqlPage(request)) return;
      const contentType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
      const preflighted =
        request.method !== 'GET' && request.method !== 'HEAD' && contentType !== '' && !SIMPLE_CONTENT_TYPES.includes(contentType);
      if (preflighted || request.method === 'OPTIONS') return;
      endResponse(
        Response.json(
          {
            errors: [
              {
                message: `This request needs the header "${options.header}" (any value), or a POST with content-type application/json: it protects against cross-site request forgery`,
                extensions: { code: 'CSRF_HEADER_MISSING' },
              },
            ],
          },
          { status: 403 },
        ),
      );
    },
  };
}
