// Every kind of GraphQL document a partner may hold, turned into the text the server parses.
// Partners make documents in many ways: a string, graphql's `parse()`, graphql-codegen's client
// preset (a TypedDocumentNode AST by default, a TypedDocumentString in string mode) or gql.tada.
// ASTs are printed with @0no-co/graphql.web: a spec-complete printer of a few kilobytes that
// runs in browsers, where pulling in graphql-js for one `print` would be a heavy price.
import { parse, print } from '@0no-co/graphql.web';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { DeskqlError } from './errors.js';

/**
 * A parsed document: graphql-js's `DocumentNode`, graphql.web's, or anything else with the
 * same shape (codegen and gql.tada documents are such ASTs). Structural, so the SDK needs no
 * GraphQL library in its types.
 */
export interface DocumentNodeLike {
  readonly kind: string;
  readonly definitions: ReadonlyArray<{ readonly kind: string; readonly operation?: string; readonly name?: { readonly value: string } }>;
}

/** A document whose result and variables types travel with it (codegen, gql.tada). */
// biome-ignore lint/complexity/noBannedTypes: codegen's TypedDocumentString extends String
export type TypedDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & (DocumentNodeLike | String);

/** What execute() accepts: a query string, a TypedDocumentString (a String object), or an AST. */
// biome-ignore lint/complexity/noBannedTypes: codegen's TypedDocumentString extends String
export type AnyDocument = string | String | DocumentNodeLike;

export interface PreparedDocument {
  /** The text sent as `query`. */
  query: string;
  /** 'query', 'mutation' or 'subscription'; null when the text could not be parsed here (the server will say why). */
  operationType: string | null;
}

/** The text of any document, and the type of the operation that will run. */
export function prepareDocument(document: AnyDocument, operationName?: string): PreparedDocument {
  if (typeof document === 'string' || document instanceof String) {
    const query = String(document);
    return { query, operationType: operationTypeOf(parseOrNull(query), operationName) };
  }
  if (isDocumentNode(document)) {
    return { query: print(document as never), operationType: operationTypeOf(document, operationName) };
  }
  throw new DeskqlError(
    `execute() takes a GraphQL document: a string, a DocumentNode (graphql's parse(), gql.tada, codegen) or a TypedDocumentString; it was given ${describe(document)}.`,
    { code: 'INVALID_DOCUMENT' },
  );
}

function isDocumentNode(value: unknown): value is DocumentNodeLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as DocumentNodeLike).kind === 'Document' &&
    Array.isArray((value as DocumentNodeLike).definitions)
  );
}

function parseOrNull(query: string): DocumentNodeLike | null {
  try {
    return parse(query) as unknown as DocumentNodeLike;
  } catch {
    return null;
  }
}

/** The type of the operation the server will run: the named one, or the only one. */
function operationTypeOf(document: DocumentNodeLike | null, operationName: string | undefined): string | null {
  const operations = document?.definitions.filter((d) => d.kind === 'OperationDefinition') ?? [];
  const chosen =
    operationName === undefined
      ? operations.length === 1
        ? operations[0]
        : undefined
      : operations.find((d) => d.name?.value === operationName);
  return chosen?.operation ?? null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return `a ${typeof value}`;
  const kind = (value as { kind?: unknown }).kind;
  return kind === undefined ? 'an object that is not a GraphQL AST' : `an AST node of kind ${String(kind)}`;
}
