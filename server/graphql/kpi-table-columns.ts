// The flat table's columns (kpiTable and /kpis.csv): every KPI spread into scalar columns with
// stable snake_case names, so BI tools get one row per slice. Each KPI's columns follow its
// GraphQL value type field by field (rate_value, rate_numerator, …), read through the same
// readers and helpers as the GraphQL fields, so both answers agree by construction.
import { isLowSample, npsInterval, wilsonInterval } from '../kpi/confidence.js';
import type { KpiName } from '../kpi/definitions.js';
import type { SlaCounts } from '../kpi/families/sla.js';
import { slaRate } from './types/sla-attainment.js';
import { npsScore, rateValue, type CesShape, type CsatShape, type NpsShape, type RateShape } from './types/kpi-values.js';

export const COLUMN_TYPES = ['STRING', 'INT', 'FLOAT', 'BOOLEAN', 'DATETIME', 'ID'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];
export type Cell = string | number | boolean | null;

export interface TableColumn {
  name: string;
  type: ColumnType;
  description: string;
}

interface KpiColumn extends TableColumn {
  read(value: any): Cell;
}

/** The shape of each KPI's value. A new KPI fails to compile until it is given one. */
const SHAPES = {
  ticketCount: 'count',
  resolvedCount: 'count',
  backlog: 'count',
  firstResponseTime: 'duration',
  resolutionTime: 'duration',
  firstContactResolution: 'rate',
  averageHandleTime: 'handleTime',
  nps: 'nps',
  csat: 'csat',
  ces: 'ces',
  selfServiceOpportunity: 'rate',
  customersAtStart: 'count',
  customersAtEnd: 'count',
  newCustomers: 'count',
  retentionRate: 'rate',
  churnRate: 'rate',
  firstResponseBusinessTime: 'duration',
  resolutionBusinessTime: 'duration',
  firstResponseSla: 'sla',
  resolutionSla: 'sla',
} as const satisfies Record<KpiName, string>;

export const snakeCase = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

const column = (name: string, type: ColumnType, description: string, read: (value: any) => Cell): KpiColumn => ({ name, type, description, read });

function rateColumns(prefix: string, title: string, rateOf: (value: any) => RateShape): KpiColumn[] {
  return [
    column(`${prefix}_value`, 'FLOAT', `${title}: numerator / denominator, empty when the denominator is 0`, (v) => rateValue(rateOf(v))),
    column(`${prefix}_numerator`, 'INT', `${title}: numerator`, (v) => rateOf(v).numerator),
    column(`${prefix}_denominator`, 'INT', `${title}: denominator`, (v) => rateOf(v).denominator),
    column(`${prefix}_confidence95_low`, 'FLOAT', `${title}: low end of the 95% Wilson interval`, (v) => wilsonInterval(rateOf(v).numerator, rateOf(v).denominator)?.low ?? null),
    column(`${prefix}_confidence95_high`, 'FLOAT', `${title}: high end of the 95% Wilson interval`, (v) => wilsonInterval(rateOf(v).numerator, rateOf(v).denominator)?.high ?? null),
    column(`${prefix}_low_sample`, 'BOOLEAN', `${title}: true when the denominator is below 30`, (v) => isLowSample(rateOf(v).denominator)),
  ];
}

function durationColumns(prefix: string, title: string, parts: boolean): KpiColumn[] {
  const columns = [
    column(`${prefix}_count`, 'INT', `${title}: records measured`, (v) => v.count),
    column(`${prefix}_average`, 'FLOAT', `${title}: average, seconds`, (v) => v.average),
    column(`${prefix}_median`, 'FLOAT', `${title}: median, seconds`, (v) => v.median),
    column(`${prefix}_p90`, 'FLOAT', `${title}: 90th percentile, seconds`, (v) => v.p90),
  ];
  if (parts) {
    columns.push(
      column(`${prefix}_average_talk`, 'FLOAT', `${title}: average talk, seconds`, (v) => v.averageTalk),
      column(`${prefix}_average_hold`, 'FLOAT', `${title}: average hold, seconds`, (v) => v.averageHold),
      column(`${prefix}_average_wrap_up`, 'FLOAT', `${title}: average wrap-up, seconds`, (v) => v.averageWrapUp),
    );
  }
  columns.push(column(`${prefix}_low_sample`, 'BOOLEAN', `${title}: true when the count is below 30`, (v) => isLowSample(v.count)));
  return columns;
}

/** The columns of one KPI, in a fixed order. */
export function kpiColumns(name: KpiName): KpiColumn[] {
  const prefix = snakeCase(name);
  switch (SHAPES[name]) {
    case 'count':
      return [column(prefix, 'INT', name, (v) => v as number)];
    case 'duration':
      return durationColumns(prefix, name, false);
    case 'handleTime':
      return durationColumns(prefix, name, true);
    case 'rate':
      return rateColumns(prefix, name, (v) => v as RateShape);
    case 'nps':
      return [
        column('nps_score', 'FLOAT', 'NPS: 100 * (promoters - detractors) / responses', (v: NpsShape) => npsScore(v)),
        column('nps_promoters', 'INT', 'NPS: responses 9-10', (v: NpsShape) => v.promoters),
        column('nps_passives', 'INT', 'NPS: responses 7-8', (v: NpsShape) => v.passives),
        column('nps_detractors', 'INT', 'NPS: responses 0-6', (v: NpsShape) => v.detractors),
        column('nps_responses', 'INT', 'NPS: responses', (v: NpsShape) => v.responses),
        column('nps_confidence95_low', 'FLOAT', 'NPS: low end of the 95% interval', (v: NpsShape) => npsInterval(v.promoters, v.detractors, v.responses)?.low ?? null),
        column('nps_confidence95_high', 'FLOAT', 'NPS: high end of the 95% interval', (v: NpsShape) => npsInterval(v.promoters, v.detractors, v.responses)?.high ?? null),
        column('nps_low_sample', 'BOOLEAN', 'NPS: true when responses are below 30', (v: NpsShape) => isLowSample(v.responses)),
      ];
    case 'csat':
      return [
        ...rateColumns('csat_rate', 'CSAT rate', (v: CsatShape) => ({ numerator: v.satisfied, denominator: v.responses })),
        column('csat_average', 'FLOAT', 'CSAT: average score (1..5)', (v: CsatShape) => v.average),
        column('csat_responses', 'INT', 'CSAT: responses', (v: CsatShape) => v.responses),
        column('csat_low_sample', 'BOOLEAN', 'CSAT: true when responses are below 30', (v: CsatShape) => isLowSample(v.responses)),
      ];
    case 'sla':
      return [
        ...rateColumns(`${prefix}_rate`, `${name} rate`, (v: SlaCounts) => slaRate(v)),
        column(`${prefix}_achieved`, 'INT', `${name}: tickets that ended within the target`, (v: SlaCounts) => v.achieved),
        column(`${prefix}_breached`, 'INT', `${name}: tickets that ended after the target, or are open past it`, (v: SlaCounts) => v.breached),
        column(`${prefix}_pending`, 'INT', `${name}: open tickets still within the target`, (v: SlaCounts) => v.pending),
      ];
    case 'ces':
      return [
        column('ces_average', 'FLOAT', 'CES: average score (1..7)', (v: CesShape) => v.average),
        ...rateColumns('ces_low_effort', 'CES low effort', (v: CesShape) => ({ numerator: v.lowEffort, denominator: v.responses })),
        column('ces_responses', 'INT', 'CES: responses', (v: CesShape) => v.responses),
        column('ces_low_sample', 'BOOLEAN', 'CES: true when responses are below 30', (v: CesShape) => isLowSample(v.responses)),
      ];
  }
}
