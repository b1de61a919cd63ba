// Runs each operation as its caller: refuses it (403) when the caller's scopes do not cover
// what it selects, charges its cost to the caller's rate limit (429 with Retry-After when the
// bucket is short) and reports the cost in `extensions.cost`. The caller is ctx.caller; team
// restrictions are in the caller's database client (ctx.prisma), not here.
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { missingScopes } from '../../auth/authorization.js';
import { charge, debit, type RateLimit } from '../../auth/rate-limit.js';
import type { SqlClient } from '../../db/sql-client.js';
import { databaseUnavailableError } from '../errors.js';
import type { Logger } from '../../logger.js';
import type { GraphQLContext } from '../context.js';

export interface AccessControlOptions {
  sql: SqlClient;
  logger: Logger;
  rateLimit: RateLimit;
}

export function useAccessControl(options: AccessControlOptions): Plugin<GraphQLContext> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as GraphQLContext;
      const principal: GraphQLContext['caller'] | undefined = context.caller;
      if (!principal) {
        // Only reachable if authentication was skipped for this request: fail closed.
        setResultAndStopExecution({
          errors: [refusal(401, 'UNAUTHENTICATED', 'This API needs a key: send "Authorization: Bearer <key>"')],
        });
        return;
      }
      const missing = missingScopes(
        args.schema,
        args.document,
        args.operationName ?? undefined,
        args.variableValues ?? undefined,
        principal,
      );
      if (missing.length > 0) {
        const scopes = [...principal.scopes].join(', ') || 'none';
        setResultAndStopExecution({
          errors: missing.map((problem) => refusal(403, 'FORBIDDEN', `${problem}; the key "${principal.name}" has ${scopes}`)),
        });
        return;
      }
      const cost = context.cost?.estimated ?? 0;
      const subject = principal.keyId === null ? 'anonymous' : `key:${principal.keyId}`;
      let remaining: number | null = null;
      if (options.rateLimit.refillPerSecond > 0) {
        let result;
        try {
          result = await charge(options.sql, subject, cost, options.rateLimit);
        } catch (error) {
          options.logger.warn('rate limit check failed: database unavailable', { error: (error as Error).message });
          setResultAndStopExecution({ errors: [databaseUnavailableError()] });
          return;
        }
        if (!result.allowed) {
          const wait = result.retryAfterSeconds;
          const message =
            wait === null
              ? `Rate limit: this operation costs ${cost}, more than the ${options.rateLimit.burst} a key can ever spend at once; select less`
              : `Rate limit: this operation costs ${cost} and the key "${principal.name}" has ${result.remaining} left ` +
                `(${options.rateLimit.burst} at most, ${options.rateLimit.refillPerSecond} regained per second); retry after ${wait} s`;
          setResultAndStopExecution({
            errors: [refusal(429, 'RATE_LIMITED', message, wait === null ? {} : { 'retry-after': String(wait) })],
            extensions: { cost: costReport(cost, result.remaining, options.rateLimit) },
          });
          return;
        }
        remaining = result.remaining;
      }
      return {
        async onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          // kpiSlices found more groups than the estimate counted: the rest is charged now.
          const actual = context.cost?.actual ?? cost;
          if (actual > cost && options.rateLimit.refillPerSecond > 0) {
            remaining = await debit(options.sql, subject, actual - cost, options.rateLimit).catch(() => remaining);
          }
          setResult({ ...result, extensions: { ...result.extensions, cost: costReport(actual, remaining, options.rateLimit) } });
        },
      };
    },
  };
}

function costReport(cost: number, remaining: number | null, limit: RateLimit) {
  return limit.refillPerSecond > 0
    ? { requested: cost, remaining, burst: limit.burst, refillPerSecond: limit.refillPerSecond }
    : { requested: cost };
}

function refusal(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return createGraphQLError(message, { extensions: { code, http: { status, headers } } });
}
