// Runs every query answer that has to be computed in one database snapshot (docs/kpis.md, "One
// answer, one snapshot"; server/db/answer-snapshot.ts) and reports its freshness in
// extensions.freshness { dataVersion, dataAsOf, cached } on every answer (api-contract).
//
// Order: after useAccessControl (which refuses callers before any snapshot is opened) and
// before useClientLending, useKpiAdmission and useAnswerCache, whose execute wrappers therefore
// run outside this one: the snapshot opens on the client just lent (ctx.readPrisma), a cache hit
// or an answer shared with an identical request in flight opens no snapshot, and a queued
// request holds no client and no connection while it waits.
import { locatedError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { AnswerSnapshot, type SnapshotOptions } from '../../db/answer-snapshot.js';
import { readDataVersion } from '../../db/data-version.js';
import type { SqlClient } from '../../db/sql-client.js';
import type { DeskqlServerContext } from '../../http/server-context.js';
import type { GraphQLContext } from '../context.js';
import { isQuery } from '../operation-kind.js';

export interface AnswerSnapshotOptions extends SnapshotOptions {
  sql: SqlClient;
  /** Told of every query answer whether it was computed or reused (the cache hit and miss metrics). */
  onQueryAnswer?: (cached: boolean) => void;
}

export function useAnswerSnapshot(options: AnswerSnapshotOptions): Plugin<GraphQLContext> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const context = args.contextValue as GraphQLContext & DeskqlServerContext;
      const query = isQuery(args.document, args.operationName);
      if (query) {
        setExecuteFn(async (executionArgs) => {
          let snapshot: AnswerSnapshot;
          try {
            // A restricted caller's transactions begin with a query of their own (server/db/row-scope.ts),
            // so they cannot import a snapshot: one lane.
            const lanes = context.caller.teamIds ? 1 : options.lanes;
            snapshot = await AnswerSnapshot.open(context.readPrisma, { ...options, lanes });
          } catch (error) {
            // Failing to open the snapshot is the answer's database failing: an error in the
            // result, masked (or a 503 for a lost database) like any resolver's database error.
            return { data: null, errors: [locatedError(error, undefined)] };
          }
          context.freshness.computedFrom = snapshot.version;
          // Every resolver reads ctx.prisma: for this answer, that is the snapshot.
          const executing = executionArgs.contextValue as GraphQLContext;
          const callersClient = executing.prisma;
          executing.prisma = snapshot.client;
          try {
            return await executeFn(executionArgs);
          } finally {
            executing.prisma = callersClient;
            const closing = snapshot.close();
            // A stopped answer (OPERATION_TIMEOUT_MS, client gone) is sent at once: a statement
            // it started may still run for a while, and the transaction ends after it. Its
            // clients (and its KPI turn) are held until then, not its answer.
            if (context.stop.stopped && context.clients) context.clients.holdUntil(closing);
            else await closing;
          }
        });
      }
      return {
        async onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          // A mutation's answer reports the version its own writes produced.
          const freshness = query
            ? context.freshness.report(result.extensions?.freshness)
            : { ...(await readDataVersion(options.sql).catch(() => undefined)), cached: false };
          if (freshness) setResult({ ...result, extensions: { ...result.extensions, freshness } });
          if (query && freshness) options.onQueryAnswer?.(freshness.cached);
        },
      };
    },
  };
}
