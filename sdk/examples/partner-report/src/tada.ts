// gql.tada, set up once for the schema @deskql/sdk ships: `gql.tada generate output` (npm run
// codegen) writes src/generated/graphql-env.d.ts from node_modules/@deskql/sdk/schema.graphql.
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './generated/graphql-env.js';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  // As the SDK's own types: instants are ISO 8601 strings, IDs opaque strings.
  scalars: { DateTime: string; ID: string };
}>();
