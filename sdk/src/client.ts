// The DeskQL client: typed methods for what partner apps do most, and `execute` for any
// other operation. Every method is one GraphQL operation from ./operations.
import {
  AgentKpisDocument,
  TeamKpisDocument,
  type AgentKpisQueryVariables,
  type TeamKpisQueryVariables,
  DrillDownCustomersDocument,
  DrillDownInteractionsDocument,
  DrillDownSurveyResponsesDocument,
  type DrillDownCustomersQueryVariables,
  type DrillDownInteractionsQueryVariables,
  type DrillDownSurveyResponsesQueryVariables,
  AgentsPageDocument,
  BusinessCalendarsPageDocument,
  SlaPoliciesPageDocument,
  CustomerKpiSlicesDocument,
  ImportRecordsDocument,
  CustomersPageDocument,
  DrillDownTicketsDocument,
  KpiDefinitionsDocument,
  KpiSlicesDocument,
  KpisDocument,
  KpisWithoutCustomerKpisDocument,
  type KpisQuery,
  SurveyResponsesPageDocument,
  TeamsPageDocument,
  TicketsPageDocument,
  ViewerDocument,
  type AgentsPageQueryVariables,
  type BusinessCalendarsPageQueryVariables,
  type SlaPoliciesPageQueryVariables,
  type CustomerKpiSlicesQueryVariables,
  type CustomersPageQueryVariables,
  type DrillDownTicketsQueryVariables,
  type ImportRecordsInput,
  type KpiFilter,
  type KpiSlicesQueryVariables,
  type KpisQueryVariables,
  KpiTableDocument,
  type KpiTableQueryVariables,
  type SurveyResponsesPageQueryVariables,
  type TeamsPageQueryVariables,
  type TicketsPageQueryVariables,
} from './generated/graphql.js';
import type { AnyDocument, DocumentNodeLike, TypedDocument } from './document.js';
import type { ResultWithExtensions } from './extensions.js';
import { allNodes, type Page } from './paginate.js';
import { createTransport, type ClientOptions, type ExecuteOptions, type VariablesArg } from './transport.js';

/** Page size used by the iterators (the API's maximum). */
const ITERATION_PAGE_SIZE = 100;

type PageArgs<V> = Omit<V, 'first' | 'after'>;

export function createClient(options: ClientOptions) {
  const send = createTransport(options);
  const execute = async <TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    variables: TVariables,
    execution?: ExecuteOptions,
  ) => (await send(document, variables, execution)).data as TResult;

  /**
   * Runs any operation. A typed document (the SDK's own, a codegen TypedDocumentNode or
   * TypedDocumentString, a gql.tada document) types the variables and the result; a string
   * or an untyped DocumentNode gives the result type you name, `execute<MyResult>(query, vars)`.
   */
  function executeAny<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    ...args: [...VariablesArg<TVariables>, ExecuteOptions?]
  ): Promise<TResult>;
  // Only for documents without types: a typed one whose variables are wrong must fail to compile.
  function executeAny<TResult = unknown>(
    document: string | (DocumentNodeLike & { __apiType?: undefined }),
    variables?: Record<string, unknown>,
    execution?: ExecuteOptions,
  ): Promise<TResult>;
  async function executeAny(document: AnyDocument, variables?: unknown, execution?: ExecuteOptions): Promise<unknown> {
    return (await send(document, variables, execution)).data;
  }

  /** As execute(), with the answer's extensions: cost, freshness (`{ data, extensions }`). */
  function executeWithExtensions<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    ...args: [...VariablesArg<TVariables>, ExecuteOptions?]
  ): Promise<ResultWithExtensions<TResult>>;
  function executeWithExtensions<TResult = unknown>(
    document: string | (DocumentNodeLike & { __apiType?: undefined }),
    variables?: Record<string, unknown>,
    execution?: ExecuteOptions,
  ): Promise<ResultWithExtensions<TResult>>;
  function executeWithExtensions(
    document: AnyDocument,
    variables?: unknown,
    execution?: ExecuteOptions,
  ): Promise<ResultWithExtensions<unknown>> {
    return send(document, variables, execution);
  }

  const pageOf = <V extends { first?: number | null; after?: string | null }, N>(fetchPage: (variables: V) => Promise<Page<N>>) => ({
    /** One page: pass first/after to move through it yourself. */
    page: fetchPage,
    /** Every record, page by page, as the loop advances. */
    all: (variables: PageArgs<V> = {} as PageArgs<V>) =>
      allNodes((after) => fetchPage({ ...variables, first: ITERATION_PAGE_SIZE, after } as V)),
  });

  return {
    execute: executeAny,
    executeWithExtensions,

    /** Every KPI over a period, with the previous period (or last year: against 'PREVIOUS_YEAR') and the change of each headline number. */
    async kpis(variables: KpisQueryVariables) {
      const withCustomerKpis = variables.withCustomerKpis ?? customerKpisAllow(variables.filter);
      if (withCustomerKpis) return (await execute(KpisDocument, variables)).kpis;
      const { withCustomerKpis: _, ...others } = variables;
      // The same set without the optional customer parts: exactly what KpisQuery allows.
      return (await execute(KpisWithoutCustomerKpisDocument, others)).kpis as KpisQuery['kpis'];
    },

    /** KPIs per bucket and group, optionally the top N by a KPI (customer KPIs: see customerKpiSlices). */
    async kpiSlices(variables: KpiSlicesQueryVariables) {
      return (await execute(KpiSlicesDocument, variables)).kpiSlices;
    },

    /** The kpiSlices answer as a flat table for BI: typed snake_case columns and rows of scalars (as /kpis.csv serves it). */
    async kpiTable(variables: KpiTableQueryVariables) {
      return (await execute(KpiTableDocument, variables)).kpiTable;
    },

    /** Customers at start and end, new customers, retention and churn, per bucket and segment. */
    async customerKpiSlices(variables: CustomerKpiSlicesQueryVariables) {
      return (await execute(CustomerKpiSlicesDocument, variables)).kpiSlices;
    },

    /** Who the API key is: its name, scopes, and the teams it is restricted to (if any). */
    async viewer() {
      return (await execute(ViewerDocument, {})).viewer;
    },

    /** What every KPI means: unit, formula, numerator, denominator, timestamp, dimensions. */
    async kpiDefinitions() {
      return (await execute(KpiDefinitionsDocument, {})).kpiDefinitions;
    },

    /** The tickets behind a ticket KPI of a period (and filter): one page. */
    async drillDownTickets(variables: DrillDownTicketsQueryVariables) {
      return (await execute(DrillDownTicketsDocument, variables)).kpiSlices[0]!.tickets;
    },

    /** The survey responses behind NPS, CSAT or CES of a period (and filter): one page; `kinds` picks the survey, `basis` an outcome (e.g. 'NPS_DETRACTORS'). */
    async drillDownSurveyResponses(variables: DrillDownSurveyResponsesQueryVariables) {
      return (await execute(DrillDownSurveyResponsesDocument, variables)).kpiSlices[0]!.surveyResponses;
    },

    /** The interactions behind average handle time of a period (and filter): one page. */
    async drillDownInteractions(variables: DrillDownInteractionsQueryVariables) {
      return (await execute(DrillDownInteractionsDocument, variables)).kpiSlices[0]!.interactions;
    },

    /** The customers behind a customer KPI: AT_START, AT_END, NEW or CHURNED in the period. One page. */
    async drillDownCustomers(variables: DrillDownCustomersQueryVariables) {
      return (await execute(DrillDownCustomersDocument, variables)).kpiSlices[0]!.customers;
    },

    /**
     * Imports NDJSON records all or nothing (see the server's import format). Invalid lines come
     * back in `userErrors` with nothing written. With an idempotency key the request is safe to
     * retry: the SDK retries it on network failures and the server applies it once.
     */
    async importRecords(input: ImportRecordsInput) {
      return (await execute(ImportRecordsDocument, { input }, input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}))
        .importRecords;
    },

    /** Each agent's KPIs over a period, a page of agents at a time (`.page`), or every agent (`.all`). */
    agentKpis: pageOf(async (variables: AgentKpisQueryVariables) => (await execute(AgentKpisDocument, variables)).agents),
    /** Each team's KPIs over a period, a page of teams at a time (`.page`), or every team (`.all`). */
    teamKpis: pageOf(async (variables: TeamKpisQueryVariables) => (await execute(TeamKpisDocument, variables)).teams),

    tickets: pageOf(async (variables: TicketsPageQueryVariables) => (await execute(TicketsPageDocument, variables)).tickets),
    agents: pageOf(async (variables: AgentsPageQueryVariables) => (await execute(AgentsPageDocument, variables)).agents),
    teams: pageOf(async (variables: TeamsPageQueryVariables) => (await execute(TeamsPageDocument, variables)).teams),
    businessCalendars: pageOf(
      async (variables: BusinessCalendarsPageQueryVariables) => (await execute(BusinessCalendarsPageDocument, variables)).businessCalendars,
    ),
    slaPolicies: pageOf(
      async (variables: SlaPoliciesPageQueryVariables) => (await execute(SlaPoliciesPageDocument, variables)).slaPolicies,
    ),
    customers: pageOf(async (variables: CustomersPageQueryVariables) => (await execute(CustomersPageDocument, variables)).customers),
    surveyResponses: pageOf(
      async (variables: SurveyResponsesPageQueryVariables) => (await execute(SurveyResponsesPageDocument, variables)).surveyResponses,
    ),
  };
}

/** Customer KPIs take no filter but customerSegments (the server says so for any other). */
function customerKpisAllow(filter: KpiFilter | null | undefined): boolean {
  return Object.entries(filter ?? {}).every(([name, value]) => name === 'customerSegments' || value === null || value === undefined);
}

export type DeskqlClient = ReturnType<typeof createClient>;
