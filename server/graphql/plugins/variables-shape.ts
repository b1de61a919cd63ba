// Limits the shape of a request's variables before anything reads them. GraphQL coerces
// variables recursively: 100,000 nested lists overflowed the stack and answered 500, and a
// list of 500,000 ids reached SQL as one statement with more bind parameters than PostgreSQL
// takes ("Unexpected error."). No input of this API needs more than 20 levels or 1,000 items.
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export const MAX_VARIABLE_DEPTH = 20;
export const MAX_LIST_ITEMS = 1000;

export function useVariablesShape(): Plugin {
  return {
    onParams({ params, setResult }) {
      const problem = shapeProblem(params.variables);
      if (!problem) return;
      setResult({ errors: [createGraphQLError(problem, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } })] });
    },
  };
}

/** Walks without recursion, so that the check itself cannot overflow the stack. */
function shapeProblem(variables: unknown): string | null {
  const pending: Array<{ value: unknown; depth: number; path: string }> = [{ value: variables, depth: 0, path: 'variables' }];
  while (pending.length > 0) {
    const { value, depth, path } = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_VARIABLE_DEPTH)
      return `${path.slice(0, 200)}: variables may nest at most ${MAX_VARIABLE_DEPTH} levels deep; no input of this API needs more`;
    if (Array.isArray(value)) {
      if (value.length > MAX_LIST_ITEMS) {
        return `${path.slice(0, 200)} holds ${value.length} items, more than the ${MAX_LIST_ITEMS} any list input takes; split the request`;
      }
      value.forEach((item, index) => {
        pending.push({ value: item, depth: depth + 1, path: `${path}[${index}]` });
      });
    } else {
      for (const [key, item] of Object.entries(value)) pending.push({ value: item, depth: depth + 1, path: `${path}.${key}` });
    }
  }
  return null;
}
