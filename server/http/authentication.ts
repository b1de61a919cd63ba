// Who is calling: every request to /graphql must carry `Authorization: Bearer <key>` naming a
// valid, unrevoked API key, unless anonymous access is configured (the embedded demo only,
// see server/config.ts). It runs before the body is parsed: a request without a valid key is
// answered 401 without any GraphQL work, so no introspection, validation message or field
// suggestion reaches a caller who has not identified itself.
import type { Plugin } from 'graphql-yoga';
import { lookUpKey } from '../auth/api-keys.js';
import { anonymousPrincipal } from '../auth/principal.js';
import type { Scope } from '../auth/scopes.js';
import type { SqlClient } from '../db/sql-client.js';
import { DATABASE_UNAVAILABLE } from '../db/unavailable.js';
import { isGraphiqlPage } from './graphiql-page.js';
import type { Logger } from '../logger.js';
import type { DeskqlServerContext } from './server-context.js';

export interface AuthenticationOptions {
  sql: SqlClient;
  logger: Logger;
  /** Scopes of callers without a key; null refuses them. */
  anonymousScopes: readonly Scope[] | null;
  graphqlEndpoint: string;
  /** The GraphiQL page itself is served without a key (it sends the key you type in its headers). */
  graphiql: boolean;
}

/** Puts the caller of a request that passes on its server context (`caller`, then ctx.caller). */
export function useAuthentication(options: AuthenticationOptions): Plugin<Record<string, unknown>, DeskqlServerContext> {
  const anonymous = options.anonymousScopes ? anonymousPrincipal(options.anonymousScopes) : null;
  return {
    async onRequest({ request, url, endResponse, serverContext }) {
      if (url.pathname !== options.graphqlEndpoint || request.method === 'OPTIONS') return;
      if (options.graphiql && isGraphiqlPage(request)) return;
      const header = request.headers.get('authorization');
      if (header === null) {
        if (anonymous) serverContext.caller = anonymous;
        else
          endResponse(
            refusal(
              401,
              'UNAUTHENTICATED',
              'This API needs a key: send the header "Authorization: Bearer <key>" (an administrator creates keys with npm run apikey -- create)',
            ),
          );
        return;
      }
      const match = /^Bearer +(\S+) *$/i.exec(header);
      if (!match) {
        endResponse(refusal(401, 'UNAUTHENTICATED', 'The Authorization header must be "Bearer <key>"'));
        return;
      }
      let lookup;
      try {
        lookup = await lookUpKey(options.sql, match[1]!);
      } catch (error) {
        options.logger.warn('API key lookup failed: database unavailable', { error: (error as Error).message });
        endResponse(refusal(503, 'SERVICE_UNAVAILABLE', DATABASE_UNAVAILABLE, { 'retry-after': '1' }));
        return;
      }
      if (lookup.status === 'valid') {
        serverContext.caller = lookup.principal;
        return;
      }
      endResponse(
        refusal(
          401,
          'UNAUTHENTICATED',
          lookup.status === 'revoked'
            ? `This API key was revoked on ${lookup.revokedAt.toISOString()}; ask an administrator for a new one`
            : 'This API key is not valid: check that it was copied whole, or ask an administrator for a new one',
        ),
      );
    },
  };
}

function refusal(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json(
    { errors: [{ message, extensions: { code } }] },
    { status, headers: status === 401 ? { 'www-authenticate': 'Bearer realm="deskql"', ...headers } : headers },
  );
}
