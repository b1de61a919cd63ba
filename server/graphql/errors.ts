// How errors reach clients. Expected failures (bad arguments) carry
// extensions.code = "BAD_USER_INPUT" and a message saying what to change; a database that
// cannot be reached is SERVICE_UNAVAILABLE (HTTP 503, safe to retry); anything else is masked
// by Yoga as "Unexpected error." so that no SQL, stack or connection string leaks.
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { createGraphQLError, maskError as defaultMaskError } from 'graphql-yoga';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '../db/unavailable.js';

/** Messages echo client input; a huge input must not come back whole. */
const MAX_MESSAGE_LENGTH = 1000;

export function userInputError(message: string): GraphQLError {
  return createGraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** A lost or unreachable database: 503, safe to retry after a second. */
export function databaseUnavailableError(at: Pick<GraphQLError, 'nodes' | 'path'> = { nodes: undefined, path: undefined }): GraphQLError {
  return createGraphQLError(DATABASE_UNAVAILABLE, {
    nodes: at.nodes,
    path: at.path,
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'retry-after': '1' } } },
  });
}

/**
 * Yoga's error mask, extended: Pothos rejects malformed cursors and global IDs with its own
 * error class, which is the client's mistake, not ours, so it is reported as bad input; a lost
 * database is reported as such. Never in "development" mode: whatever NODE_ENV says on a
 * server, no original error (stack, SQL) is attached to a response.
 */
export function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  const nodes = error instanceof GraphQLError ? error.nodes : undefined;
  const path = error instanceof GraphQLError ? error.path : undefined;
  if (original instanceof PothosValidationError) {
    return createGraphQLError(truncate(original.message), { nodes, path, extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (original && !(original instanceof GraphQLError) && isDatabaseUnavailable(original)) return databaseUnavailableError({ nodes, path });
  const masked = defaultMaskError(error, message, false);
  if (masked instanceof GraphQLError && masked.message.length > MAX_MESSAGE_LENGTH) {
    return createGraphQLError(truncate(masked.message), { nodes: masked.nodes, path: masked.path, extensions: masked.extensions });
  }
  return masked;
}

function truncate(message: string): string {
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}… (cut)` : message;
}
