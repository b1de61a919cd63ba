// Static limits on the operation document, checked during validation, before any resolver or
// SQL runs: depth, aliases, directives, tokens and an estimated cost. They stop a single
// request from asking for an unbounded amount of work (deep nesting, alias overloading,
// directive overloading), and the error names the limit that was hit.
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { Plugin } from 'graphql-yoga';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
}

/** Generous enough for every operation of the SDK and the README; see README, "Limits". */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 5000,
  maxCost: 20_000,
};

export function queryLimitPlugins(limits: QueryLimits): Plugin[] {
  return [
    // Tokens first: it stops the parser itself on a huge document, before anything else reads it.
    maxTokensPlugin({ n: limits.maxTokens, exposeLimits: true }),
    maxDepthPlugin({ n: limits.maxDepth, exposeLimits: true, flattenFragments: true }),
    // __typename counts too: scanners probe alias overloading with it.
    maxAliasesPlugin({ n: limits.maxAliases, exposeLimits: true, allowList: [] }),
    maxDirectivesPlugin({ n: limits.maxDirectives, exposeLimits: true }),
    // The cost limit is applied by useOperationCost, which also records the cost for the rate limit.
  ] as Plugin[];
}
