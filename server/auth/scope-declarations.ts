// The scope declarations that fields and types carry (`authScopes`, @pothos/plugin-scope-auth).
// A declaration is met by holding any one of the scopes it names (scope-auth's default "any"
// strategy). Declarations are plain maps, never functions, so that the check that runs before
// execution (authorization.ts) can read them off the schema without resolving anything.
import type { Principal } from './principal.js';
import { ALL_SCOPES, type Scope } from './scopes.js';

/**
 * The scopes scope-auth knows: every API key scope, plus `anyCaller`, held by whoever reached
 * execution at all (authentication already refused everyone else): `viewer` is open to them.
 */
export type AuthScopeFlags = Record<Scope | 'anyCaller', boolean>;

/** What a field or type may declare: the scopes any one of which lets a caller through. */
export type ScopeDeclaration = Partial<Record<keyof AuthScopeFlags, true>>;

export const KPIS = { 'kpis:read': true } as const satisfies ScopeDeclaration;
export const AGENT_KPIS = { 'kpis:agents': true } as const satisfies ScopeDeclaration;
export const RECORDS = { 'records:read': true } as const satisfies ScopeDeclaration;
export const WRITE = { 'records:write': true } as const satisfies ScopeDeclaration;
export const ADMIN = { 'keys:admin': true } as const satisfies ScopeDeclaration;
/** The directory of teams and agents (names): needed to read KPIs by team or agent, and records. */
export const DIRECTORY = { 'kpis:read': true, 'records:read': true } as const satisfies ScopeDeclaration;
export const ANY_CALLER = { anyCaller: true } as const satisfies ScopeDeclaration;

/** scope-auth's per-request scope map: what this caller holds. */
export function grantedScopes(caller: Principal): AuthScopeFlags {
  const granted = Object.fromEntries(ALL_SCOPES.map((scope) => [scope, caller.scopes.has(scope)])) as Record<Scope, boolean>;
  return { ...granted, anyCaller: true };
}
