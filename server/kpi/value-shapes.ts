// The shapes a KPI's value takes (api-contract.md), their headline numbers, and the pure
// arithmetic on them. A KPI declares its shape (definitions.ts); the GraphQL type, the flat
// table's columns and the headline follow from it.
import type { DurationStats } from './families/duration.js';
import type { HandleTimeValues } from './families/handle-time.js';
import type { SlaCounts } from './families/sla.js';

export interface RateShape {
  numerator: number;
  denominator: number;
}

/** numerator / denominator, or null when the denominator is 0 (kpi-spec: rates). */
export const rateValue = (r: RateShape): number | null => (r.denominator === 0 ? null : r.numerator / r.denominator);

export interface NpsShape {
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
}

/** 100 * (promoters - detractors) / responses, or null with no responses. */
export const npsScore = (n: NpsShape): number | null => (n.responses === 0 ? null : (100 * (n.promoters - n.detractors)) / n.responses);

export interface CsatShape {
  satisfied: number;
  responses: number;
  average: number | null;
}

export interface CesShape {
  lowEffort: number;
  responses: number;
  average: number | null;
}

/** achieved / (achieved + breached): pending tickets are not decided yet. */
export const slaRate = (c: SlaCounts): RateShape => ({ numerator: c.achieved, denominator: c.achieved + c.breached });

/** The value of each shape. */
export interface KpiValueShapes {
  count: number;
  duration: DurationStats;
  handleTime: HandleTimeValues;
  rate: RateShape;
  nps: NpsShape;
  csat: CsatShape;
  ces: CesShape;
  sla: SlaCounts;
}

export type ValueShape = keyof KpiValueShapes;

/** The headline number of each shape, compared in KpiComparison.change and used to order slices. */
export const HEADLINES: { [S in ValueShape]: (value: KpiValueShapes[S]) => number | null } = {
  count: (n) => n,
  duration: (d) => d.average,
  handleTime: (d) => d.average,
  rate: rateValue,
  nps: npsScore,
  csat: (c) => rateValue({ numerator: c.satisfied, denominator: c.responses }),
  ces: (c) => c.average,
  // issue "ordering": an SLA KPI's headline is its rate's value.
  sla: (c) => rateValue(slaRate(c)),
};
