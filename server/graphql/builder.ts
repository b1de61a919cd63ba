// The Pothos schema builder and its plugins. It defines no types itself: type files import
// the builder, never the other way round, which keeps circular imports safe.
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import type { PrismaClient } from '../generated/prisma/client.js';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { createGraphQLError } from 'graphql-yoga';
import { grantedScopes, RECORDS, type AuthScopeFlags } from '../auth/scope-declarations.js';
import type PrismaTypes from '../generated/pothos-types.js';
import { getDatamodel } from '../generated/pothos-types.js';
import type { GraphQLContext } from './context.js';
import { decodeGlobalID, encodeGlobalID } from './global-id.js';

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopeFlags;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    ID: { Input: string; Output: string | number };
    TableValue: { Input: never; Output: string | number | boolean | null };
  };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
}>({
  // Scope auth first, so its checks wrap every other plugin's resolvers. Dataloader: lists
  // plugin-prisma cannot plan as relations (an API key's teams, from an id array).
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // The caller is read from the context only: it is the one request state scope-auth sees.
    authScopes: (context) => grantedScopes(context.caller),
    // The check before execution (plugins/access-control.ts) refuses a whole operation that
    // selects a field the key may not read, so this only fires if that check was bypassed;
    // it answers in the same shape.
    unauthorizedError: (_parent, context, info) =>
      createGraphQLError(`${info.parentType.name}.${info.fieldName} is not open to the key "${context.caller.name}"`, {
        extensions: { code: 'FORBIDDEN', http: { status: 403 } },
      }),
  },
  prisma: {
    // The caller's client, or the answer's snapshot transaction (server/graphql/context.ts),
    // which has every model method plugin-prisma calls.
    client: (ctx) => ctx.prisma as PrismaClient,
    dmmf: getDatamodel(),
    // Model and field comments in schema.prisma become GraphQL descriptions.
    exposeDescriptions: true,
    // totalCount counts what the connection's filter selects, not the whole relation.
    filterConnectionTotalCount: true,
    // A resolver that forgets to spread `query` silently loses relation preloading (N+1).
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'error',
  },
  relay: {
    encodeGlobalID,
    decodeGlobalID,
    clientMutationId: 'omit',
    cursorType: 'String',
    // `nodes(ids:)` would let one request fan out to arbitrarily many lookups; `node(id:)` stays.
    nodesQueryOptions: false,
    nodeQueryOptions: { description: 'Fetches any record by its global ID.', authScopes: RECORDS },
  },
});
