// The DeskQL client: typed methods for what partner apps do most, and `execute` for any
// other operation. Every method is one GraphQL operation from ./operations.
import {
  AgentsPageDocument, CustomerKpiSlicesDocument, ImportRecordsDocument, CustomersPageDocument, DrillDownSurveyResponsesDocument,
  DrillDownTicketsDocument, KpiDefinitionsDocument, KpiSlicesDocument, KpisDocument, KpiTableDocument, SurveyResponsesPageDocument,
  TeamsPageDocument, TicketsPageDocument, ViewerDocument,
  type AgentsPageQueryVariables, type CustomerKpiSlicesQueryVariables, type CustomersPageQueryVariables,
  type DrillDownSurveyResponsesQueryVariables, type DrillDownTicketsQueryVariables, type ImportRecordsInput,
  type KpiSlicesQueryVariables, type KpisQueryVariables, type KpiTableQueryVariables,
  type SurveyResponsesPageQueryVariables, type TeamsPageQueryVariables, type TicketsPageQueryVariables,
} from './generated/graphql.js';
import { allNodes, type Page } from './paginate.js';
import { createTransport, type ClientOptions, type ExecuteOptions, type TypedDocument, type VariablesArg } from './transport.js';

/** Page size used by the iterators (the API's maximum). */
const ITERATION_PAGE_SIZE = 100;

type PageArgs<V> = Omit<V, 'first' | 'after'>;

export function createClient(options: ClientOptions) {
  const execute = createTransport(options);
  const pageOf = <V extends { first?: number | null; after?: string | null }, N>(
    fetchPage: (variables: V) => Promise<Page<N>>,
  ) => ({
    /** One page: pass first/after to move through it yourself. */
    page: fetchPage,
    /** Every record, page by page, as the loop advances. */
    all: (variables: PageArgs<V> = {} as PageArgs<V>) =>
      allNodes((after) => fetchPage({ ...variables, first: ITERATION_PAGE_SIZE, after } as V)),
  });

  return {
    /** Runs any operation: a TypedDocumentString from the SDK's generated documents, or your own. */
    execute<TResult, TVariables>(document: TypedDocument<TResult, TVariables>, ...args: [...VariablesArg<TVariables>, ExecuteOptions?]) {
      const [variables, execution] = args as unknown as [TVariables | undefined, ExecuteOptions | undefined];
      return execute(document, variables, execution);
    },

    /** Every KPI over a period, with the previous period (or last year: against 'PREVIOUS_YEAR') and the change of each headline number. */
    async kpis(variables: KpisQueryVariables) {
      return (await execute(KpisDocument, variables)).kpis;
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

    /** The survey responses behind a number, by kind and outcome (e.g. basis 'NPS_DETRACTORS'): one page. */
    async drillDownSurveyResponses(variables: DrillDownSurveyResponsesQueryVariables) {
      return (await execute(DrillDownSurveyResponsesDocument, variables)).kpiSlices[0]!.surveyResponses;
    },

    /**
     * Imports NDJSON records all or nothing (see the server's import format). Invalid lines come
     * back in `userErrors` with nothing written. With an idempotency key the request is safe to
     * retry: the SDK retries it on network failures and the server applies it once.
     */
    async importRecords(input: ImportRecordsInput) {
      return (await execute(ImportRecordsDocument, { input }, input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {})).importRecords;
    },

    tickets: pageOf(async (variables: TicketsPageQueryVariables) => (await execute(TicketsPageDocument, variables)).tickets),
    agents: pageOf(async (variables: AgentsPageQueryVariables) => (await execute(AgentsPageDocument, variables)).agents),
    teams: pageOf(async (variables: TeamsPageQueryVariables) => (await execute(TeamsPageDocument, variables)).teams),
    customers: pageOf(async (variables: CustomersPageQueryVariables) => (await execute(CustomersPageDocument, variables)).customers),
    surveyResponses: pageOf(
      async (variables: SurveyResponsesPageQueryVariables) => (await execute(SurveyResponsesPageDocument, variables)).surveyResponses,
    ),
  };
}

export type DeskqlClient = ReturnType<typeof createClient>;
