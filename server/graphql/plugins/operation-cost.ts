// The estimated cost of an operation (graphql-armor's cost rule: objects 2, scalars 1, ×1.5
// per level of depth), refused over the limit at validation, and remembered per request so
// that the rate limit can charge it and the answer can report it.
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import type { Plugin } from 'graphql-yoga';

const costs = new WeakMap<Request, number>();

/** The cost of the operation a request validated; undefined before validation. */
export function costOf(request: Request | undefined): number | undefined {
  return request ? costs.get(request) : undefined;
}

export function useOperationCost(maxCost: number): Plugin<{ request?: Request }> {
  return {
    onValidate({ addValidationRule, context }) {
      const request = context.request;
      addValidationRule(
        costLimitRule({
          maxCost,
          exposeLimits: true,
          // A document may define several operations; charge the dearest.
          // Whole units (the ×1.5 per level makes fractions), so the bucket's arithmetic is exact.
          onAccept: [(_validation, { n }) => request && costs.set(request, Math.max(Math.ceil(n), costs.get(request) ?? 0))],
        }),
      );
    },
  };
}
