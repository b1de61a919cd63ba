// Lends a request its database client when its operation is about to touch the database, and
// not before (server/db/client-pool.ts, server/db/request-clients.ts): a query answer borrows
// the caller's client on the read database (its snapshot opens there, and while it is computed
// ctx.prisma is that snapshot), a mutation the caller's client on the primary. A cached answer,
// an answer shared with an identical request in flight and a request still waiting for its KPI
// turn borrow nothing, so the clients alive (each holding several MiB) follow the questions
// being computed, not the requests being answered. When every client stays lent past
// REQUEST_CLIENT_WAIT_MS the answer is 503 with Retry-After.
//
// Order: after useAnswerSnapshot (whose execute wrapper therefore runs inside this one, once the
// client is lent) and before useKpiAdmission and the response cache (whose wrappers run outside).
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { ClientsExhausted } from '../../db/client-pool.js';
import type { Database } from '../../db/database.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { DeskqlServerContext } from '../../http/server-context.js';
import type { GraphQLContext } from '../context.js';
import { isQuery } from '../operation-kind.js';

export interface ClientLendingOptions {
  /** The primary: mutations write through the caller's client on it. */
  db: Database;
  /** Where query answers read (DATABASE_READ_URL, else the primary). */
  readDb: Database;
}

export function useClientLending(options: ClientLendingOptions): Plugin<GraphQLContext> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const context = args.contextValue as GraphQLContext & DeskqlServerContext;
      const query = isQuery(args.document, args.operationName);
      setExecuteFn(async (executionArgs) => {
        const clients = context.clients;
        if (!clients) throw new Error('useRequestClients must run before useClientLending');
        const db = query ? options.readDb : options.db;
        let client: PrismaClient;
        try {
          client = await clients.borrow(db, context.caller, context.stop);
        } catch (error) {
          if (error instanceof ClientsExhausted) return exhausted(error);
          // The operation stopped while it waited (OPERATION_TIMEOUT_MS, or the client left).
          if (error instanceof GraphQLError) return { errors: [error] };
          throw error;
        }
        // With one database for both, the one client serves as either.
        const oneDatabase = options.readDb === options.db;
        if (query || oneDatabase) context.readPrisma = client;
        if (!query || oneDatabase) context.prisma = client;
        return executeFn(executionArgs);
      });
    },
  };
}

function exhausted(error: ClientsExhausted): ExecutionResult {
  const retryAfter = String(Math.max(1, Math.ceil(error.waitedMs / 1000)));
  return {
    errors: [
      createGraphQLError(`The server's ${error.max} database clients are all busy (REQUEST_CLIENTS_MAX); retry after ${retryAfter} s`, {
        extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'retry-after': retryAfter } } },
      }),
    ],
  };
}

/**
 * What ctx.prisma and ctx.readPrisma are until execution lends the request its client: any use
 * before that (or of the primary's client in a query answer read from a replica) is a bug, and
 * says so instead of silently borrowing.
 */
export function notLentYet(field: 'prisma' | 'readPrisma'): PrismaClient {
  return new Proxy({} as PrismaClient, {
    get(_target, property) {
      // Promise resolution and inspection probe `then` and symbols: those are not uses.
      if (property === 'then' || typeof property === 'symbol') return undefined;
      throw new Error(
        `ctx.${field}.${String(property)}: no database client is lent to this request here (plugins/client-lending.ts lends one when execution needs it)`,
      );
    },
  });
}
