// Connection rules shared by every list in the API: a bounded page size that is enforced with
// a clear error (not silently clamped, which would make a client believe it saw everything),
// and orderings that always end in the unique id so pages never overlap or skip.
import { decodeBase64, decodeCursorChunk } from '@pothos/core';
import { userInputError } from './errors.js';
import { MAX_DATABASE_ID } from './global-id.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Connection options for t.prismaConnection / t.relatedConnection. */
export const connectionSizes = { maxSize: MAX_PAGE_SIZE, defaultSize: DEFAULT_PAGE_SIZE } as const;

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/**
 * Rejects page sizes over the maximum. Takes the field's whole argument object: Pothos types
 * a related connection's `query` callback without the connection arguments, but passes them.
 */
export function assertPageSize(fieldArgs: object): void {
  const args = fieldArgs as PageArgs;
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw userInputError(`${name} must be between 0 and ${MAX_PAGE_SIZE}, got ${value}; page through larger results with after/before`);
    }
  }
  if (args.first != null && args.last != null) {
    throw userInputError('Pass either first (with after) or last (with before), not both');
  }
  for (const name of ['after', 'before'] as const) {
    const cursor = args[name];
    if (cursor != null && !isPlausibleCursor(cursor)) {
      throw userInputError(`${name} is not a cursor of this API: pass pageInfo.endCursor / startCursor or an edge's cursor as returned`);
    }
  }
}

/**
 * Whether a cursor holds only what this API's cursors hold: ids and other integers within
 * PostgreSQL's integer range, instants, and short strings (ordering values). A forged cursor
 * would otherwise reach SQL and fail there as an unexpected error.
 */
function isPlausibleCursor(cursor: string): boolean {
  try {
    const decoded = decodeBase64(cursor);
    if (!decoded.startsWith('GPC:')) return false;
    const value: unknown = decodeCursorChunk(decoded.slice(4));
    // Every list ends its ordering in the integer id, alone or after the ordering values.
    const values: unknown[] = Array.isArray(value) ? value : [value];
    return isId(values[values.length - 1]) && values.every(isCursorValue);
  } catch {
    return false;
  }
}

function isId(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_DATABASE_ID;
}

function isCursorValue(value: unknown): boolean {
  if (value === null || isId(value)) return true;
  if (typeof value === 'string') return value.length <= 1000 && !value.includes('\u0000');
  return value instanceof Date && !Number.isNaN(value.getTime());
}

export type Direction = 'asc' | 'desc';

/** An ordering by `field`, tie-broken by the unique id in the same direction. */
export function orderWithTieBreaker<F extends string>(field: F, direction: Direction) {
  const order = [{ [field]: direction }] as Array<Record<string, Direction>>;
  if (field !== 'id') order.push({ id: direction });
  return order;
}
