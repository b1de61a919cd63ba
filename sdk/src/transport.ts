// Sends one GraphQL operation over HTTP: authentication, headers, typed result, errors, and
// retries for the requests that may safely run twice (queries, and mutations that carry an
// idempotency key).
import { prepareDocument, type AnyDocument } from './document.js';
import { DeskqlError, type GraphQLErrorInfo } from './errors.js';
import type { ResponseExtensions, ResultWithExtensions } from './extensions.js';
import { backoffDelay, isRetryableStatus, sleep, type RetryOptions } from './retry.js';

export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** Sent as `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Any fetch implementation (defaults to the global one); tests pass a server's own. */
  fetch?: FetchFunction;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  retry?: RetryOptions;
}

export interface ExecuteOptions {
  /** Makes a mutation safe to retry: the server applies a key once. */
  idempotencyKey?: string;
  /** Which operation to run when the document holds several. */
  operationName?: string;
  signal?: AbortSignal;
}

/** Variables are optional exactly when the operation declares none that are required. */
export type VariablesArg<TVariables> = Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

export function createTransport(options: ClientOptions) {
  const fetchFn: FetchFunction = options.fetch ?? ((input, init) => fetch(input, init));
  const retries = options.retry?.retries ?? 3;
  const baseDelayMs = options.retry?.baseDelayMs ?? 200;
  const maxRateLimitWaitMs = options.retry?.maxRateLimitWaitMs ?? 10_000;

  return async function send(
    document: AnyDocument,
    variables?: unknown,
    execution: ExecuteOptions = {},
  ): Promise<ResultWithExtensions<unknown>> {
    const { query, operationType } = prepareDocument(document, execution.operationName);
    // A document this client cannot parse may still be a mutation: only the server knows.
    const safeToRetry = operationType === 'query' || execution.idempotencyKey !== undefined;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...options.headers,
    };
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    if (execution.idempotencyKey) headers['idempotency-key'] = execution.idempotencyKey;
    const body = JSON.stringify({
      query,
      variables: variables ?? {},
      ...(execution.operationName ? { operationName: execution.operationName } : {}),
    });

    for (let attempt = 0; ; attempt++) {
      const canRetry = safeToRetry && attempt < retries;
      let response: Response;
      try {
        response = await fetchFn(options.url, { method: 'POST', headers, body, signal: execution.signal });
      } catch (cause) {
        if (canRetry && !execution.signal?.aborted) {
          await sleep(backoffDelay(attempt, baseDelayMs));
          continue;
        }
        throw new DeskqlError(`Could not reach ${options.url}: ${(cause as Error).message}`, { code: 'NETWORK_ERROR', cause });
      }
      if (canRetry && isRetryableStatus(response.status)) {
        await sleep(backoffDelay(attempt, baseDelayMs));
        continue;
      }
      // Over the key's rate limit: the operation did not run, so waiting and retrying is safe
      // even for a mutation; a wait longer than maxRateLimitWaitMs is the caller's decision.
      const rateLimitWait = retryAfterMs(response);
      if (response.status === 429 && attempt < retries && rateLimitWait !== null && rateLimitWait <= maxRateLimitWaitMs) {
        await sleep(rateLimitWait);
        continue;
      }
      const payload = (await response.json().catch(() => null)) as {
        data?: unknown;
        errors?: GraphQLErrorInfo[];
        extensions?: ResponseExtensions;
      } | null;
      if (payload?.errors?.length) throw DeskqlError.fromGraphQL(payload.errors, response.status);
      if (!response.ok || !payload || payload.data === undefined || payload.data === null) {
        throw new DeskqlError(`DeskQL answered HTTP ${response.status} without data`, {
          code: `HTTP_${response.status}`,
          status: response.status,
        });
      }
      return { data: payload.data, extensions: payload.extensions ?? {} };
    }
  };
}

/** The Retry-After header of a response, in ms; null when absent or not a number of seconds. */
function retryAfterMs(response: Response): number | null {
  const value = response.headers.get('retry-after');
  return value !== null && /^\d+$/.test(value) ? Number(value) * 1000 : null;
}
