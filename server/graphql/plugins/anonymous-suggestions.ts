// GraphQL's validation messages suggest field names ("Did you mean …?"), which lets a caller
// map the schema without introspection. Callers without a key (the embedded demo) get the
// messages without the suggestions; identified callers keep them, since they help.
import type { Plugin } from 'graphql-yoga';
import { createGraphQLError } from 'graphql-yoga';
import { principalOf } from '../../http/authentication.js';

const SUGGESTION = / ?Did you mean .*\?$/;

export function useNoSuggestionsForAnonymous(): Plugin<{ request?: Request }> {
  return {
    onValidate({ context }) {
      if (principalOf(context.request)?.keyId !== null) return;
      return ({ result, setResult }) => {
        if (!result.some((error) => SUGGESTION.test(error.message))) return;
        setResult(
          result.map((error) =>
            SUGGESTION.test(error.message)
              ? createGraphQLError(error.message.replace(SUGGESTION, ''), { nodes: error.nodes, extensions: error.extensions })
              : error,
          ),
        );
      };
    },
  };
}
