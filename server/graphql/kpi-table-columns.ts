// The flat table's columns (kpiTable and /kpis.csv): every KPI spread into scalar columns with
// stable snake_case names, so BI tools get one row per slice. Each KPI's columns follow its
// GraphQL value type field by field (rate_value, rate_numerator, …), read through the same
// readers and helpers as the GraphQL fields, so both answers agree by construction.
import { isLowSample, npsInterval, wilsonInterval } from '../kpi/confidence.js';
import { KPIS, type KpiName, type KpiValue } from '../kpi/definitions.js';
import type { DurationStats } from '../kpi/families/duration.js';
import type { HandleTimeValues } from '../kpi/families/handle-time.js';
import type { SlaCounts } from '../kpi/families/sla.js';
import {
  npsScore,
  rateValue,
  slaRate,
  type CesShape,
  type CsatShape,
  type KpiValueShapes,
  type NpsShape,
  type RateShape,
  type ValueShape,
} from '../kpi/value-shapes.js';

export const COLUMN_TYPES = ['STRING', 'INT', 'FLOAT', 'BOOLEAN', 'DATETIME', 'ID'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];
export type Cell = string | number | boolean | null;

export interface TableColumn {
  name: string;
  type: ColumnType;
  description: string;
}

export interface KpiColumn<Value> extends TableColumn {
  read(value: Value): Cell;
}

export const snakeCase = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

const column = <Value>(name: string, type: ColumnType, description: string, read: (value: Value) => Cell): KpiColumn<Value> => ({
  name,
  type,
  description,
  read,
});

function rateColumns<Value>(prefix: string, title: string, rateOf: (value: Value) => RateShape): Array<KpiColumn<Value>> {
  return [
    column(`${prefix}_value`, 'FLOAT', `${title}: numerator / denominator, empty when the denominator is 0`, (v) => rateValue(rateOf(v))),
    column(`${prefix}_numerator`, 'INT', `${title}: numerator`, (v) => rateOf(v).numerator),
    column(`${prefix}_denominator`, 'INT', `${title}: denominator`, (v) => rateOf(v).denominator),
    column(
      `${prefix}_confidence95_low`,
      'FLOAT',
      `${title}: low end of the 95% Wilson interval`,
      (v) => wilsonInterval(rateOf(v).numerator, rateOf(v).denominator)?.low ?? null,
    ),
    column(
      `${prefix}_confidence95_high`,
      'FLOAT',
      `${title}: high end of the 95% Wilson interval`,
      (v) => wilsonInterval(rateOf(v).numerator, rateOf(v).denominator)?.high ?? null,
    ),
    column(`${prefix}_low_sample`, 'BOOLEAN', `${title}: true when the denominator is below 30`, (v) => isLowSample(rateOf(v).denominator)),
  ];
}

const durationLead = (prefix: string, title: string): Array<KpiColumn<DurationStats>> => [
  column(`${prefix}_count`, 'INT', `${title}: records measured`, (v) => v.count),
  column(`${prefix}_average`, 'FLOAT', `${title}: average, seconds`, (v) => v.average),
  column(`${prefix}_median`, 'FLOAT', `${title}: median, seconds`, (v) => v.median),
  column(`${prefix}_p90`, 'FLOAT', `${title}: 90th percentile, seconds`, (v) => v.p90),
];

const durationLowSample = (prefix: string, title: string) =>
  column(`${prefix}_low_sample`, 'BOOLEAN', `${title}: true when the count is below 30`, (v: DurationStats) => isLowSample(v.count));

const handleTimeParts = (prefix: string, title: string): Array<KpiColumn<HandleTimeValues>> => [
  column(`${prefix}_average_talk`, 'FLOAT', `${title}: average talk, seconds`, (v) => v.averageTalk),
  column(`${prefix}_average_hold`, 'FLOAT', `${title}: average hold, seconds`, (v) => v.averageHold),
  column(`${prefix}_average_wrap_up`, 'FLOAT', `${title}: average wrap-up, seconds`, (v) => v.averageWrapUp),
];

/** The columns of each value shape, in a fixed order, for the KPI `name` (`prefix`: its snake_case). */
const SHAPE_COLUMNS: { [S in ValueShape]: (name: KpiName, prefix: string) => Array<KpiColumn<KpiValueShapes[S]>> } = {
  count: (name, prefix) => [column(prefix, 'INT', name, (v: number) => v)],
  duration: (name, prefix) => [...durationLead(prefix, name), durationLowSample(prefix, name)],
  handleTime: (name, prefix) => [...durationLead(prefix, name), ...handleTimeParts(prefix, name), durationLowSample(prefix, name)],
  rate: (name, prefix) => rateColumns(prefix, name, (v: RateShape) => v),
  nps: () => [
    column('nps_score', 'FLOAT', 'NPS: 100 * (promoters - detractors) / responses', (v: NpsShape) => npsScore(v)),
    column('nps_promoters', 'INT', 'NPS: responses 9-10', (v: NpsShape) => v.promoters),
    column('nps_passives', 'INT', 'NPS: responses 7-8', (v: NpsShape) => v.passives),
    column('nps_detractors', 'INT', 'NPS: responses 0-6', (v: NpsShape) => v.detractors),
    column('nps_responses', 'INT', 'NPS: responses', (v: NpsShape) => v.responses),
    column(
      'nps_confidence95_low',
      'FLOAT',
      'NPS: low end of the 95% interval',
      (v: NpsShape) => npsInterval(v.promoters, v.detractors, v.responses)?.low ?? null,
    ),
    column(
      'nps_confidence95_high',
      'FLOAT',
      'NPS: high end of the 95% interval',
      (v: NpsShape) => npsInterval(v.promoters, v.detractors, v.responses)?.high ?? null,
    ),
    column('nps_low_sample', 'BOOLEAN', 'NPS: true when responses are below 30', (v: NpsShape) => isLowSample(v.responses)),
  ],
  csat: () => [
    ...rateColumns('csat_rate', 'CSAT rate', (v: CsatShape) => ({ numerator: v.satisfied, denominator: v.responses })),
    column('csat_average', 'FLOAT', 'CSAT: average score (1..5)', (v: CsatShape) => v.average),
    column('csat_responses', 'INT', 'CSAT: responses', (v: CsatShape) => v.responses),
    column('csat_low_sample', 'BOOLEAN', 'CSAT: true when responses are below 30', (v: CsatShape) => isLowSample(v.responses)),
  ],
  sla: (name, prefix) => [
    ...rateColumns(`${prefix}_rate`, `${name} rate`, (v: SlaCounts) => slaRate(v)),
    column(`${prefix}_achieved`, 'INT', `${name}: tickets that ended within the target`, (v: SlaCounts) => v.achieved),
    column(`${prefix}_breached`, 'INT', `${name}: tickets that ended after the target, or are open past it`, (v: SlaCounts) => v.breached),
    column(`${prefix}_pending`, 'INT', `${name}: open tickets still within the target`, (v: SlaCounts) => v.pending),
  ],
  ces: () => [
    column('ces_average', 'FLOAT', 'CES: average score (1..7)', (v: CesShape) => v.average),
    ...rateColumns('ces_low_effort', 'CES low effort', (v: CesShape) => ({ numerator: v.lowEffort, denominator: v.responses })),
    column('ces_responses', 'INT', 'CES: responses', (v: CesShape) => v.responses),
    column('ces_low_sample', 'BOOLEAN', 'CES: true when responses are below 30', (v: CesShape) => isLowSample(v.responses)),
  ],
};

/** The columns of one KPI, in a fixed order. */
export function kpiColumns<N extends KpiName>(name: N): Array<KpiColumn<KpiValue<N>>> {
  // The correlated-union cast of definitions.ts: KPIS[name].shape is the shape of KpiValue<N>.
  const columnsOf = SHAPE_COLUMNS[KPIS[name].shape] as unknown as (name: N, prefix: string) => Array<KpiColumn<KpiValue<N>>>;
  return columnsOf(name, snakeCase(name));
}
