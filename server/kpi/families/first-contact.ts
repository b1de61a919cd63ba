// First contact resolution, over tickets placed by resolvedAt that had at least one
// interaction: resolved with exactly one, not transferred, never reopened. Its counts come
// from the resolved family's statement (resolved.ts); a window or group holds FCR values only
// where such tickets exist, as when it had a statement of its own.
import type { ResolvedValues } from './resolved.js';

export interface FirstContactValues {
  resolvedOnFirstContact: number;
  resolvedWithContact: number;
}

export const emptyFirstContact = (): FirstContactValues => ({ resolvedOnFirstContact: 0, resolvedWithContact: 0 });

export function firstContactOf(resolved: ResolvedValues): FirstContactValues | null {
  if (resolved.resolvedWithContact === 0) return null;
  return { resolvedOnFirstContact: resolved.resolvedOnFirstContact, resolvedWithContact: resolved.resolvedWithContact };
}
