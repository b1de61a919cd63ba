// Every KPI family: one SQL statement each, run only when one of its KPIs is asked for; or,
// for a family whose records another family's statement already reads, values derived from
// that family's (one pass over the rows serves both).
import type { Fact } from '../facts.js';
import { businessTimeFact, customerFact, interactionFact, surveyFact, ticketFact } from '../facts.js';
import type { FamilyResult, KpiRequest } from '../request.js';
import {
  emptyFirstResponseBusiness,
  emptyResolutionBusiness,
  queryFirstResponseBusiness,
  queryResolutionBusiness,
  type FirstResponseBusinessValues,
  type ResolutionBusinessValues,
} from './business-time.js';
import { emptySla, querySla, type SlaValues } from './sla.js';
import { emptyBacklog, queryBacklog, type BacklogValues } from './backlog.js';
import { emptyCreated, queryCreated, type CreatedValues } from './created.js';
import { emptyCustomers, queryCustomers, type CustomerValues } from './customers.js';
import { emptyFirstContact, firstContactOf, type FirstContactValues } from './first-contact.js';
import { emptyHandleTime, queryHandleTime, type HandleTimeValues } from './handle-time.js';
import { emptyResolved, queryResolved, type ResolvedValues } from './resolved.js';
import { emptySurveys, querySurveys, type SurveyValues } from './surveys.js';

export interface FamilyValues {
  created: CreatedValues;
  resolved: ResolvedValues;
  firstContact: FirstContactValues;
  backlog: BacklogValues;
  handleTime: HandleTimeValues;
  surveys: SurveyValues;
  customers: CustomerValues;
  firstResponseBusiness: FirstResponseBusinessValues;
  resolutionBusiness: ResolutionBusinessValues;
  sla: SlaValues;
}

export type FamilyName = keyof FamilyValues;

interface StatementFamily<N extends FamilyName> {
  fact: Fact;
  /** Each record is placed by one timestamp, so it can be grouped by its local HOUR_OF_DAY and DAY_OF_WEEK. */
  placed: boolean;
  query(request: KpiRequest): Promise<FamilyResult<FamilyValues[N]>>;
  empty(): FamilyValues[N];
}

/** A family computed by family `from`'s statement: `derive` reads its values from each of that family's cells (null: no values there). */
export type DerivedFamily<N extends FamilyName> = {
  [M in FamilyName]: {
    fact: Fact;
    placed: boolean;
    from: M;
    derive(values: FamilyValues[M]): FamilyValues[N] | null;
    empty(): FamilyValues[N];
  };
}[FamilyName];

type Family<N extends FamilyName> = StatementFamily<N> | DerivedFamily<N>;

export const FAMILIES: { [N in FamilyName]: Family<N> } = {
  created: { placed: true, fact: ticketFact, query: queryCreated, empty: emptyCreated },
  resolved: { placed: true, fact: ticketFact, query: queryResolved, empty: emptyResolved },
  firstContact: { placed: true, fact: ticketFact, from: 'resolved', derive: firstContactOf, empty: emptyFirstContact },
  backlog: { placed: false, fact: ticketFact, query: queryBacklog, empty: emptyBacklog },
  handleTime: { placed: true, fact: interactionFact, query: queryHandleTime, empty: emptyHandleTime },
  surveys: { placed: true, fact: surveyFact, query: querySurveys, empty: emptySurveys },
  customers: { placed: false, fact: customerFact, query: queryCustomers, empty: emptyCustomers },
  firstResponseBusiness: { placed: true, fact: businessTimeFact, query: queryFirstResponseBusiness, empty: emptyFirstResponseBusiness },
  resolutionBusiness: { placed: true, fact: businessTimeFact, query: queryResolutionBusiness, empty: emptyResolutionBusiness },
  sla: { placed: true, fact: businessTimeFact, query: querySla, empty: emptySla },
};
