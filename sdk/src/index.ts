// @deskql/sdk: a typed client for the DeskQL metrics API. This file is the whole public
// surface: everything not named here (or in ./documents.ts) is internal and may change in any
// release. test/sdk-surface.test.ts holds the list of runtime exports to keep it deliberate.
export { createClient, type DeskqlClient } from './client.js';
export { DeskqlError, type GraphQLErrorInfo } from './errors.js';
export type { AnyDocument, DocumentNodeLike, TypedDocument } from './document.js';
export type { ResponseExtensions, ResultWithExtensions } from './extensions.js';
export type { Page } from './paginate.js';
export type { RetryOptions } from './retry.js';
export type { ClientOptions, ExecuteOptions, FetchFunction } from './transport.js';
export * from './documents.js';
