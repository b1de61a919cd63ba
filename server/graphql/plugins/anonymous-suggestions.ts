// GraphQL's error messages suggest names ("Did you mean …?"): fields in validation errors,
// enum values and input fields in variable errors. That lets a caller map the schema without
// introspection. Callers without a key (the embedded demo) get the messages without the
// suggestions; identified callers keep them, since they help.
//
// Why not graphql-armor's block-field-suggestions plugin: it has no per-caller switch; it
// rewrites messages in onValidate, whose result Yoga's validation cache (registered after our
// plugins) then stores, so after one anonymous request every keyed caller of the same document
// would lose the suggestion too; and it misses enum-value suggestions ("Did you mean the enum
// value …?") and the variable errors GraphQL reports at execution. Rewriting the answer here
// leaves the cache alone (test/security-scanner/information-leaks.test.ts, "field suggestions").
import type { GraphQLError } from 'graphql';
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { DeskqlServerContext } from '../../http/server-context.js';

const SUGGESTION = / ?Did you mean [^?]*\?/;
const EVERY_SUGGESTION = new RegExp(SUGGESTION.source, 'g');

export function useNoSuggestionsForAnonymous(): Plugin<Record<string, unknown>, DeskqlServerContext> {
  return {
    onResultProcess({ serverContext, result, setResult }) {
      if (serverContext.caller?.keyId !== null) return;
      if (Symbol.asyncIterator in result) return;
      const results = Array.isArray(result) ? result : [result];
      if (!results.some((one) => one.errors?.some((error) => SUGGESTION.test(error.message)))) return;
      const cleaned = results.map(withoutSuggestions);
      setResult(Array.isArray(result) ? cleaned : cleaned[0]!);
    },
  };
}

function withoutSuggestions<R extends ExecutionResult>(result: R): R {
  if (!result.errors) return result;
  return {
    ...result,
    errors: result.errors.map((error) => {
      const message = error.message.replace(EVERY_SUGGESTION, '');
      if (message === error.message) return error;
      // Keep the error's serialised shape (locations, path, extensions) with the new message.
      const json = typeof error.toJSON === 'function' ? error.toJSON() : { ...error };
      return { ...json, message, toJSON: () => ({ ...json, message }) } as unknown as GraphQLError;
    }),
  };
}
