// Which scope each part of the schema needs. Root fields are listed one by one and anything
// not listed is refused, so a new root field is closed until someone decides who may use it
// (test/required-scopes.test.ts fails on an unlisted one). Record types need records:read on
// every field, wherever they are reached from; the few other sensitive fields are listed.
import type { Scope } from './scopes.js';

/** A requirement is met by holding any one of the scopes listed. */
export type Requirement = readonly Scope[];

const KPIS: Requirement = ['kpis:read'];
const AGENT_KPIS: Requirement = ['kpis:agents'];
const RECORDS: Requirement = ['records:read'];
const WRITE: Requirement = ['records:write'];
const ADMIN: Requirement = ['keys:admin'];
/** The directory of teams and agents (names): needed to read KPIs by team or agent, and records. */
const DIRECTORY: Requirement = ['kpis:read', 'records:read'];

export const ROOT_FIELD_SCOPES: Record<'Query' | 'Mutation', Record<string, Requirement>> = {
  Query: {
    kpis: KPIS,
    kpiSlices: KPIS,
    kpiTable: KPIS,
    kpiDefinitions: KPIS,
    agents: DIRECTORY,
    teams: DIRECTORY,
    node: RECORDS,
    tickets: RECORDS,
    customers: RECORDS,
    surveyResponses: RECORDS,
    businessCalendars: RECORDS,
    slaPolicies: RECORDS,
    apiKeys: ADMIN,
    viewer: [],
  },
  Mutation: {
    importRecords: WRITE,
    upsertTeam: WRITE,
    upsertAgent: WRITE,
    upsertCustomer: WRITE,
    upsertKnowledgeArticle: WRITE,
    upsertTicket: WRITE,
    upsertInteraction: WRITE,
    upsertSurveyResponse: WRITE,
    upsertBusinessCalendar: WRITE,
    upsertSlaPolicy: WRITE,
    createApiKey: ADMIN,
    revokeApiKey: ADMIN,
  },
};

/** Types holding personal or ticket data: any field of them needs records:read. */
export const RECORD_TYPES = new Set(['Ticket', 'Interaction', 'SurveyResponse', 'Customer', 'KnowledgeArticle', 'BusinessCalendar', 'SlaPolicy']);

/** Fields of other types that need more than the path that reached them. */
export const FIELD_SCOPES: Record<string, Requirement> = {
  'Agent.email': RECORDS,
  'Team.businessCalendar': RECORDS,
  'Agent.kpis': AGENT_KPIS,
  'Team.kpis': KPIS,
  'KpiGroup.agent': AGENT_KPIS,
};
