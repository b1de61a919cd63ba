// The value shapes of KPIs (api-contract.md): rates with their counts, duration statistics,
// survey scores, and the change of a number against the previous period.
import type { DurationStats as DurationStatsShape } from '../../kpi/families/duration.js';
import type { HandleTimeValues } from '../../kpi/families/handle-time.js';
import { isLowSample, LOW_SAMPLE, npsInterval, wilsonInterval, type Interval as IntervalShape } from '../../kpi/confidence.js';
import { npsScore, rateValue, type CesShape, type CsatShape, type NpsShape, type RateShape } from '../../kpi/value-shapes.js';
import { builder } from '../builder.js';

export const Interval = builder.objectRef<IntervalShape>('Interval').implement({
  description: 'A 95% confidence interval: the true value lies between low and high with 95% confidence.',
  fields: (t) => ({
    low: t.exposeFloat('low'),
    high: t.exposeFloat('high'),
  }),
});

type SchemaTypesOf<B> = B extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

const lowSampleField = <Parent>(
  t: PothosSchemaTypes.ObjectFieldBuilder<SchemaTypesOf<typeof builder>, Parent>,
  sampleName: string,
  sample: (parent: Parent) => number,
) =>
  t.boolean({
    description: `True when the sample (${sampleName}) is below ${LOW_SAMPLE}: too few records for the number to mean much.`,
    resolve: (parent) => isLowSample(sample(parent)),
  });

export const Rate = builder.objectRef<RateShape>('Rate').implement({
  description: 'A share: value = numerator / denominator, a fraction in [0, 1]; null when the denominator is 0.',
  fields: (t) => ({
    value: t.float({ nullable: true, resolve: rateValue }),
    numerator: t.exposeInt('numerator'),
    denominator: t.exposeInt('denominator'),
    confidence95: t.field({
      type: Interval,
      nullable: true,
      description: 'Wilson score interval of value at 95% (z = 1.959963984540054), within [0, 1]; null when the denominator is 0.',
      resolve: (r) => wilsonInterval(r.numerator, r.denominator),
    }),
    lowSample: lowSampleField(t, 'denominator', (r: RateShape) => r.denominator),
  }),
});

export const DurationStats = builder.objectRef<DurationStatsShape>('DurationStats').implement({
  description:
    'Statistics of a duration in seconds. Percentiles interpolate linearly between the closest ranks. Empty sample: count 0, the rest null.',
  fields: (t) => ({
    count: t.exposeInt('count', { description: 'How many records the statistics cover.' }),
    average: t.exposeFloat('average', { nullable: true }),
    median: t.exposeFloat('median', { nullable: true }),
    p90: t.exposeFloat('p90', { nullable: true, description: '90th percentile.' }),
    lowSample: lowSampleField(t, 'count', (d: DurationStatsShape) => d.count),
  }),
});

export const HandleTimeStats = builder.objectRef<HandleTimeValues>('HandleTimeStats').implement({
  description: 'Handle time per interaction in seconds (talk + hold + wrap-up). average is the AHT. Empty sample: count 0, the rest null.',
  fields: (t) => ({
    count: t.exposeInt('count'),
    average: t.exposeFloat('average', { nullable: true }),
    median: t.exposeFloat('median', { nullable: true }),
    p90: t.exposeFloat('p90', { nullable: true }),
    averageTalk: t.exposeFloat('averageTalk', { nullable: true }),
    averageHold: t.exposeFloat('averageHold', { nullable: true }),
    averageWrapUp: t.exposeFloat('averageWrapUp', { nullable: true }),
    lowSample: lowSampleField(t, 'count', (d: HandleTimeValues) => d.count),
  }),
});

export const NpsScore = builder.objectRef<NpsShape>('NpsScore').implement({
  description: 'Net Promoter Score: 100 * (promoters - detractors) / responses, from -100 to 100; null with no responses.',
  fields: (t) => ({
    score: t.float({ nullable: true, resolve: npsScore }),
    promoters: t.exposeInt('promoters', { description: 'Responses scoring 9 or 10.' }),
    passives: t.exposeInt('passives', { description: 'Responses scoring 7 or 8.' }),
    detractors: t.exposeInt('detractors', { description: 'Responses scoring 0 to 6.' }),
    responses: t.exposeInt('responses'),
    confidence95: t.field({
      type: Interval,
      nullable: true,
      description:
        'score +/- z * 100 * sqrt((P + D - (P - D)^2) / n) with P and D the promoter and detractor shares, n the responses and ' +
        'z = 1.959963984540054, clipped to [-100, 100]; null with no responses.',
      resolve: (n) => npsInterval(n.promoters, n.detractors, n.responses),
    }),
    lowSample: lowSampleField(t, 'responses', (n: NpsShape) => n.responses),
  }),
});

export const CsatScore = builder.objectRef<CsatShape>('CsatScore').implement({
  description: 'Customer satisfaction: the share of CSAT responses scoring 4 or 5, and the average score (1..5).',
  fields: (t) => ({
    rate: t.field({ type: Rate, resolve: (c) => ({ numerator: c.satisfied, denominator: c.responses }) }),
    average: t.exposeFloat('average', { nullable: true }),
    responses: t.exposeInt('responses'),
    lowSample: lowSampleField(t, 'responses', (c: CsatShape) => c.responses),
  }),
});

export const CesScore = builder.objectRef<CesShape>('CesScore').implement({
  description: 'Customer effort: the average CES score (1..7, 7 = very easy), and the share of low-effort answers (score >= 5).',
  fields: (t) => ({
    average: t.exposeFloat('average', { nullable: true }),
    lowEffort: t.field({ type: Rate, resolve: (c) => ({ numerator: c.lowEffort, denominator: c.responses }) }),
    responses: t.exposeInt('responses'),
    lowSample: lowSampleField(t, 'responses', (c: CesShape) => c.responses),
  }),
});

export interface ChangeShape {
  current: number | null;
  previous: number | null;
}

export const KpiChange = builder.objectRef<ChangeShape>('KpiChange').implement({
  description: 'A headline number now and in the previous period. For rates, absolute is in fractions: 0.031 is +3.1 percentage points.',
  fields: (t) => ({
    current: t.exposeFloat('current', { nullable: true }),
    previous: t.exposeFloat('previous', { nullable: true }),
    absolute: t.float({
      nullable: true,
      description: 'current - previous; null when either is null.',
      resolve: (c) => (c.current === null || c.previous === null ? null : c.current - c.previous),
    }),
    relative: t.float({
      nullable: true,
      description: '(current - previous) / |previous|; null when either is null or previous is 0.',
      resolve: (c) =>
        c.current === null || c.previous === null || c.previous === 0 ? null : (c.current - c.previous) / Math.abs(c.previous),
    }),
  }),
});
