// The dashboard's only way to the API: the project's own SDK client and the dashboard's typed
// operations (sdk/src/operations/dashboard.graphql), so the page breaks at build time, not in
// front of a manager, when the schema changes.
import { createClient } from '../../sdk/src/client.js';
import {
  DashboardAgentsDocument,
  DashboardBreakdownDocument,
  DashboardHeadlineDocument,
  DashboardInteractionsDocument,
  DashboardSurveysDocument,
  DashboardTeamsDocument,
  DashboardTicketsDocument,
  ViewerDocument,
  type DashboardAgentsQuery,
  type DashboardBreakdownQuery,
  type DashboardHeadlineQuery,
  type DashboardInteractionsQuery,
  type DashboardSurveysQuery,
  type DashboardTicketsQuery,
  type KpiFilter,
  type KpiTicketBasis,
  type PeriodInput,
  type SurveyKind,
  type ViewerQuery,
} from '../../sdk/src/generated/graphql.js';
import { startOfDay, addDays } from './zoned-dates.ts';
import type { ViewState } from './view-state.ts';

export type Headline = DashboardHeadlineQuery['kpis'];
export type Breakdown = DashboardBreakdownQuery;
export type AgentRows = DashboardAgentsQuery['kpiSlices'];
export type Viewer = ViewerQuery['viewer'];
export type TicketPage = DashboardTicketsQuery['kpiSlices'][number]['tickets'];
export type SurveyPage = DashboardSurveysQuery['kpiSlices'][number]['surveyResponses'];
export type InteractionPage = DashboardInteractionsQuery['kpiSlices'][number]['interactions'];
export type { KpiFilter, KpiTicketBasis, SurveyKind, PeriodInput };

/** The API period of a view: from the first day's midnight to the midnight after the last day. */
export function periodOf(state: ViewState): PeriodInput {
  return { from: startOfDay(state.from, state.timeZone), to: startOfDay(addDays(state.to, 1), state.timeZone), timeZone: state.timeZone };
}

export function filterOf(state: ViewState, extra: KpiFilter = {}): KpiFilter | undefined {
  const filter: KpiFilter = { ...extra };
  if (state.team && !filter.teamIds) filter.teamIds = [state.team];
  return Object.keys(filter).length > 0 ? filter : undefined;
}

export function dashboardApi(apiKey: string | undefined) {
  // Same origin: the page is served by the API server itself.
  const client = createClient({ url: new URL('/graphql', location.href).toString(), apiKey, retry: { retries: 1 } });
  return {
    viewer: async () => (await client.execute(ViewerDocument, {})).viewer,
    teams: async () => (await client.execute(DashboardTeamsDocument, {})).teams.edges.map((edge) => edge.node),
    headline: async (state: ViewState) =>
      (await client.execute(DashboardHeadlineDocument, { period: periodOf(state), filter: filterOf(state) })).kpis,
    breakdown: (state: ViewState) =>
      client.execute(DashboardBreakdownDocument, { period: periodOf(state), granularity: state.granularity, filter: filterOf(state) }),
    agents: async (state: ViewState) =>
      (await client.execute(DashboardAgentsDocument, { period: periodOf(state), filter: filterOf(state) })).kpiSlices,
    tickets: async (period: PeriodInput, filter: KpiFilter | undefined, basis: KpiTicketBasis, after?: string) =>
      (await client.execute(DashboardTicketsDocument, { period, filter, basis, first: 50, after })).kpiSlices[0]!.tickets,
    surveys: async (period: PeriodInput, filter: KpiFilter | undefined, kinds: SurveyKind[], after?: string) =>
      (await client.execute(DashboardSurveysDocument, { period, filter, kinds, first: 50, after })).kpiSlices[0]!.surveyResponses,
    interactions: async (period: PeriodInput, filter: KpiFilter | undefined, after?: string) =>
      (await client.execute(DashboardInteractionsDocument, { period, filter, first: 50, after })).kpiSlices[0]!.interactions,
  };
}

export type DashboardApi = ReturnType<typeof dashboardApi>;
