// Checks every connection's page size and prices each operation before it executes (cost/estimate.ts) from its coerced variables and
// their defaults, refuses it over MAX_QUERY_COST, and puts the cost on the context, where the
// rate limit charges it (access-control.ts) and kpiSlices corrects it (cost/correction.ts).
// It runs in onExecute, not as a validation rule: validation sees no variables, and keeping
// request state out of validation lets Yoga cache validation results again.
import { getOperationAST, getVariableValues, Kind, type FragmentDefinitionNode, type GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../context.js';
import { estimateCost } from '../cost/estimate.js';
import { assertPageSize } from '../pagination.js';

export function useOperationCost(maxCost: number): Plugin<GraphQLContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      if (!operation) return;
      const coerced = getVariableValues(
        args.schema,
        operation.variableDefinitions ?? [],
        (args.variableValues ?? {}) as Record<string, unknown>,
        { maxErrors: 1 },
      );
      // Variables that do not coerce: execution reports them and runs nothing.
      if (coerced.errors) return;
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of args.document.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      }
      const cost = estimateCost(maxCost, args.schema, operation, fragments, coerced.coerced);
      (args.contextValue as GraphQLContext).cost = cost;
      // Page sizes are checked here, for every connection: a resolver checks only when it runs,
      // and `tickets(first: 500) { totalCount }` selects no edges, so none did.
      for (const page of cost.pages) {
        try {
          assertPageSize(page.args);
        } catch (error) {
          const problem = error as GraphQLError;
          setResultAndStopExecution({
            errors: [
              createGraphQLError(problem.message, { path: [page.field], extensions: { ...problem.extensions, http: { status: 400 } } }),
            ],
          });
          return;
        }
      }
      if (cost.estimated > maxCost) {
        setResultAndStopExecution({
          errors: [
            createGraphQLError(
              `Query cost limit of ${maxCost} exceeded: this operation costs ${cost.estimated} (MAX_QUERY_COST); ask for smaller pages (first/last), fewer nested lists, or fewer slices`,
              { extensions: { code: 'QUERY_TOO_COSTLY', cost: { requested: cost.estimated, limit: maxCost }, http: { status: 400 } } },
            ),
          ],
        });
      }
    },
  };
}
