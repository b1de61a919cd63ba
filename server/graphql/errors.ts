// How errors reach clients. Expected failures (bad arguments) carry
// extensions.code = "BAD_USER_INPUT" and a message saying what to change; anything else is
// masked by Yoga as "Unexpected error." so that no SQL, stack or connection string leaks.
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { createGraphQLError, maskError as defaultMaskError } from 'graphql-yoga';

export function userInputError(message: string): GraphQLError {
  return createGraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * Yoga's error mask, extended: Pothos rejects malformed cursors and global IDs with its own
 * error class, which is the client's mistake, not ours, so it is reported as bad input.
 */
export function maskError(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof PothosValidationError && error instanceof GraphQLError) {
    return createGraphQLError(original.message, {
      nodes: error.nodes,
      path: error.path,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return defaultMaskError(error, message, isDev);
}
