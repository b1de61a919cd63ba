/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Narrows a list of agents. Fields combine with AND. */
export type AgentFilter = {
  /** true: only active agents; false: only deactivated ones. */
  active?: boolean | null | undefined;
  /** Team IDs; the agent belongs to any of them. */
  teamIds?: Array<string> | null | undefined;
};

/** Ordering of agents; ties are broken by id. Default: NAME ASC. */
export type AgentOrder = {
  direction?: OrderDirection;
  field: AgentOrderField;
};

/** Fields agents can be ordered by. */
export type AgentOrderField =
  | 'ID'
  | 'NAME';

/** What an API key may do. */
export type ApiScope =
  /** Administer API keys: apiKeys, createApiKey, revokeApiKey. */
  | 'KEYS_ADMIN'
  /** Read agent-level KPIs: Agent.kpis, kpiSlices grouped by AGENT, KPIs filtered by agentIds. */
  | 'KPIS_AGENTS'
  /** Read KPIs (kpis, kpiSlices, kpiDefinitions, Team.kpis) and the directory of teams and agents (names, teams, active). */
  | 'KPIS_READ'
  /** Read records with personal data: tickets, interactions, customers (and Customer.kpis), survey responses, knowledge articles, agent e-mails, drill-down records, node(id:). */
  | 'RECORDS_READ'
  /** Write records: importRecords and the upsert mutations. */
  | 'RECORDS_WRITE';

/** How a ticket reached the help desk. */
export type Channel =
  | 'CHAT'
  | 'EMAIL'
  | 'PHONE'
  | 'SOCIAL'
  | 'WEB';

/** What a KPI set is compared with. PREVIOUS_PERIOD: the interval of the same length that ends where this one starts. PREVIOUS_YEAR: the same local calendar interval one year earlier in the period's time zone (both ends moved back one calendar year; February 29 becomes February 28); in a series, each bucket against its own bucket a year earlier. */
export type ComparisonBasis =
  | 'PREVIOUS_PERIOD'
  | 'PREVIOUS_YEAR';

/** Narrows a list of customers. Fields combine with AND. */
export type CustomerFilter = {
  /** true: only customers who have churned; false: only current ones. */
  churned?: boolean | null | undefined;
  /** Became a customer at or after this instant. */
  createdFrom?: string | null | undefined;
  /** Became a customer before this instant (exclusive). */
  createdTo?: string | null | undefined;
  /** Segments such as "enterprise"; the customer is in any of them. */
  segments?: Array<string> | null | undefined;
};

/** Ordering of customers; ties are broken by id. Default: NAME ASC. */
export type CustomerOrder = {
  direction?: OrderDirection;
  field: CustomerOrderField;
};

/** Fields customers can be ordered by. */
export type CustomerOrderField =
  | 'CREATED_AT'
  | 'ID'
  | 'NAME';

/** A day of the week (ISO order, Monday first). */
export type DayOfWeek =
  | 'FRIDAY'
  | 'MONDAY'
  | 'SATURDAY'
  | 'SUNDAY'
  | 'THURSDAY'
  | 'TUESDAY'
  | 'WEDNESDAY';

/** Calendar buckets in the period's time zone. Weeks start on Monday (ISO). */
export type Granularity =
  | 'DAY'
  | 'HOUR'
  | 'MONTH'
  | 'QUARTER'
  | 'WEEK'
  | 'YEAR';

export type ImportRecordsInput = {
  /** Validate and count without writing. */
  dryRun?: boolean | null | undefined;
  /** A retry with the same key returns the first answer instead of importing again. */
  idempotencyKey?: string | null | undefined;
  /** NDJSON text in the import format, at most 10 MiB. */
  ndjson: string;
};

/** Which customers of a slice to list: AT_START (customersAtStart), AT_END (customersAtEnd), NEW (newCustomers), CHURNED (churnRate numerator). */
export type KpiCustomerBasis =
  | 'AT_END'
  | 'AT_START'
  | 'CHURNED'
  | 'NEW';

/** What KPI slices can be grouped by. A record with no value falls into the null group, which is returned like any other. */
export type KpiDimension =
  | 'AGENT'
  | 'CATEGORY'
  | 'CHANNEL'
  | 'CUSTOMER_SEGMENT'
  | 'DAY_OF_WEEK'
  | 'HOUR_OF_DAY'
  | 'PRIORITY'
  | 'TEAM';

/** Narrows every KPI to matching records. Lists match any of their values (OR); fields combine with AND. */
export type KpiFilter = {
  /** Agent IDs (the dimension AGENT of each KPI family). */
  agentIds?: Array<string> | null | undefined;
  categories?: Array<string> | null | undefined;
  channels?: Array<Channel> | null | undefined;
  customerSegments?: Array<string> | null | undefined;
  priorities?: Array<Priority> | null | undefined;
  /** Team IDs (the dimension TEAM). */
  teamIds?: Array<string> | null | undefined;
};

/** A KPI of KpiSet by name, for ordering slices by its headline value and for the columns of kpiTable. Headline values: a count itself; a rate's value; a duration's average; NPS score; CSAT rate value; CES average; an SLA's rate value. */
export type KpiOrderKey =
  | 'AVERAGE_HANDLE_TIME'
  | 'BACKLOG'
  | 'CES'
  | 'CHURN_RATE'
  | 'CSAT'
  | 'CUSTOMERS_AT_END'
  | 'CUSTOMERS_AT_START'
  | 'FIRST_CONTACT_RESOLUTION'
  | 'FIRST_RESPONSE_BUSINESS_TIME'
  | 'FIRST_RESPONSE_SLA'
  | 'FIRST_RESPONSE_TIME'
  | 'NEW_CUSTOMERS'
  | 'NPS'
  | 'RESOLUTION_BUSINESS_TIME'
  | 'RESOLUTION_SLA'
  | 'RESOLUTION_TIME'
  | 'RESOLVED_COUNT'
  | 'RETENTION_RATE'
  | 'SELF_SERVICE_OPPORTUNITY'
  | 'TICKET_COUNT';

/** Orders the slices of each bucket by one KPI's headline value. Nulls (an empty sample) sort last in both directions; ties keep the default group order. Needs groupBy. */
export type KpiSliceOrder = {
  direction: OrderDirection;
  kpi: KpiOrderKey;
};

/** Which survey responses of a slice to list, by outcome: NPS_PROMOTERS (9-10), NPS_PASSIVES (7-8), NPS_DETRACTORS (0-6), CSAT_SATISFIED (4-5, the csat rate numerator), CSAT_UNSATISFIED (1-3), CES_LOW_EFFORT (5-7, the lowEffort numerator), CES_HIGH_EFFORT (1-4). */
export type KpiSurveyBasis =
  | 'CES_HIGH_EFFORT'
  | 'CES_LOW_EFFORT'
  | 'CSAT_SATISFIED'
  | 'CSAT_UNSATISFIED'
  | 'NPS_DETRACTORS'
  | 'NPS_PASSIVES'
  | 'NPS_PROMOTERS';

/** The type of a column's cells: STRING, INT, FLOAT, BOOLEAN, DATETIME (an ISO 8601 string: an instant in UTC, or a local date-time with its offset for *_local columns), ID (a global ID, as in the rest of the API). Any cell may be null. */
export type KpiTableColumnType =
  | 'BOOLEAN'
  | 'DATETIME'
  | 'FLOAT'
  | 'ID'
  | 'INT'
  | 'STRING';

/** Which tickets of a slice to list: CREATED (ticketCount, selfServiceOpportunity denominator), RESOLVED (resolvedCount, resolutionTime), BACKLOG (backlog), FIRST_RESPONDED (firstResponseTime and firstResponseBusinessTime), SELF_SERVICE (selfServiceOpportunity numerator), FCR_ELIGIBLE (firstContactResolution denominator), FCR_RESOLVED (firstContactResolution numerator: resolved on first contact), FCR_FAILED (the denominator less the numerator: reopened, transferred or more than one interaction); RESOLVED also lists resolutionBusinessTime's tickets. FIRST_RESPONSE_SLA_ACHIEVED, _BREACHED, _PENDING and RESOLUTION_SLA_ACHIEVED, _BREACHED, _PENDING: the tickets behind firstResponseSla and resolutionSla, judged at the time of the request like the KPI. */
export type KpiTicketBasis =
  | 'BACKLOG'
  | 'CREATED'
  | 'FCR_ELIGIBLE'
  | 'FCR_FAILED'
  | 'FCR_RESOLVED'
  | 'FIRST_RESPONDED'
  | 'FIRST_RESPONSE_SLA_ACHIEVED'
  | 'FIRST_RESPONSE_SLA_BREACHED'
  | 'FIRST_RESPONSE_SLA_PENDING'
  | 'RESOLUTION_SLA_ACHIEVED'
  | 'RESOLUTION_SLA_BREACHED'
  | 'RESOLUTION_SLA_PENDING'
  | 'RESOLVED'
  | 'SELF_SERVICE';

/** COUNT: records; SECONDS: a duration; RATE: a fraction in [0, 1] with its numerator and denominator; SCORE: a survey score. */
export type KpiUnit =
  | 'COUNT'
  | 'RATE'
  | 'SCORE'
  | 'SECONDS';

/** Sort direction. */
export type OrderDirection =
  | 'ASC'
  | 'DESC';

/** A period of time: the half-open interval [from, to) of instants. */
export type PeriodInput = {
  /** Inclusive start. */
  from: string;
  /** IANA time zone used for bucket boundaries (days, weeks, months…), e.g. "America/Sao_Paulo". */
  timeZone?: string;
  /** Exclusive end. */
  to: string;
};

/** How urgent a ticket is. */
export type Priority =
  | 'HIGH'
  | 'LOW'
  | 'NORMAL'
  | 'URGENT';

/** Which survey a response answers: CSAT (score 1..5), NPS (0..10) or CES (1..7, 7 = very easy). */
export type SurveyKind =
  | 'CES'
  | 'CSAT'
  | 'NPS';

/** Narrows a list of survey responses. Lists match any of their values; fields combine with AND. */
export type SurveyResponseFilter = {
  /** Customer IDs. */
  customerIds?: Array<string> | null | undefined;
  kinds?: Array<SurveyKind> | null | undefined;
  /** Answered at or after this instant. */
  respondedFrom?: string | null | undefined;
  /** Answered before this instant (exclusive). */
  respondedTo?: string | null | undefined;
  /** Ticket IDs. */
  ticketIds?: Array<string> | null | undefined;
};

/** Ordering of survey responses; ties are broken by id. Default: RESPONDED_AT DESC. */
export type SurveyResponseOrder = {
  direction?: OrderDirection;
  field: SurveyResponseOrderField;
};

/** Fields survey responses can be ordered by. */
export type SurveyResponseOrderField =
  | 'ID'
  | 'RESPONDED_AT'
  | 'SCORE';

/** Ordering of teams; ties are broken by id. Default: NAME ASC. */
export type TeamOrder = {
  direction?: OrderDirection;
  field: TeamOrderField;
};

/** Fields teams can be ordered by. */
export type TeamOrderField =
  | 'ID'
  | 'NAME';

/** Narrows a list of tickets. Lists match any of their values; fields combine with AND. */
export type TicketFilter = {
  /** Agent IDs. Combined with `unassigned: true`, either matches. */
  assigneeIds?: Array<string> | null | undefined;
  categories?: Array<string> | null | undefined;
  channels?: Array<Channel> | null | undefined;
  /** Opened at or after this instant. */
  createdFrom?: string | null | undefined;
  /** Opened before this instant (exclusive). */
  createdTo?: string | null | undefined;
  /** Customer IDs. */
  customerIds?: Array<string> | null | undefined;
  priorities?: Array<Priority> | null | undefined;
  statuses?: Array<TicketStatus> | null | undefined;
  /** Team IDs. */
  teamIds?: Array<string> | null | undefined;
  /** true: only tickets with no assignee (or those of assigneeIds). */
  unassigned?: boolean | null | undefined;
};

/** Ordering of tickets; ties are broken by id. Default: CREATED_AT DESC. */
export type TicketOrder = {
  direction?: OrderDirection;
  field: TicketOrderField;
};

/** Fields tickets can be ordered by. */
export type TicketOrderField =
  | 'CREATED_AT'
  | 'ID';

/** Where a ticket is in its life cycle. */
export type TicketStatus =
  | 'CLOSED'
  | 'NEW'
  | 'ON_HOLD'
  | 'OPEN'
  | 'PENDING'
  | 'SOLVED';

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { name: string, anonymous: boolean, scopes: Array<ApiScope>, restricted: boolean, teams: Array<{ id: string, name: string }> } };

export type DashboardChangeFragment = { current: number | null, previous: number | null, absolute: number | null, relative: number | null };

export type DashboardKpiValuesFragment = { ticketCount: number, resolvedCount: number, backlog: number, firstResponseTime: { count: number, average: number | null, median: number | null }, averageHandleTime: { count: number, average: number | null }, firstContactResolution: { value: number | null, numerator: number, denominator: number }, nps: { score: number | null, responses: number }, csat: { responses: number, rate: { value: number | null, numerator: number, denominator: number } }, ces: { average: number | null, responses: number }, selfServiceOpportunity: { value: number | null, numerator: number, denominator: number } };

export type DashboardHeadlineQueryVariables = Exact<{
  period: PeriodInput;
  filter?: KpiFilter | null | undefined;
}>;


export type DashboardHeadlineQuery = { kpis: { ticketCount: number, resolvedCount: number, backlog: number, comparison: { from: string, to: string, change: { ticketCount: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, resolvedCount: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, backlog: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, firstResponseTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, averageHandleTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, firstContactResolution: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, nps: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, csat: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, ces: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, selfServiceOpportunity: { current: number | null, previous: number | null, absolute: number | null, relative: number | null } } }, firstResponseTime: { count: number, average: number | null, median: number | null }, averageHandleTime: { count: number, average: number | null }, firstContactResolution: { value: number | null, numerator: number, denominator: number }, nps: { score: number | null, responses: number }, csat: { responses: number, rate: { value: number | null, numerator: number, denominator: number } }, ces: { average: number | null, responses: number }, selfServiceOpportunity: { value: number | null, numerator: number, denominator: number } } };

export type DashboardBreakdownQueryVariables = Exact<{
  period: PeriodInput;
  granularity: Granularity;
  filter?: KpiFilter | null | undefined;
}>;


export type DashboardBreakdownQuery = { series: Array<{ bucketStart: string | null, bucketEnd: string | null, kpis: { ticketCount: number, resolvedCount: number, backlog: number } }>, byTeam: Array<{ group: { team: { id: string, name: string } | null }, kpis: { ticketCount: number, resolvedCount: number, backlog: number, firstResponseTime: { count: number, average: number | null, median: number | null }, averageHandleTime: { count: number, average: number | null }, firstContactResolution: { value: number | null, numerator: number, denominator: number }, nps: { score: number | null, responses: number }, csat: { responses: number, rate: { value: number | null, numerator: number, denominator: number } }, ces: { average: number | null, responses: number }, selfServiceOpportunity: { value: number | null, numerator: number, denominator: number } } }>, byChannel: Array<{ group: { channel: Channel | null }, kpis: { ticketCount: number, resolvedCount: number, firstContactResolution: { value: number | null }, csat: { rate: { value: number | null } } } }> };

export type DashboardAgentsQueryVariables = Exact<{
  period: PeriodInput;
  filter?: KpiFilter | null | undefined;
}>;


export type DashboardAgentsQuery = { kpiSlices: Array<{ group: { agent: { id: string, name: string, team: { name: string } | null } | null }, kpis: { ticketCount: number, resolvedCount: number, backlog: number, firstResponseTime: { count: number, average: number | null, median: number | null }, averageHandleTime: { count: number, average: number | null }, firstContactResolution: { value: number | null, numerator: number, denominator: number }, nps: { score: number | null, responses: number }, csat: { responses: number, rate: { value: number | null, numerator: number, denominator: number } }, ces: { average: number | null, responses: number }, selfServiceOpportunity: { value: number | null, numerator: number, denominator: number } } }> };

export type DashboardTeamsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardTeamsQuery = { teams: { edges: Array<{ node: { id: string, name: string } }> } };

export type DashboardTicketsQueryVariables = Exact<{
  period: PeriodInput;
  filter?: KpiFilter | null | undefined;
  basis: KpiTicketBasis;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DashboardTicketsQuery = { kpiSlices: Array<{ tickets: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, subject: string, channel: Channel, priority: Priority, status: TicketStatus, createdAt: string, resolvedAt: string | null, assignee: { name: string } | null, team: { name: string } | null } }> } }> };

export type DashboardSurveysQueryVariables = Exact<{
  period: PeriodInput;
  filter?: KpiFilter | null | undefined;
  kinds?: Array<SurveyKind> | SurveyKind | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DashboardSurveysQuery = { kpiSlices: Array<{ surveyResponses: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: SurveyKind, score: number, comment: string | null, respondedAt: string } }> } }> };

export type DashboardInteractionsQueryVariables = Exact<{
  period: PeriodInput;
  filter?: KpiFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DashboardInteractionsQuery = { kpiSlices: Array<{ interactions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, startedAt: string, talkSeconds: number, holdSeconds: number, wrapUpSeconds: number, agent: { name: string } } }> } }> };

export type AgentKpisQueryVariables = Exact<{
  period: PeriodInput;
  filter?: KpiFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  agentFilter?: AgentFilter | null | undefined;
  orderBy?: AgentOrder | null | undefined;
}>;


export type AgentKpisQuery = { agents: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, externalId: string, name: string, active: boolean, team: { id: string, name: string } | null, kpis: { ticketCount: number, resolvedCount: number, backlog: number, firstResponseTime: { count: number, average: number | null, median: number | null, p90: number | null }, resolutionTime: { count: number, average: number | null, median: number | null, p90: number | null }, firstContactResolution: { value: number | null, numerator: number, denominator: number }, averageHandleTime: { count: number, average: number | null, median: number | null, p90: number | null, averageTalk: number | null, averageHold: number | null, averageWrapUp: number | null }, nps: { score: number | null, promoters: number, passives: number, detractors: number, responses: number }, csat: { average: number | null, responses: number, rate: { value: number | null, numerator: number, denominator: number } }, ces: { average: number | null, responses: number, lowEffort: { value: number | null, numerator: number, denominator: number } }, selfServiceOpportunity: { value: number | null, numerator: number, denominator: number }, firstResponseBusinessTime: { count: number, average: number | null, median: number | null, p90: number | null }, resolutionBusinessTime: { count: number, average: number | null, median: number | null, p90: number | null }, firstResponseSla: { achieved: number, breached: number, pending: number, rate: { value: number | null, numerator: number, denominator: number } }, resolutionSla: { achieved: number, breached: number, pending: number, rate: { value: number | null, numerator: number, denominator: number } } } } }> } };

export type TeamKpisQueryVariables = Exact<{
  period: PeriodInput;
  filter?: KpiFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  orderBy?: TeamOrder | null | undefined;
}>;


export type TeamKpisQuery = { teams: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, externalId: string, name: string, kpis: { ticketCount: number, resolvedCount: number, backlog: number, firstResponseTime: { count: number, average: number | null, median: number | null, p90: number | null }, resolutionTime: { count: number, average: number | null, median: number | null, p90: number | null }, firstContactResolution: { value: number | null, numerator: number, denominator: number }, averageHandleTime: { count: number, average: number | null, median: number | null, p90: number | null, averageTalk: number | null, averageHold: number | null, averageWrapUp: number | null }, nps: { score: number | null, promoters: number, passives: number, detractors: number, responses: number }, csat: { average: number | null, responses: number, rate: { value: number | null, numerator: number, denominator: number } }, ces: { average: number | null, responses: number, lowEffort: { value: number | null, numerator: number, denominator: number } }, selfServiceOpportunity: { value: number | null, numerator: number, denominator: number }, firstResponseBusinessTime: { count: number, average: number | null, median: number | null, p90: number | null }, resolutionBusinessTime: { count: number, average: number | null, median: number | null, p90: number | null }, firstResponseSla: { achieved: number, breached: number, pending: number, rate: { value: number | null, numerator: number, denominator: number } }, resolutionSla: { achieved: number, breached: number, pending: number, rate: { value: number | null, numerator: number, denominator: number } } } } }> } };

export type KpiValuesFragment = { ticketCount: number, resolvedCount: number, backlog: number, firstResponseTime: { count: number, average: number | null, median: number | null, p90: number | null }, resolutionTime: { count: number, average: number | null, median: number | null, p90: number | null }, firstContactResolution: { value: number | null, numerator: number, denominator: number }, averageHandleTime: { count: number, average: number | null, median: number | null, p90: number | null, averageTalk: number | null, averageHold: number | null, averageWrapUp: number | null }, nps: { score: number | null, promoters: number, passives: number, detractors: number, responses: number }, csat: { average: number | null, responses: number, rate: { value: number | null, numerator: number, denominator: number } }, ces: { average: number | null, responses: number, lowEffort: { value: number | null, numerator: number, denominator: number } }, selfServiceOpportunity: { value: number | null, numerator: number, denominator: number }, firstResponseBusinessTime: { count: number, average: number | null, median: number | null, p90: number | null }, resolutionBusinessTime: { count: number, average: number | null, median: number | null, p90: number | null }, firstResponseSla: { achieved: number, breached: number, pending: number, rate: { value: number | null, numerator: number, denominator: number } }, resolutionSla: { achieved: number, breached: number, pending: number, rate: { value: number | null, numerator: number, denominator: number } } };

export type KpiConfidenceFragment = { firstResponseTime: { lowSample: boolean }, resolutionTime: { lowSample: boolean }, firstContactResolution: { lowSample: boolean, confidence95: { low: number, high: number } | null }, averageHandleTime: { lowSample: boolean }, nps: { lowSample: boolean, confidence95: { low: number, high: number } | null }, csat: { lowSample: boolean, rate: { lowSample: boolean, confidence95: { low: number, high: number } | null } }, ces: { lowSample: boolean, lowEffort: { lowSample: boolean, confidence95: { low: number, high: number } | null } }, selfServiceOpportunity: { lowSample: boolean, confidence95: { low: number, high: number } | null } };

export type CustomerKpiValuesFragment = { customersAtStart: number, customersAtEnd: number, newCustomers: number, retentionRate: { value: number | null, numerator: number, denominator: number }, churnRate: { value: number | null, numerator: number, denominator: number } };

export type ChangeFragment = { current: number | null, previous: number | null, absolute: number | null, relative: number | null };

export type KpiChangesFragment = { ticketCount: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, resolvedCount: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, backlog: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, firstResponseTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, resolutionTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, firstContactResolution: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, averageHandleTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, nps: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, csat: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, ces: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, selfServiceOpportunity: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, firstResponseBusinessTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, resolutionBusinessTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, firstResponseSla: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, resolutionSla: { current: number | null, previous: number | null, absolute: number | null, relative: number | null } };

export type KpisQueryVariables = Exact<{
  period: PeriodInput;
  filter?: KpiFilter | null | undefined;
  withCustomerKpis?: boolean | null | undefined;
  against?: ComparisonBasis | null | undefined;
}>;


export type KpisQuery = { kpis: { ticketCount: number, resolvedCount: number, backlog: number, comparison: { against: ComparisonBasis, from: string, to: string, change: { ticketCount: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, resolvedCount: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, backlog: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, firstResponseTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, resolutionTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, firstContactResolution: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, averageHandleTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, nps: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, csat: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, ces: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, selfServiceOpportunity: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, firstResponseBusinessTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, resolutionBusinessTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, firstResponseSla: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, resolutionSla: { current: number | null, previous: number | null, absolute: number | null, relative: number | null } } & { customersAtStart?: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, customersAtEnd?: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, newCustomers?: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, retentionRate?: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, churnRate?: { current: number | null, previous: number | null, absolute: number | null, relative: number | null } } }, firstResponseTime: { count: number, average: number | null, median: number | null, p90: number | null, lowSample: boolean }, resolutionTime: { count: number, average: number | null, median: number | null, p90: number | null, lowSample: boolean }, firstContactResolution: { value: number | null, numerator: number, denominator: number, lowSample: boolean, confidence95: { low: number, high: number } | null }, averageHandleTime: { count: number, average: number | null, median: number | null, p90: number | null, averageTalk: number | null, averageHold: number | null, averageWrapUp: number | null, lowSample: boolean }, nps: { score: number | null, promoters: number, passives: number, detractors: number, responses: number, lowSample: boolean, confidence95: { low: number, high: number } | null }, csat: { average: number | null, responses: number, lowSample: boolean, rate: { value: number | null, numerator: number, denominator: number, lowSample: boolean, confidence95: { low: number, high: number } | null } }, ces: { average: number | null, responses: number, lowSample: boolean, lowEffort: { value: number | null, numerator: number, denominator: number, lowSample: boolean, confidence95: { low: number, high: number } | null } }, selfServiceOpportunity: { value: number | null, numerator: number, denominator: number, lowSample: boolean, confidence95: { low: number, high: number } | null }, firstResponseBusinessTime: { count: number, average: number | null, median: number | null, p90: number | null }, resolutionBusinessTime: { count: number, average: number | null, median: number | null, p90: number | null }, firstResponseSla: { achieved: number, breached: number, pending: number, rate: { value: number | null, numerator: number, denominator: number } }, resolutionSla: { achieved: number, breached: number, pending: number, rate: { value: number | null, numerator: number, denominator: number } } } & { customersAtStart?: number, customersAtEnd?: number, newCustomers?: number, retentionRate?: { value: number | null, numerator: number, denominator: number }, churnRate?: { value: number | null, numerator: number, denominator: number } } };

export type KpisWithoutCustomerKpisQueryVariables = Exact<{
  period: PeriodInput;
  filter?: KpiFilter | null | undefined;
  against?: ComparisonBasis | null | undefined;
}>;


export type KpisWithoutCustomerKpisQuery = { kpis: { ticketCount: number, resolvedCount: number, backlog: number, comparison: { against: ComparisonBasis, from: string, to: string, change: { ticketCount: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, resolvedCount: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, backlog: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, firstResponseTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, resolutionTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, firstContactResolution: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, averageHandleTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, nps: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, csat: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, ces: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, selfServiceOpportunity: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, firstResponseBusinessTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, resolutionBusinessTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, firstResponseSla: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, resolutionSla: { current: number | null, previous: number | null, absolute: number | null, relative: number | null } } }, firstResponseTime: { count: number, average: number | null, median: number | null, p90: number | null, lowSample: boolean }, resolutionTime: { count: number, average: number | null, median: number | null, p90: number | null, lowSample: boolean }, firstContactResolution: { value: number | null, numerator: number, denominator: number, lowSample: boolean, confidence95: { low: number, high: number } | null }, averageHandleTime: { count: number, average: number | null, median: number | null, p90: number | null, averageTalk: number | null, averageHold: number | null, averageWrapUp: number | null, lowSample: boolean }, nps: { score: number | null, promoters: number, passives: number, detractors: number, responses: number, lowSample: boolean, confidence95: { low: number, high: number } | null }, csat: { average: number | null, responses: number, lowSample: boolean, rate: { value: number | null, numerator: number, denominator: number, lowSample: boolean, confidence95: { low: number, high: number } | null } }, ces: { average: number | null, responses: number, lowSample: boolean, lowEffort: { value: number | null, numerator: number, denominator: number, lowSample: boolean, confidence95: { low: number, high: number } | null } }, selfServiceOpportunity: { value: number | null, numerator: number, denominator: number, lowSample: boolean, confidence95: { low: number, high: number } | null }, firstResponseBusinessTime: { count: number, average: number | null, median: number | null, p90: number | null }, resolutionBusinessTime: { count: number, average: number | null, median: number | null, p90: number | null }, firstResponseSla: { achieved: number, breached: number, pending: number, rate: { value: number | null, numerator: number, denominator: number } }, resolutionSla: { achieved: number, breached: number, pending: number, rate: { value: number | null, numerator: number, denominator: number } } } };

export type KpiSlicesQueryVariables = Exact<{
  period: PeriodInput;
  granularity?: Granularity | null | undefined;
  groupBy?: Array<KpiDimension> | KpiDimension | null | undefined;
  filter?: KpiFilter | null | undefined;
  orderBy?: KpiSliceOrder | null | undefined;
  first?: number | null | undefined;
  against?: ComparisonBasis | null | undefined;
}>;


export type KpiSlicesQuery = { kpiSlices: Array<{ bucketStart: string | null, bucketEnd: string | null, bucketStartLocal: string | null, group: { channel: Channel | null, priority: Priority | null, category: string | null, customerSegment: string | null, hourOfDay: number | null, dayOfWeek: number | null, agent: { id: string, name: string } | null, team: { id: string, name: string } | null }, kpis: { ticketCount: number, resolvedCount: number, backlog: number, comparison: { against: ComparisonBasis, from: string, to: string, change: { ticketCount: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, resolvedCount: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, backlog: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, firstResponseTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, resolutionTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, firstContactResolution: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, averageHandleTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, nps: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, csat: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, ces: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, selfServiceOpportunity: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, firstResponseBusinessTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, resolutionBusinessTime: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, firstResponseSla: { current: number | null, previous: number | null, absolute: number | null, relative: number | null }, resolutionSla: { current: number | null, previous: number | null, absolute: number | null, relative: number | null } } }, firstResponseTime: { count: number, average: number | null, median: number | null, p90: number | null, lowSample: boolean }, resolutionTime: { count: number, average: number | null, median: number | null, p90: number | null, lowSample: boolean }, firstContactResolution: { value: number | null, numerator: number, denominator: number, lowSample: boolean, confidence95: { low: number, high: number } | null }, averageHandleTime: { count: number, average: number | null, median: number | null, p90: number | null, averageTalk: number | null, averageHold: number | null, averageWrapUp: number | null, lowSample: boolean }, nps: { score: number | null, promoters: number, passives: number, detractors: number, responses: number, lowSample: boolean, confidence95: { low: number, high: number } | null }, csat: { average: number | null, responses: number, lowSample: boolean, rate: { value: number | null, numerator: number, denominator: number, lowSample: boolean, confidence95: { low: number, high: number } | null } }, ces: { average: number | null, responses: number, lowSample: boolean, lowEffort: { value: number | null, numerator: number, denominator: number, lowSample: boolean, confidence95: { low: number, high: number } | null } }, selfServiceOpportunity: { value: number | null, numerator: number, denominator: number, lowSample: boolean, confidence95: { low: number, high: number } | null }, firstResponseBusinessTime: { count: number, average: number | null, median: number | null, p90: number | null }, resolutionBusinessTime: { count: number, average: number | null, median: number | null, p90: number | null }, firstResponseSla: { achieved: number, breached: number, pending: number, rate: { value: number | null, numerator: number, denominator: number } }, resolutionSla: { achieved: number, breached: number, pending: number, rate: { value: number | null, numerator: number, denominator: number } } } }> };

export type KpiTableQueryVariables = Exact<{
  period: PeriodInput;
  granularity?: Granularity | null | undefined;
  groupBy?: Array<KpiDimension> | KpiDimension | null | undefined;
  filter?: KpiFilter | null | undefined;
  orderBy?: KpiSliceOrder | null | undefined;
  first?: number | null | undefined;
  kpis: Array<KpiOrderKey> | KpiOrderKey;
}>;


export type KpiTableQuery = { kpiTable: { rows: Array<Array<string | number | boolean | null>>, columns: Array<{ name: string, type: KpiTableColumnType, description: string }> } };

export type CustomerKpiSlicesQueryVariables = Exact<{
  period: PeriodInput;
  granularity?: Granularity | null | undefined;
  groupBy?: Array<KpiDimension> | KpiDimension | null | undefined;
  filter?: KpiFilter | null | undefined;
}>;


export type CustomerKpiSlicesQuery = { kpiSlices: Array<{ bucketStart: string | null, bucketEnd: string | null, group: { customerSegment: string | null }, kpis: { customersAtStart: number, customersAtEnd: number, newCustomers: number, retentionRate: { value: number | null, numerator: number, denominator: number }, churnRate: { value: number | null, numerator: number, denominator: number } } }> };

export type KpiDefinitionsQueryVariables = Exact<{ [key: string]: never; }>;


export type KpiDefinitionsQuery = { kpiDefinitions: Array<{ name: string, title: string, unit: KpiUnit, formula: string, numerator: string | null, denominator: string | null, timestamp: string, dimensions: Array<KpiDimension>, emptyValue: string, description: string }> };

export type DrillDownTicketsQueryVariables = Exact<{
  period: PeriodInput;
  filter?: KpiFilter | null | undefined;
  basis: KpiTicketBasis;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DrillDownTicketsQuery = { kpiSlices: Array<{ tickets: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, externalId: string, subject: string, channel: Channel, priority: Priority, category: string | null, status: TicketStatus, createdAt: string, firstResponseAt: string | null, resolvedAt: string | null, reopenCount: number, customer: { id: string, name: string, segment: string | null }, assignee: { id: string, name: string } | null, team: { id: string, name: string } | null } }> } }> };

export type DrillDownSurveyResponsesQueryVariables = Exact<{
  period: PeriodInput;
  filter?: KpiFilter | null | undefined;
  kinds?: Array<SurveyKind> | SurveyKind | null | undefined;
  basis?: KpiSurveyBasis | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DrillDownSurveyResponsesQuery = { kpiSlices: Array<{ surveyResponses: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, externalId: string, kind: SurveyKind, score: number, comment: string | null, respondedAt: string, customer: { id: string, name: string }, ticket: { id: string, subject: string } | null } }> } }> };

export type DrillDownInteractionsQueryVariables = Exact<{
  period: PeriodInput;
  filter?: KpiFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DrillDownInteractionsQuery = { kpiSlices: Array<{ interactions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, externalId: string, startedAt: string, talkSeconds: number, holdSeconds: number, wrapUpSeconds: number, handleSeconds: number, transferred: boolean, agent: { id: string, name: string }, ticket: { id: string, subject: string } } }> } }> };

export type DrillDownCustomersQueryVariables = Exact<{
  period: PeriodInput;
  filter?: KpiFilter | null | undefined;
  basis: KpiCustomerBasis;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DrillDownCustomersQuery = { kpiSlices: Array<{ customers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, externalId: string, name: string, email: string | null, segment: string | null, createdAt: string, churnedAt: string | null } }> } }> };

export type TicketFieldsFragment = { id: string, externalId: string, subject: string, channel: Channel, priority: Priority, category: string | null, status: TicketStatus, createdAt: string, firstResponseAt: string | null, resolvedAt: string | null, reopenCount: number, customer: { id: string, name: string, segment: string | null }, assignee: { id: string, name: string } | null, team: { id: string, name: string } | null };

export type CustomerFieldsFragment = { id: string, externalId: string, name: string, email: string | null, segment: string | null, createdAt: string, churnedAt: string | null };

export type SurveyResponseFieldsFragment = { id: string, externalId: string, kind: SurveyKind, score: number, comment: string | null, respondedAt: string, customer: { id: string, name: string }, ticket: { id: string, subject: string } | null };

export type InteractionFieldsFragment = { id: string, externalId: string, startedAt: string, talkSeconds: number, holdSeconds: number, wrapUpSeconds: number, handleSeconds: number, transferred: boolean, agent: { id: string, name: string }, ticket: { id: string, subject: string } };

export type TicketsPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: TicketFilter | null | undefined;
  orderBy?: TicketOrder | null | undefined;
}>;


export type TicketsPageQuery = { tickets: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, externalId: string, subject: string, channel: Channel, priority: Priority, category: string | null, status: TicketStatus, createdAt: string, firstResponseAt: string | null, resolvedAt: string | null, reopenCount: number, customer: { id: string, name: string, segment: string | null }, assignee: { id: string, name: string } | null, team: { id: string, name: string } | null } }> } };

export type AgentsPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: AgentFilter | null | undefined;
  orderBy?: AgentOrder | null | undefined;
}>;


export type AgentsPageQuery = { agents: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, externalId: string, name: string, email: string | null, active: boolean, team: { id: string, name: string } | null } }> } };

export type TeamsPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  orderBy?: TeamOrder | null | undefined;
}>;


export type TeamsPageQuery = { teams: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, externalId: string, name: string } }> } };

export type BusinessCalendarsPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type BusinessCalendarsPageQuery = { businessCalendars: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, externalId: string, name: string, timeZone: string, isDefault: boolean, holidays: Array<string>, weeklyHours: Array<{ day: DayOfWeek, opens: string, closes: string }> } }> } };

export type SlaPoliciesPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SlaPoliciesPageQuery = { slaPolicies: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, externalId: string, name: string, priority: Priority, firstResponseTargetSeconds: number | null, resolutionTargetSeconds: number | null, businessHours: boolean } }> } };

export type CustomersPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: CustomerFilter | null | undefined;
  orderBy?: CustomerOrder | null | undefined;
}>;


export type CustomersPageQuery = { customers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, externalId: string, name: string, email: string | null, segment: string | null, createdAt: string, churnedAt: string | null } }> } };

export type SurveyResponsesPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: SurveyResponseFilter | null | undefined;
  orderBy?: SurveyResponseOrder | null | undefined;
}>;


export type SurveyResponsesPageQuery = { surveyResponses: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, externalId: string, kind: SurveyKind, score: number, comment: string | null, respondedAt: string, customer: { id: string, name: string }, ticket: { id: string, subject: string } | null } }> } };

export type ImportRecordsMutationVariables = Exact<{
  input: ImportRecordsInput;
}>;


export type ImportRecordsMutation = { importRecords: { ok: boolean, dryRun: boolean, lines: number, records: number, errorCount: number, userErrors: Array<{ line: number, field: string, message: string }>, summary: Array<{ type: string, created: number, updated: number, unchanged: number }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const DashboardChangeFragmentDoc = new TypedDocumentString(`
    fragment DashboardChange on KpiChange {
  current
  previous
  absolute
  relative
}
    `, {"fragmentName":"DashboardChange"}) as unknown as TypedDocumentString<DashboardChangeFragment, unknown>;
export const DashboardKpiValuesFragmentDoc = new TypedDocumentString(`
    fragment DashboardKpiValues on KpiSet {
  ticketCount
  resolvedCount
  backlog
  firstResponseTime {
    count
    average
    median
  }
  averageHandleTime {
    count
    average
  }
  firstContactResolution {
    value
    numerator
    denominator
  }
  nps {
    score
    responses
  }
  csat {
    rate {
      value
      numerator
      denominator
    }
    responses
  }
  ces {
    average
    responses
  }
  selfServiceOpportunity {
    value
    numerator
    denominator
  }
}
    `, {"fragmentName":"DashboardKpiValues"}) as unknown as TypedDocumentString<DashboardKpiValuesFragment, unknown>;
export const KpiValuesFragmentDoc = new TypedDocumentString(`
    fragment KpiValues on KpiSet {
  ticketCount
  resolvedCount
  backlog
  firstResponseTime {
    count
    average
    median
    p90
  }
  resolutionTime {
    count
    average
    median
    p90
  }
  firstContactResolution {
    value
    numerator
    denominator
  }
  averageHandleTime {
    count
    average
    median
    p90
    averageTalk
    averageHold
    averageWrapUp
  }
  nps {
    score
    promoters
    passives
    detractors
    responses
  }
  csat {
    rate {
      value
      numerator
      denominator
    }
    average
    responses
  }
  ces {
    average
    lowEffort {
      value
      numerator
      denominator
    }
    responses
  }
  selfServiceOpportunity {
    value
    numerator
    denominator
  }
  firstResponseBusinessTime {
    count
    average
    median
    p90
  }
  resolutionBusinessTime {
    count
    average
    median
    p90
  }
  firstResponseSla {
    rate {
      value
      numerator
      denominator
    }
    achieved
    breached
    pending
  }
  resolutionSla {
    rate {
      value
      numerator
      denominator
    }
    achieved
    breached
    pending
  }
}
    `, {"fragmentName":"KpiValues"}) as unknown as TypedDocumentString<KpiValuesFragment, unknown>;
export const KpiConfidenceFragmentDoc = new TypedDocumentString(`
    fragment KpiConfidence on KpiSet {
  firstResponseTime {
    lowSample
  }
  resolutionTime {
    lowSample
  }
  firstContactResolution {
    confidence95 {
      low
      high
    }
    lowSample
  }
  averageHandleTime {
    lowSample
  }
  nps {
    confidence95 {
      low
      high
    }
    lowSample
  }
  csat {
    rate {
      confidence95 {
        low
        high
      }
      lowSample
    }
    lowSample
  }
  ces {
    lowEffort {
      confidence95 {
        low
        high
      }
      lowSample
    }
    lowSample
  }
  selfServiceOpportunity {
    confidence95 {
      low
      high
    }
    lowSample
  }
}
    `, {"fragmentName":"KpiConfidence"}) as unknown as TypedDocumentString<KpiConfidenceFragment, unknown>;
export const CustomerKpiValuesFragmentDoc = new TypedDocumentString(`
    fragment CustomerKpiValues on KpiSet {
  customersAtStart
  customersAtEnd
  newCustomers
  retentionRate {
    value
    numerator
    denominator
  }
  churnRate {
    value
    numerator
    denominator
  }
}
    `, {"fragmentName":"CustomerKpiValues"}) as unknown as TypedDocumentString<CustomerKpiValuesFragment, unknown>;
export const ChangeFragmentDoc = new TypedDocumentString(`
    fragment Change on KpiChange {
  current
  previous
  absolute
  relative
}
    `, {"fragmentName":"Change"}) as unknown as TypedDocumentString<ChangeFragment, unknown>;
export const KpiChangesFragmentDoc = new TypedDocumentString(`
    fragment KpiChanges on KpiChanges {
  ticketCount {
    ...Change
  }
  resolvedCount {
    ...Change
  }
  backlog {
    ...Change
  }
  firstResponseTime {
    ...Change
  }
  resolutionTime {
    ...Change
  }
  firstContactResolution {
    ...Change
  }
  averageHandleTime {
    ...Change
  }
  nps {
    ...Change
  }
  csat {
    ...Change
  }
  ces {
    ...Change
  }
  selfServiceOpportunity {
    ...Change
  }
  firstResponseBusinessTime {
    ...Change
  }
  resolutionBusinessTime {
    ...Change
  }
  firstResponseSla {
    ...Change
  }
  resolutionSla {
    ...Change
  }
}
    fragment Change on KpiChange {
  current
  previous
  absolute
  relative
}`, {"fragmentName":"KpiChanges"}) as unknown as TypedDocumentString<KpiChangesFragment, unknown>;
export const TicketFieldsFragmentDoc = new TypedDocumentString(`
    fragment TicketFields on Ticket {
  id
  externalId
  subject
  channel
  priority
  category
  status
  createdAt
  firstResponseAt
  resolvedAt
  reopenCount
  customer {
    id
    name
    segment
  }
  assignee {
    id
    name
  }
  team {
    id
    name
  }
}
    `, {"fragmentName":"TicketFields"}) as unknown as TypedDocumentString<TicketFieldsFragment, unknown>;
export const CustomerFieldsFragmentDoc = new TypedDocumentString(`
    fragment CustomerFields on Customer {
  id
  externalId
  name
  email
  segment
  createdAt
  churnedAt
}
    `, {"fragmentName":"CustomerFields"}) as unknown as TypedDocumentString<CustomerFieldsFragment, unknown>;
export const SurveyResponseFieldsFragmentDoc = new TypedDocumentString(`
    fragment SurveyResponseFields on SurveyResponse {
  id
  externalId
  kind
  score
  comment
  respondedAt
  customer {
    id
    name
  }
  ticket {
    id
    subject
  }
}
    `, {"fragmentName":"SurveyResponseFields"}) as unknown as TypedDocumentString<SurveyResponseFieldsFragment, unknown>;
export const InteractionFieldsFragmentDoc = new TypedDocumentString(`
    fragment InteractionFields on Interaction {
  id
  externalId
  startedAt
  talkSeconds
  holdSeconds
  wrapUpSeconds
  handleSeconds
  transferred
  agent {
    id
    name
  }
  ticket {
    id
    subject
  }
}
    `, {"fragmentName":"InteractionFields"}) as unknown as TypedDocumentString<InteractionFieldsFragment, unknown>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    name
    anonymous
    scopes
    restricted
    teams {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const DashboardHeadlineDocument = new TypedDocumentString(`
    query DashboardHeadline($period: PeriodInput!, $filter: KpiFilter) {
  kpis(period: $period, filter: $filter) {
    ...DashboardKpiValues
    comparison {
      from
      to
      change {
        ticketCount {
          ...DashboardChange
        }
        resolvedCount {
          ...DashboardChange
        }
        backlog {
          ...DashboardChange
        }
        firstResponseTime {
          ...DashboardChange
        }
        averageHandleTime {
          ...DashboardChange
        }
        firstContactResolution {
          ...DashboardChange
        }
        nps {
          ...DashboardChange
        }
        csat {
          ...DashboardChange
        }
        ces {
          ...DashboardChange
        }
        selfServiceOpportunity {
          ...DashboardChange
        }
      }
    }
  }
}
    fragment DashboardChange on KpiChange {
  current
  previous
  absolute
  relative
}
fragment DashboardKpiValues on KpiSet {
  ticketCount
  resolvedCount
  backlog
  firstResponseTime {
    count
    average
    median
  }
  averageHandleTime {
    count
    average
  }
  firstContactResolution {
    value
    numerator
    denominator
  }
  nps {
    score
    responses
  }
  csat {
    rate {
      value
      numerator
      denominator
    }
    responses
  }
  ces {
    average
    responses
  }
  selfServiceOpportunity {
    value
    numerator
    denominator
  }
}`) as unknown as TypedDocumentString<DashboardHeadlineQuery, DashboardHeadlineQueryVariables>;
export const DashboardBreakdownDocument = new TypedDocumentString(`
    query DashboardBreakdown($period: PeriodInput!, $granularity: Granularity!, $filter: KpiFilter) {
  series: kpiSlices(period: $period, granularity: $granularity, filter: $filter) {
    bucketStart
    bucketEnd
    kpis {
      ticketCount
      resolvedCount
      backlog
    }
  }
  byTeam: kpiSlices(period: $period, groupBy: [TEAM], filter: $filter) {
    group {
      team {
        id
        name
      }
    }
    kpis {
      ...DashboardKpiValues
    }
  }
  byChannel: kpiSlices(period: $period, groupBy: [CHANNEL], filter: $filter) {
    group {
      channel
    }
    kpis {
      ticketCount
      resolvedCount
      firstContactResolution {
        value
      }
      csat {
        rate {
          value
        }
      }
    }
  }
}
    fragment DashboardKpiValues on KpiSet {
  ticketCount
  resolvedCount
  backlog
  firstResponseTime {
    count
    average
    median
  }
  averageHandleTime {
    count
    average
  }
  firstContactResolution {
    value
    numerator
    denominator
  }
  nps {
    score
    responses
  }
  csat {
    rate {
      value
      numerator
      denominator
    }
    responses
  }
  ces {
    average
    responses
  }
  selfServiceOpportunity {
    value
    numerator
    denominator
  }
}`) as unknown as TypedDocumentString<DashboardBreakdownQuery, DashboardBreakdownQueryVariables>;
export const DashboardAgentsDocument = new TypedDocumentString(`
    query DashboardAgents($period: PeriodInput!, $filter: KpiFilter) {
  kpiSlices(period: $period, groupBy: [AGENT], filter: $filter) {
    group {
      agent {
        id
        name
        team {
          name
        }
      }
    }
    kpis {
      ...DashboardKpiValues
    }
  }
}
    fragment DashboardKpiValues on KpiSet {
  ticketCount
  resolvedCount
  backlog
  firstResponseTime {
    count
    average
    median
  }
  averageHandleTime {
    count
    average
  }
  firstContactResolution {
    value
    numerator
    denominator
  }
  nps {
    score
    responses
  }
  csat {
    rate {
      value
      numerator
      denominator
    }
    responses
  }
  ces {
    average
    responses
  }
  selfServiceOpportunity {
    value
    numerator
    denominator
  }
}`) as unknown as TypedDocumentString<DashboardAgentsQuery, DashboardAgentsQueryVariables>;
export const DashboardTeamsDocument = new TypedDocumentString(`
    query DashboardTeams {
  teams(first: 100) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardTeamsQuery, DashboardTeamsQueryVariables>;
export const DashboardTicketsDocument = new TypedDocumentString(`
    query DashboardTickets($period: PeriodInput!, $filter: KpiFilter, $basis: KpiTicketBasis!, $first: Int, $after: String) {
  kpiSlices(period: $period, filter: $filter) {
    tickets(basis: $basis, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          subject
          channel
          priority
          status
          createdAt
          resolvedAt
          assignee {
            name
          }
          team {
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardTicketsQuery, DashboardTicketsQueryVariables>;
export const DashboardSurveysDocument = new TypedDocumentString(`
    query DashboardSurveys($period: PeriodInput!, $filter: KpiFilter, $kinds: [SurveyKind!], $first: Int, $after: String) {
  kpiSlices(period: $period, filter: $filter) {
    surveyResponses(kinds: $kinds, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          score
          comment
          respondedAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardSurveysQuery, DashboardSurveysQueryVariables>;
export const DashboardInteractionsDocument = new TypedDocumentString(`
    query DashboardInteractions($period: PeriodInput!, $filter: KpiFilter, $first: Int, $after: String) {
  kpiSlices(period: $period, filter: $filter) {
    interactions(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          startedAt
          talkSeconds
          holdSeconds
          wrapUpSeconds
          agent {
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardInteractionsQuery, DashboardInteractionsQueryVariables>;
export const AgentKpisDocument = new TypedDocumentString(`
    query AgentKpis($period: PeriodInput!, $filter: KpiFilter, $first: Int, $after: String, $agentFilter: AgentFilter, $orderBy: AgentOrder) {
  agents(first: $first, after: $after, filter: $agentFilter, orderBy: $orderBy) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        externalId
        name
        active
        team {
          id
          name
        }
        kpis(period: $period, filter: $filter) {
          ...KpiValues
        }
      }
    }
  }
}
    fragment KpiValues on KpiSet {
  ticketCount
  resolvedCount
  backlog
  firstResponseTime {
    count
    average
    median
    p90
  }
  resolutionTime {
    count
    average
    median
    p90
  }
  firstContactResolution {
    value
    numerator
    denominator
  }
  averageHandleTime {
    count
    average
    median
    p90
    averageTalk
    averageHold
    averageWrapUp
  }
  nps {
    score
    promoters
    passives
    detractors
    responses
  }
  csat {
    rate {
      value
      numerator
      denominator
    }
    average
    responses
  }
  ces {
    average
    lowEffort {
      value
      numerator
      denominator
    }
    responses
  }
  selfServiceOpportunity {
    value
    numerator
    denominator
  }
  firstResponseBusinessTime {
    count
    average
    median
    p90
  }
  resolutionBusinessTime {
    count
    average
    median
    p90
  }
  firstResponseSla {
    rate {
      value
      numerator
      denominator
    }
    achieved
    breached
    pending
  }
  resolutionSla {
    rate {
      value
      numerator
      denominator
    }
    achieved
    breached
    pending
  }
}`) as unknown as TypedDocumentString<AgentKpisQuery, AgentKpisQueryVariables>;
export const TeamKpisDocument = new TypedDocumentString(`
    query TeamKpis($period: PeriodInput!, $filter: KpiFilter, $first: Int, $after: String, $orderBy: TeamOrder) {
  teams(first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        externalId
        name
        kpis(period: $period, filter: $filter) {
          ...KpiValues
        }
      }
    }
  }
}
    fragment KpiValues on KpiSet {
  ticketCount
  resolvedCount
  backlog
  firstResponseTime {
    count
    average
    median
    p90
  }
  resolutionTime {
    count
    average
    median
    p90
  }
  firstContactResolution {
    value
    numerator
    denominator
  }
  averageHandleTime {
    count
    average
    median
    p90
    averageTalk
    averageHold
    averageWrapUp
  }
  nps {
    score
    promoters
    passives
    detractors
    responses
  }
  csat {
    rate {
      value
      numerator
      denominator
    }
    average
    responses
  }
  ces {
    average
    lowEffort {
      value
      numerator
      denominator
    }
    responses
  }
  selfServiceOpportunity {
    value
    numerator
    denominator
  }
  firstResponseBusinessTime {
    count
    average
    median
    p90
  }
  resolutionBusinessTime {
    count
    average
    median
    p90
  }
  firstResponseSla {
    rate {
      value
      numerator
      denominator
    }
    achieved
    breached
    pending
  }
  resolutionSla {
    rate {
      value
      numerator
      denominator
    }
    achieved
    breached
    pending
  }
}`) as unknown as TypedDocumentString<TeamKpisQuery, TeamKpisQueryVariables>;
export const KpisDocument = new TypedDocumentString(`
    query Kpis($period: PeriodInput!, $filter: KpiFilter, $withCustomerKpis: Boolean = true, $against: ComparisonBasis = PREVIOUS_PERIOD) {
  kpis(period: $period, filter: $filter) {
    ...KpiValues
    ...KpiConfidence
    ...CustomerKpiValues @include(if: $withCustomerKpis)
    comparison(against: $against) {
      against
      from
      to
      change {
        ...KpiChanges
        ... @include(if: $withCustomerKpis) {
          customersAtStart {
            ...Change
          }
          customersAtEnd {
            ...Change
          }
          newCustomers {
            ...Change
          }
          retentionRate {
            ...Change
          }
          churnRate {
            ...Change
          }
        }
      }
    }
  }
}
    fragment KpiValues on KpiSet {
  ticketCount
  resolvedCount
  backlog
  firstResponseTime {
    count
    average
    median
    p90
  }
  resolutionTime {
    count
    average
    median
    p90
  }
  firstContactResolution {
    value
    numerator
    denominator
  }
  averageHandleTime {
    count
    average
    median
    p90
    averageTalk
    averageHold
    averageWrapUp
  }
  nps {
    score
    promoters
    passives
    detractors
    responses
  }
  csat {
    rate {
      value
      numerator
      denominator
    }
    average
    responses
  }
  ces {
    average
    lowEffort {
      value
      numerator
      denominator
    }
    responses
  }
  selfServiceOpportunity {
    value
    numerator
    denominator
  }
  firstResponseBusinessTime {
    count
    average
    median
    p90
  }
  resolutionBusinessTime {
    count
    average
    median
    p90
  }
  firstResponseSla {
    rate {
      value
      numerator
      denominator
    }
    achieved
    breached
    pending
  }
  resolutionSla {
    rate {
      value
      numerator
      denominator
    }
    achieved
    breached
    pending
  }
}
fragment KpiConfidence on KpiSet {
  firstResponseTime {
    lowSample
  }
  resolutionTime {
    lowSample
  }
  firstContactResolution {
    confidence95 {
      low
      high
    }
    lowSample
  }
  averageHandleTime {
    lowSample
  }
  nps {
    confidence95 {
      low
      high
    }
    lowSample
  }
  csat {
    rate {
      confidence95 {
        low
        high
      }
      lowSample
    }
    lowSample
  }
  ces {
    lowEffort {
      confidence95 {
        low
        high
      }
      lowSample
    }
    lowSample
  }
  selfServiceOpportunity {
    confidence95 {
      low
      high
    }
    lowSample
  }
}
fragment CustomerKpiValues on KpiSet {
  customersAtStart
  customersAtEnd
  newCustomers
  retentionRate {
    value
    numerator
    denominator
  }
  churnRate {
    value
    numerator
    denominator
  }
}
fragment Change on KpiChange {
  current
  previous
  absolute
  relative
}
fragment KpiChanges on KpiChanges {
  ticketCount {
    ...Change
  }
  resolvedCount {
    ...Change
  }
  backlog {
    ...Change
  }
  firstResponseTime {
    ...Change
  }
  resolutionTime {
    ...Change
  }
  firstContactResolution {
    ...Change
  }
  averageHandleTime {
    ...Change
  }
  nps {
    ...Change
  }
  csat {
    ...Change
  }
  ces {
    ...Change
  }
  selfServiceOpportunity {
    ...Change
  }
  firstResponseBusinessTime {
    ...Change
  }
  resolutionBusinessTime {
    ...Change
  }
  firstResponseSla {
    ...Change
  }
  resolutionSla {
    ...Change
  }
}`) as unknown as TypedDocumentString<KpisQuery, KpisQueryVariables>;
export const KpisWithoutCustomerKpisDocument = new TypedDocumentString(`
    query KpisWithoutCustomerKpis($period: PeriodInput!, $filter: KpiFilter, $against: ComparisonBasis = PREVIOUS_PERIOD) {
  kpis(period: $period, filter: $filter) {
    ...KpiValues
    ...KpiConfidence
    comparison(against: $against) {
      against
      from
      to
      change {
        ...KpiChanges
      }
    }
  }
}
    fragment KpiValues on KpiSet {
  ticketCount
  resolvedCount
  backlog
  firstResponseTime {
    count
    average
    median
    p90
  }
  resolutionTime {
    count
    average
    median
    p90
  }
  firstContactResolution {
    value
    numerator
    denominator
  }
  averageHandleTime {
    count
    average
    median
    p90
    averageTalk
    averageHold
    averageWrapUp
  }
  nps {
    score
    promoters
    passives
    detractors
    responses
  }
  csat {
    rate {
      value
      numerator
      denominator
    }
    average
    responses
  }
  ces {
    average
    lowEffort {
      value
      numerator
      denominator
    }
    responses
  }
  selfServiceOpportunity {
    value
    numerator
    denominator
  }
  firstResponseBusinessTime {
    count
    average
    median
    p90
  }
  resolutionBusinessTime {
    count
    average
    median
    p90
  }
  firstResponseSla {
    rate {
      value
      numerator
      denominator
    }
    achieved
    breached
    pending
  }
  resolutionSla {
    rate {
      value
      numerator
      denominator
    }
    achieved
    breached
    pending
  }
}
fragment KpiConfidence on KpiSet {
  firstResponseTime {
    lowSample
  }
  resolutionTime {
    lowSample
  }
  firstContactResolution {
    confidence95 {
      low
      high
    }
    lowSample
  }
  averageHandleTime {
    lowSample
  }
  nps {
    confidence95 {
      low
      high
    }
    lowSample
  }
  csat {
    rate {
      confidence95 {
        low
        high
      }
      lowSample
    }
    lowSample
  }
  ces {
    lowEffort {
      confidence95 {
        low
        high
      }
      lowSample
    }
    lowSample
  }
  selfServiceOpportunity {
    confidence95 {
      low
      high
    }
    lowSample
  }
}
fragment Change on KpiChange {
  current
  previous
  absolute
  relative
}
fragment KpiChanges on KpiChanges {
  ticketCount {
    ...Change
  }
  resolvedCount {
    ...Change
  }
  backlog {
    ...Change
  }
  firstResponseTime {
    ...Change
  }
  resolutionTime {
    ...Change
  }
  firstContactResolution {
    ...Change
  }
  averageHandleTime {
    ...Change
  }
  nps {
    ...Change
  }
  csat {
    ...Change
  }
  ces {
    ...Change
  }
  selfServiceOpportunity {
    ...Change
  }
  firstResponseBusinessTime {
    ...Change
  }
  resolutionBusinessTime {
    ...Change
  }
  firstResponseSla {
    ...Change
  }
  resolutionSla {
    ...Change
  }
}`) as unknown as TypedDocumentString<KpisWithoutCustomerKpisQuery, KpisWithoutCustomerKpisQueryVariables>;
export const KpiSlicesDocument = new TypedDocumentString(`
    query KpiSlices($period: PeriodInput!, $granularity: Granularity, $groupBy: [KpiDimension!], $filter: KpiFilter, $orderBy: KpiSliceOrder, $first: Int, $against: ComparisonBasis = PREVIOUS_PERIOD) {
  kpiSlices(
    period: $period
    granularity: $granularity
    groupBy: $groupBy
    filter: $filter
    orderBy: $orderBy
    first: $first
  ) {
    bucketStart
    bucketEnd
    bucketStartLocal
    group {
      agent {
        id
        name
      }
      team {
        id
        name
      }
      channel
      priority
      category
      customerSegment
      hourOfDay
      dayOfWeek
    }
    kpis {
      ...KpiValues
      ...KpiConfidence
      comparison(against: $against) {
        against
        from
        to
        change {
          ...KpiChanges
        }
      }
    }
  }
}
    fragment KpiValues on KpiSet {
  ticketCount
  resolvedCount
  backlog
  firstResponseTime {
    count
    average
    median
    p90
  }
  resolutionTime {
    count
    average
    median
    p90
  }
  firstContactResolution {
    value
    numerator
    denominator
  }
  averageHandleTime {
    count
    average
    median
    p90
    averageTalk
    averageHold
    averageWrapUp
  }
  nps {
    score
    promoters
    passives
    detractors
    responses
  }
  csat {
    rate {
      value
      numerator
      denominator
    }
    average
    responses
  }
  ces {
    average
    lowEffort {
      value
      numerator
      denominator
    }
    responses
  }
  selfServiceOpportunity {
    value
    numerator
    denominator
  }
  firstResponseBusinessTime {
    count
    average
    median
    p90
  }
  resolutionBusinessTime {
    count
    average
    median
    p90
  }
  firstResponseSla {
    rate {
      value
      numerator
      denominator
    }
    achieved
    breached
    pending
  }
  resolutionSla {
    rate {
      value
      numerator
      denominator
    }
    achieved
    breached
    pending
  }
}
fragment KpiConfidence on KpiSet {
  firstResponseTime {
    lowSample
  }
  resolutionTime {
    lowSample
  }
  firstContactResolution {
    confidence95 {
      low
      high
    }
    lowSample
  }
  averageHandleTime {
    lowSample
  }
  nps {
    confidence95 {
      low
      high
    }
    lowSample
  }
  csat {
    rate {
      confidence95 {
        low
        high
      }
      lowSample
    }
    lowSample
  }
  ces {
    lowEffort {
      confidence95 {
        low
        high
      }
      lowSample
    }
    lowSample
  }
  selfServiceOpportunity {
    confidence95 {
      low
      high
    }
    lowSample
  }
}
fragment Change on KpiChange {
  current
  previous
  absolute
  relative
}
fragment KpiChanges on KpiChanges {
  ticketCount {
    ...Change
  }
  resolvedCount {
    ...Change
  }
  backlog {
    ...Change
  }
  firstResponseTime {
    ...Change
  }
  resolutionTime {
    ...Change
  }
  firstContactResolution {
    ...Change
  }
  averageHandleTime {
    ...Change
  }
  nps {
    ...Change
  }
  csat {
    ...Change
  }
  ces {
    ...Change
  }
  selfServiceOpportunity {
    ...Change
  }
  firstResponseBusinessTime {
    ...Change
  }
  resolutionBusinessTime {
    ...Change
  }
  firstResponseSla {
    ...Change
  }
  resolutionSla {
    ...Change
  }
}`) as unknown as TypedDocumentString<KpiSlicesQuery, KpiSlicesQueryVariables>;
export const KpiTableDocument = new TypedDocumentString(`
    query KpiTable($period: PeriodInput!, $granularity: Granularity, $groupBy: [KpiDimension!], $filter: KpiFilter, $orderBy: KpiSliceOrder, $first: Int, $kpis: [KpiOrderKey!]!) {
  kpiTable(
    period: $period
    granularity: $granularity
    groupBy: $groupBy
    filter: $filter
    orderBy: $orderBy
    first: $first
    kpis: $kpis
  ) {
    columns {
      name
      type
      description
    }
    rows
  }
}
    `) as unknown as TypedDocumentString<KpiTableQuery, KpiTableQueryVariables>;
export const CustomerKpiSlicesDocument = new TypedDocumentString(`
    query CustomerKpiSlices($period: PeriodInput!, $granularity: Granularity, $groupBy: [KpiDimension!], $filter: KpiFilter) {
  kpiSlices(
    period: $period
    granularity: $granularity
    groupBy: $groupBy
    filter: $filter
  ) {
    bucketStart
    bucketEnd
    group {
      customerSegment
    }
    kpis {
      ...CustomerKpiValues
    }
  }
}
    fragment CustomerKpiValues on KpiSet {
  customersAtStart
  customersAtEnd
  newCustomers
  retentionRate {
    value
    numerator
    denominator
  }
  churnRate {
    value
    numerator
    denominator
  }
}`) as unknown as TypedDocumentString<CustomerKpiSlicesQuery, CustomerKpiSlicesQueryVariables>;
export const KpiDefinitionsDocument = new TypedDocumentString(`
    query KpiDefinitions {
  kpiDefinitions {
    name
    title
    unit
    formula
    numerator
    denominator
    timestamp
    dimensions
    emptyValue
    description
  }
}
    `) as unknown as TypedDocumentString<KpiDefinitionsQuery, KpiDefinitionsQueryVariables>;
export const DrillDownTicketsDocument = new TypedDocumentString(`
    query DrillDownTickets($period: PeriodInput!, $filter: KpiFilter, $basis: KpiTicketBasis!, $first: Int, $after: String) {
  kpiSlices(period: $period, filter: $filter) {
    tickets(basis: $basis, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...TicketFields
        }
      }
    }
  }
}
    fragment TicketFields on Ticket {
  id
  externalId
  subject
  channel
  priority
  category
  status
  createdAt
  firstResponseAt
  resolvedAt
  reopenCount
  customer {
    id
    name
    segment
  }
  assignee {
    id
    name
  }
  team {
    id
    name
  }
}`) as unknown as TypedDocumentString<DrillDownTicketsQuery, DrillDownTicketsQueryVariables>;
export const DrillDownSurveyResponsesDocument = new TypedDocumentString(`
    query DrillDownSurveyResponses($period: PeriodInput!, $filter: KpiFilter, $kinds: [SurveyKind!], $basis: KpiSurveyBasis, $first: Int, $after: String) {
  kpiSlices(period: $period, filter: $filter) {
    surveyResponses(kinds: $kinds, basis: $basis, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...SurveyResponseFields
        }
      }
    }
  }
}
    fragment SurveyResponseFields on SurveyResponse {
  id
  externalId
  kind
  score
  comment
  respondedAt
  customer {
    id
    name
  }
  ticket {
    id
    subject
  }
}`) as unknown as TypedDocumentString<DrillDownSurveyResponsesQuery, DrillDownSurveyResponsesQueryVariables>;
export const DrillDownInteractionsDocument = new TypedDocumentString(`
    query DrillDownInteractions($period: PeriodInput!, $filter: KpiFilter, $first: Int, $after: String) {
  kpiSlices(period: $period, filter: $filter) {
    interactions(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...InteractionFields
        }
      }
    }
  }
}
    fragment InteractionFields on Interaction {
  id
  externalId
  startedAt
  talkSeconds
  holdSeconds
  wrapUpSeconds
  handleSeconds
  transferred
  agent {
    id
    name
  }
  ticket {
    id
    subject
  }
}`) as unknown as TypedDocumentString<DrillDownInteractionsQuery, DrillDownInteractionsQueryVariables>;
export const DrillDownCustomersDocument = new TypedDocumentString(`
    query DrillDownCustomers($period: PeriodInput!, $filter: KpiFilter, $basis: KpiCustomerBasis!, $first: Int, $after: String) {
  kpiSlices(period: $period, filter: $filter) {
    customers(basis: $basis, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...CustomerFields
        }
      }
    }
  }
}
    fragment CustomerFields on Customer {
  id
  externalId
  name
  email
  segment
  createdAt
  churnedAt
}`) as unknown as TypedDocumentString<DrillDownCustomersQuery, DrillDownCustomersQueryVariables>;
export const TicketsPageDocument = new TypedDocumentString(`
    query TicketsPage($first: Int, $after: String, $filter: TicketFilter, $orderBy: TicketOrder) {
  tickets(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...TicketFields
      }
    }
  }
}
    fragment TicketFields on Ticket {
  id
  externalId
  subject
  channel
  priority
  category
  status
  createdAt
  firstResponseAt
  resolvedAt
  reopenCount
  customer {
    id
    name
    segment
  }
  assignee {
    id
    name
  }
  team {
    id
    name
  }
}`) as unknown as TypedDocumentString<TicketsPageQuery, TicketsPageQueryVariables>;
export const AgentsPageDocument = new TypedDocumentString(`
    query AgentsPage($first: Int, $after: String, $filter: AgentFilter, $orderBy: AgentOrder) {
  agents(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        externalId
        name
        email
        active
        team {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AgentsPageQuery, AgentsPageQueryVariables>;
export const TeamsPageDocument = new TypedDocumentString(`
    query TeamsPage($first: Int, $after: String, $orderBy: TeamOrder) {
  teams(first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        externalId
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TeamsPageQuery, TeamsPageQueryVariables>;
export const BusinessCalendarsPageDocument = new TypedDocumentString(`
    query BusinessCalendarsPage($first: Int, $after: String) {
  businessCalendars(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        externalId
        name
        timeZone
        isDefault
        weeklyHours {
          day
          opens
          closes
        }
        holidays
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BusinessCalendarsPageQuery, BusinessCalendarsPageQueryVariables>;
export const SlaPoliciesPageDocument = new TypedDocumentString(`
    query SlaPoliciesPage($first: Int, $after: String) {
  slaPolicies(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        externalId
        name
        priority
        firstResponseTargetSeconds
        resolutionTargetSeconds
        businessHours
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SlaPoliciesPageQuery, SlaPoliciesPageQueryVariables>;
export const CustomersPageDocument = new TypedDocumentString(`
    query CustomersPage($first: Int, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {
  customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...CustomerFields
      }
    }
  }
}
    fragment CustomerFields on Customer {
  id
  externalId
  name
  email
  segment
  createdAt
  churnedAt
}`) as unknown as TypedDocumentString<CustomersPageQuery, CustomersPageQueryVariables>;
export const SurveyResponsesPageDocument = new TypedDocumentString(`
    query SurveyResponsesPage($first: Int, $after: String, $filter: SurveyResponseFilter, $orderBy: SurveyResponseOrder) {
  surveyResponses(
    first: $first
    after: $after
    filter: $filter
    orderBy: $orderBy
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...SurveyResponseFields
      }
    }
  }
}
    fragment SurveyResponseFields on SurveyResponse {
  id
  externalId
  kind
  score
  comment
  respondedAt
  customer {
    id
    name
  }
  ticket {
    id
    subject
  }
}`) as unknown as TypedDocumentString<SurveyResponsesPageQuery, SurveyResponsesPageQueryVariables>;
export const ImportRecordsDocument = new TypedDocumentString(`
    mutation ImportRecords($input: ImportRecordsInput!) {
  importRecords(input: $input) {
    ok
    dryRun
    lines
    records
    errorCount
    userErrors {
      line
      field
      message
    }
    summary {
      type
      created
      updated
      unchanged
    }
  }
}
    `) as unknown as TypedDocumentString<ImportRecordsMutation, ImportRecordsMutationVariables>;