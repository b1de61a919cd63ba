// Survey responses placed by respondedAt: NPS, CSAT and CES in one pass.
import { Prisma } from '../../generated/prisma/client.js';
import { surveyFact } from '../facts.js';
import type { KpiRequest } from '../request.js';
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

export function querySurveys(request: KpiRequest) {
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
      fromRow: (row) => ({
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
      }),
    },
    request,
  );
}
