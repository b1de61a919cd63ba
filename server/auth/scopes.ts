// What an API key may do. Each scope is checked before any resolver runs
// (each field declares which, as `authScopes`: server/auth/scope-declarations.ts).
export const SCOPES = {
  'kpis:read': 'Read KPIs (kpis, kpiSlices, kpiDefinitions, Team.kpis) and the directory of teams and agents (names, teams, active).',
  'kpis:agents': 'Read agent-level KPIs: Agent.kpis, kpiSlices grouped by AGENT, KPIs filtered by agentIds.',
  'records:read':
    'Read records with personal data: tickets, interactions, customers (and Customer.kpis), survey responses, knowledge articles, agent e-mails, drill-down records, node(id:).',
  'records:write': 'Write records: importRecords and the upsert mutations.',
  'keys:admin': 'Administer API keys: apiKeys, createApiKey, revokeApiKey.',
} as const;

export type Scope = keyof typeof SCOPES;

export const ALL_SCOPES = Object.keys(SCOPES) as Scope[];

/** The scopes that only read: what the embedded demo grants callers without a key. */
export const READ_SCOPES: Scope[] = ['kpis:read', 'kpis:agents', 'records:read'];

/** Scopes a team-restricted key may not hold: writes and key administration reach every team. */
export const UNRESTRICTABLE_SCOPES: Scope[] = ['records:write', 'keys:admin'];

export function isScope(value: string): value is Scope {
  return Object.hasOwn(SCOPES, value);
}
