// Who is making the current request, and the request-scoped storage that carries it from the
// HTTP layer down to the data access layer (server/db/prisma.ts), so that row restrictions are
// applied by the one function every query goes through, not by each resolver.
import { AsyncLocalStorage } from 'node:async_hooks';
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

const storage = new AsyncLocalStorage<{ principal: Principal; throwIfStopped?: () => void }>();

/**
 * Runs `work` (and everything it starts) as `principal`. `throwIfStopped` throws once the
 * operation must stop (client gone, OPERATION_TIMEOUT_MS): the database layer calls it before
 * every statement, so none starts after.
 */
export function runAs<T>(principal: Principal, work: () => T, throwIfStopped?: () => void): T {
  return storage.run({ principal, throwIfStopped }, work);
}

/** The principal of the request being served; undefined outside a request (CLI tools). */
export function currentPrincipal(): Principal | undefined {
  return storage.getStore()?.principal;
}

/** Throws the stop reason when the operation being served was stopped; no-op outside requests. */
export function throwIfOperationStopped(): void {
  storage.getStore()?.throwIfStopped?.();
}
