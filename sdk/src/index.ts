// @deskql/sdk: a typed client for the DeskQL metrics API.
export { createClient, type DeskqlClient } from './client.js';
export { DeskqlError, type GraphQLErrorInfo } from './errors.js';
export type { Page } from './paginate.js';
export type { RetryOptions } from './retry.js';
export type { ClientOptions, ExecuteOptions, FetchFunction, TypedDocument } from './transport.js';
// Every generated document and type: operations, inputs, enums, results.
export * from './generated/graphql.js';
