// PostgreSQL text cannot hold the NUL character: a string argument containing one would fail
// in SQL as an unexpected error. It is refused up front as bad input, naming where it was.
import { getOperationAST, visit, type DocumentNode } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export function useNoNulStrings(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const where = nulIn(args.document, args.operationName ?? undefined, args.variableValues ?? {});
      if (where) {
        setResultAndStopExecution({
          errors: [
            createGraphQLError(`${where} contains the NUL character (\\u0000), which no text can hold here; remove it`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            }),
          ],
        });
      }
    },
  };
}

function nulIn(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): string | null {
  let found: string | null = null;
  visit(getOperationAST(document, operationName) ?? document, {
    StringValue(node) {
      if (!found && node.value.includes('\u0000')) found = 'A string in the query';
    },
  });
  return found ?? nulInValue(variables, 'variables');
}

function nulInValue(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulInValue(item, `${path}[${index}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulInValue(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}
