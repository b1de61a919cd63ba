// Idempotency keys for mutations: the first request with a key runs and its answer is kept;
// a retry with the same key and the same input gets that answer back without running again.
// Imports and upserts are idempotent by externalId anyway, so the narrow window between
// applying a mutation and storing its answer cannot apply anything twice.
import { createHash } from 'node:crypto';
import { prisma } from '../db/prisma.js';
import type { Prisma } from '../generated/prisma/client.js';
import { userInputError } from './errors.js';

/** `T` must be plain JSON data (it is stored as jsonb and returned as is to retries). */
export async function withIdempotency<T>(
  key: string | null | undefined,
  operation: string,
  input: unknown,
  run: () => Promise<T>,
): Promise<T> {
  if (!key) return run();
  if (key.length > 255) throw userInputError('idempotencyKey must be at most 255 characters');
  const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  const receipt = await prisma().mutationReceipt.findUnique({ where: { key } });
  if (receipt) {
    if (receipt.operation !== operation || receipt.requestHash !== requestHash) {
      throw userInputError(`idempotencyKey "${key}" was already used for a different request; send a new key for a new request`);
    }
    return receipt.response as unknown as T;
  }
  const response = await run();
  await prisma().mutationReceipt.createMany({ data: [{ key, operation, requestHash, response: response as unknown as Prisma.InputJsonValue }], skipDuplicates: true });
  return response;
}
