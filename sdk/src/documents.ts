// The package's public share of the generated module, named one by one. Codegen output is an
// implementation detail (a codegen upgrade may rename or add helpers); what partners get is
// this list: the built-in documents with their result and variables types, the fragments
// those results are made of, and the schema's inputs and enums. Adding to it is a minor
// release, removing from it a major one (docs: sdk/README.md, "Versions").
export {
  AgentKpisDocument,
  AgentsPageDocument,
  CustomerKpiSlicesDocument,
  CustomersPageDocument,
  DrillDownCustomersDocument,
  DrillDownInteractionsDocument,
  DrillDownSurveyResponsesDocument,
  DrillDownTicketsDocument,
  ImportRecordsDocument,
  KpiDefinitionsDocument,
  KpiSlicesDocument,
  KpisDocument,
  SurveyResponsesPageDocument,
  TeamKpisDocument,
  TeamsPageDocument,
  TicketsPageDocument,
  ViewerDocument,
} from './generated/graphql.js';

export type {
  // Results and variables of the built-in documents.
  AgentKpisQuery, AgentKpisQueryVariables,
  AgentsPageQuery, AgentsPageQueryVariables,
  CustomerKpiSlicesQuery, CustomerKpiSlicesQueryVariables,
  CustomersPageQuery, CustomersPageQueryVariables,
  DrillDownCustomersQuery, DrillDownCustomersQueryVariables,
  DrillDownInteractionsQuery, DrillDownInteractionsQueryVariables,
  DrillDownSurveyResponsesQuery, DrillDownSurveyResponsesQueryVariables,
  DrillDownTicketsQuery, DrillDownTicketsQueryVariables,
  ImportRecordsMutation, ImportRecordsMutationVariables,
  KpiDefinitionsQuery, KpiDefinitionsQueryVariables,
  KpiSlicesQuery, KpiSlicesQueryVariables,
  KpisQuery, KpisQueryVariables,
  SurveyResponsesPageQuery, SurveyResponsesPageQueryVariables,
  TeamKpisQuery, TeamKpisQueryVariables,
  TeamsPageQuery, TeamsPageQueryVariables,
  TicketsPageQuery, TicketsPageQueryVariables,
  ViewerQuery, ViewerQueryVariables,
  // The fragments those results are made of.
  ChangeFragment, CustomerFieldsFragment, CustomerKpiValuesFragment, InteractionFieldsFragment, KpiChangesFragment, KpiValuesFragment,
  SurveyResponseFieldsFragment, TicketFieldsFragment,
  // Inputs.
  AgentFilter, AgentOrder, CustomerFilter, CustomerOrder, ImportRecordsInput, KpiFilter, PeriodInput,
  SurveyResponseFilter, SurveyResponseOrder, TeamOrder, TicketFilter, TicketOrder,
  // Enums (string unions).
  AgentOrderField, ApiScope, Channel, CustomerOrderField, Granularity, KpiCustomerBasis, KpiDimension, KpiTicketBasis, KpiUnit,
  OrderDirection, Priority, SurveyKind, SurveyResponseOrderField, TeamOrderField, TicketOrderField, TicketStatus,
} from './generated/graphql.js';
