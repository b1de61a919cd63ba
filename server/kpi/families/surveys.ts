// Survey responses placed by respondedAt: NPS, CSAT and CES in one pass.
import { sqlFragment as f } from '../../db/sql-fragment.js';
import { Prisma } from '../../generated/prisma/client.js';
import { surveyFact } from '../facts.js';
import type { KpiRequest } from '../request.js';
import { runRollup, type RollupSpec } from '../rollups/read.js';
import { runWindowAggregate } from './window-aggregate.js';

export interface SurveyValues {
  npsPromoters: number;
  npsPassives: number;
  npsDetractors: number;
  npsResponses: number;
  csatResponses: number;
  csatSatisfied: number;
  csatAverage: number | null;
  cesResponses: number;
  cesLowEffort: number;
  cesAverage: number | null;
}

export const emptySurveys = (): SurveyValues => ({
  npsPromoters: 0,
  npsPassives: 0,
  npsDetractors: 0,
  npsResponses: 0,
  csatResponses: 0,
  csatSatisfied: 0,
  csatAverage: null,
  cesResponses: 0,
  cesLowEffort: 0,
  cesAverage: null,
});

const fromRow = (row: Record<string, unknown>): SurveyValues => ({
  npsPromoters: row.nps_promoters as number,
  npsPassives: row.nps_passives as number,
  npsDetractors: row.nps_detractors as number,
  npsResponses: row.nps_responses as number,
  csatResponses: row.csat_responses as number,
  csatSatisfied: row.csat_satisfied as number,
  csatAverage: row.csat_average as number | null,
  cesResponses: row.ces_responses as number,
  cesLowEffort: row.ces_low_effort as number,
  cesAverage: row.ces_average as number | null,
});

/** The same values from the daily rollups (table kpi_day_surveys). */
const rollup: RollupSpec<SurveyValues> = {
  table: f('kpi_day_surveys'),
  fact: surveyFact,
  timestamp: 's.responded_at',
  measures: [
    [f('n'), f('1')],
    [f('nps_responses'), f("(s.kind = 'NPS')::int")],
    [f('nps_promoters'), f("(s.kind = 'NPS' AND s.score >= 9)::int")],
    [f('nps_passives'), f("(s.kind = 'NPS' AND s.score BETWEEN 7 AND 8)::int")],
    [f('nps_detractors'), f("(s.kind = 'NPS' AND s.score <= 6)::int")],
    [f('csat_responses'), f("(s.kind = 'CSAT')::int")],
    [f('csat_satisfied'), f("(s.kind = 'CSAT' AND s.score >= 4)::int")],
    [f('csat_sum'), f("CASE WHEN s.kind = 'CSAT' THEN s.score ELSE 0 END")],
    [f('ces_responses'), f("(s.kind = 'CES')::int")],
    [f('ces_low_effort'), f("(s.kind = 'CES' AND s.score >= 5)::int")],
    [f('ces_sum'), f("CASE WHEN s.kind = 'CES' THEN s.score ELSE 0 END")],
  ],
  presence: f('n'),
  select: Prisma.sql`sum(p.nps_promoters)::int AS nps_promoters, sum(p.nps_passives)::int AS nps_passives,
    sum(p.nps_detractors)::int AS nps_detractors, sum(p.nps_responses)::int AS nps_responses,
    sum(p.csat_responses)::int AS csat_responses, sum(p.csat_satisfied)::int AS csat_satisfied,
    (sum(p.csat_sum)::numeric / nullif(sum(p.csat_responses), 0))::float8 AS csat_average,
    sum(p.ces_responses)::int AS ces_responses, sum(p.ces_low_effort)::int AS ces_low_effort,
    (sum(p.ces_sum)::numeric / nullif(sum(p.ces_responses), 0))::float8 AS ces_average`,
  durations: [],
  fromRow,
};

export async function querySurveys(request: KpiRequest) {
  const rolled = await runRollup(rollup, request);
  if (rolled) return rolled;
  return runWindowAggregate<SurveyValues>(
    {
      fact: surveyFact,
      timestamp: 's.responded_at',
      aggregates: Prisma.sql`
        count(*) FILTER (WHERE s.kind = 'NPS' AND s.score >= 9)::int AS nps_promoters,
        count(*) FILTER (WHERE s.kind = 'NPS' AND s.score BETWEEN 7 AND 8)::int AS nps_passives,
        count(*) FILTER (WHERE s.kind = 'NPS' AND s.score <= 6)::int AS nps_detractors,
        count(*) FILTER (WHERE s.kind = 'NPS')::int AS nps_responses,
        count(*) FILTER (WHERE s.kind = 'CSAT')::int AS csat_responses,
        count(*) FILTER (WHERE s.kind = 'CSAT' AND s.score >= 4)::int AS csat_satisfied,
        avg(s.score) FILTER (WHERE s.kind = 'CSAT')::float8 AS csat_average,
        count(*) FILTER (WHERE s.kind = 'CES')::int AS ces_responses,
        count(*) FILTER (WHERE s.kind = 'CES' AND s.score >= 5)::int AS ces_low_effort,
        avg(s.score) FILTER (WHERE s.kind = 'CES')::float8 AS ces_average`,
      fromRow,
    },
    request,
  );
}
