// Connection rules shared by every list in the API: a bounded page size that is enforced with
// a clear error (not silently clamped, which would make a client believe it saw everything),
// and orderings that always end in the unique id so pages never overlap or skip.
import { userInputError } from './errors.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Connection options for t.prismaConnection / t.relatedConnection. */
export const connectionSizes = { maxSize: MAX_PAGE_SIZE, defaultSize: DEFAULT_PAGE_SIZE } as const;

export interface PageArgs {
  first?: number | null;
  last?: number | null;
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
      throw userInputError(
        `${name} must be between 0 and ${MAX_PAGE_SIZE}, got ${value}; page through larger results with after/before`,
      );
    }
  }
  if (args.first != null && args.last != null) {
    throw userInputError('Pass either first (with after) or last (with before), not both');
  }
}

export type Direction = 'asc' | 'desc';

/** An ordering by `field`, tie-broken by the unique id in the same direction. */
export function orderWithTieBreaker<F extends string>(field: F, direction: Direction) {
  const order = [{ [field]: direction }] as Array<Record<string, Direction>>;
  if (field !== 'id') order.push({ id: direction });
  return order;
}
