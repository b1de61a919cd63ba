// Idempotency keys for mutations: the first request with a key runs and its answer is kept;
// a retry with the same key and the same input gets that answer back without running again.
// The key comes from the mutation's `input.idempotencyKey` or, for every mutation, from the
// `Idempotency-Key` header the SDK sends with its retries. Receipts belong to the API key that
// sent them (another key reusing the same string neither blocks the owner nor reads its
// answer), expire after RECEIPT_TTL_HOURS (pruned as new ones are written), and hold their
// answer encrypted with a key derived from the idempotency key, since an answer may carry a
// freshly created API key: the database alone cannot reveal it.
// Imports and upserts are idempotent by externalId anyway, so the narrow window between
// applying a mutation and storing its answer cannot apply anything twice.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from './context.js';
import { userInputError } from './errors.js';

export const RECEIPT_TTL_HOURS = 24;
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** `T` must be plain JSON data (it is stored and returned as is to retries). */
export async function withIdempotency<T>(
  request: { context: GraphQLContext; info: GraphQLResolveInfo; inputKey?: string | null },
  input: unknown,
  run: () => Promise<T>,
): Promise<T> {
  const key = idempotencyKeyOf(request);
  if (!key) return run();
  if (key.length > 255)
    throw userInputError('The idempotency key (input.idempotencyKey or the Idempotency-Key header) must be at most 255 characters');
  const operation = request.info.fieldName;
  const { caller, prisma } = request.context;
  const owner = caller.keyId === null ? 'anonymous' : `key:${caller.keyId}`;
  const keyHash = sha256(key);
  const requestHash = sha256(JSON.stringify(input));
  const receipt = await prisma.idempotencyReceipt.findUnique({ where: { owner_keyHash: { owner, keyHash } } });
  if (receipt && receipt.createdAt.getTime() > Date.now() - RECEIPT_TTL_HOURS * 3_600_000) {
    if (receipt.operation !== operation || receipt.requestHash !== requestHash) {
      throw userInputError(
        `idempotencyKey "${key.slice(0, 100)}" was already used for a different request; send a new key for a new request`,
      );
    }
    return JSON.parse(decrypt(receipt.response, key, owner)) as T;
  }
  const response = await run();
  await prisma.idempotencyReceipt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - RECEIPT_TTL_HOURS * 3_600_000) } } });
  await prisma.idempotencyReceipt.upsert({
    where: { owner_keyHash: { owner, keyHash } },
    create: { owner, keyHash, operation, requestHash, response: encrypt(JSON.stringify(response), key, owner) },
    update: { operation, requestHash, response: encrypt(JSON.stringify(response), key, owner), createdAt: new Date() },
  });
  return response;
}

/**
 * The key in the input wins; the header's applies to every mutation field of the request,
 * each under its own response name, so that two mutations in one request keep two receipts.
 */
function idempotencyKeyOf(request: { context: GraphQLContext; info: GraphQLResolveInfo; inputKey?: string | null }): string | null {
  if (request.inputKey) return request.inputKey;
  const header = request.context.request?.headers.get(IDEMPOTENCY_HEADER);
  if (!header) return null;
  return `${header} ${request.info.path.key}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function cipherKey(idempotencyKey: string, owner: string): Buffer {
  return Buffer.from(hkdfSync('sha256', idempotencyKey, owner, 'deskql idempotency receipt', 32));
}

function encrypt(text: string, idempotencyKey: string, owner: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cipherKey(idempotencyKey, owner), iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function decrypt(stored: string, idempotencyKey: string, owner: string): string {
  const bytes = Buffer.from(stored, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', cipherKey(idempotencyKey, owner), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}
