// Who is making a request. Authentication (server/http/authentication.ts) finds it and puts
// it on the request's server context; the GraphQL context carries it as ctx.caller, and the
// caller's Prisma client (ctx.prisma) is restricted to its teams when it has any.
import type { Scope } from './scopes.js';

export interface Principal {
  /** The API key's id; null for an anonymous caller (embedded demo only). */
  keyId: number | null;
  /** The key's name, for logs and error messages. */
  name: string;
  scopes: ReadonlySet<Scope>;
  /** The teams whose data this caller may see; null when it is not restricted. */
  teamIds: readonly number[] | null;
}

export function anonymousPrincipal(scopes: readonly Scope[]): Principal {
  return { keyId: null, name: 'anonymous', scopes: new Set(scopes), teamIds: null };
}
