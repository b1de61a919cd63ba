// GraphQL is served at exactly one path. Yoga on its own also answers `/graphql/`, `//graphql`,
// `/foo/graphql` and even `/?x=/graphql` (it matches the end of the URL), while authentication
// and CSRF protection compare the path exactly: those other paths reached parsing and
// validation without a key. This hook runs when Yoga is about to parse a request as GraphQL,
// that is after every onRequest hook (health, readiness, and any route a plugin serves, such
// as a dashboard or /metrics) has had its chance to answer, so it refuses only what no route
// answered, before a single byte of the body is read.
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export function useExactGraphqlPath(graphqlEndpoint: string): Plugin {
  return {
    onRequestParse({ request }) {
      const { pathname } = new URL(request.url);
      if (pathname === graphqlEndpoint) return;
      throw createGraphQLError(`Nothing is served at ${pathname.slice(0, 200)}: GraphQL is at ${graphqlEndpoint}`, {
        extensions: { code: 'NOT_FOUND', http: { status: 404 } },
      });
    },
  };
}

/** Whether a request is for the GraphQL path itself (GraphiQL is offered there and nowhere else). */
export function isGraphqlPath(request: Request, graphqlEndpoint: string): boolean {
  return new URL(request.url).pathname === graphqlEndpoint;
}
