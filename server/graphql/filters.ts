// Building blocks shared by the list filters: ID lists, enum lists and time ranges.
import { userInputError } from './errors.js';
import { databaseIdsOf } from './global-id.js';

/** `{ in: ids }` for a list of global IDs of one type, or undefined when the list is absent. */
export function idsIn(typename: string, ids: readonly string[] | null | undefined, argument: string) {
  return ids ? { in: databaseIdsOf(typename, ids, argument) } : undefined;
}

/** `{ in: values }`, or undefined when the list is absent. */
export function valuesIn<T>(values: readonly T[] | null | undefined) {
  return values ? { in: [...values] } : undefined;
}

/** A half-open range [from, to), as Prisma conditions; either end may be open. */
export function instantRange(from: Date | null | undefined, to: Date | null | undefined, argument: string) {
  if (from && to && from.getTime() >= to.getTime()) {
    throw userInputError(`${argument}: the start (${from.toISOString()}) must be before the end (${to.toISOString()})`);
  }
  if (!from && !to) return undefined;
  return { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) };
}
