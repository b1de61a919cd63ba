// What a click on a number opens: the records the API counts for it, by the basis its KPI
// names (docs/kpis.md): tickets by creation, resolution, backlog..., survey answers, or the
// interactions behind the handle time.
import type { KpiFilter, KpiTicketBasis, SurveyKind } from './dashboard-api.ts';

export type DrillTarget =
  | { kind: 'tickets'; basis: KpiTicketBasis; title: string; filter?: KpiFilter }
  | { kind: 'surveys'; kinds: SurveyKind[]; title: string; filter?: KpiFilter }
  | { kind: 'interactions'; title: string; filter?: KpiFilter };
