// Every KPI family: one SQL statement each, run only when one of its KPIs is asked for.
import type { Fact } from '../facts.js';
import { customerFact, interactionFact, surveyFact, ticketFact } from '../facts.js';
import type { FamilyResult, KpiRequest } from '../request.js';
import {
  emptyFirstResponseBusiness, emptyResolutionBusiness, queryFirstResponseBusiness, queryResolutionBusiness,
  type FirstResponseBusinessValues, type ResolutionBusinessValues,
} from './business-time.js';
import { emptySla, querySla, type SlaValues } from './sla.js';
import { emptyBacklog, queryBacklog, type BacklogValues } from './backlog.js';
import { emptyCreated, queryCreated, type CreatedValues } from './created.js';
import { emptyCustomers, queryCustomers, type CustomerValues } from './customers.js';
import { emptyFirstContact, queryFirstContact, type FirstContactValues } from './first-contact.js';
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

interface Family<N extends FamilyName> {
  fact: Fact;
  query(request: KpiRequest): Promise<FamilyResult<FamilyValues[N]>>;
  empty(): FamilyValues[N];
}

export const FAMILIES: { [N in FamilyName]: Family<N> } = {
  created: { fact: ticketFact, query: queryCreated, empty: emptyCreated },
  resolved: { fact: ticketFact, query: queryResolved, empty: emptyResolved },
  firstContact: { fact: ticketFact, query: queryFirstContact, empty: emptyFirstContact },
  backlog: { fact: ticketFact, query: queryBacklog, empty: emptyBacklog },
  handleTime: { fact: interactionFact, query: queryHandleTime, empty: emptyHandleTime },
  surveys: { fact: surveyFact, query: querySurveys, empty: emptySurveys },
  customers: { fact: customerFact, query: queryCustomers, empty: emptyCustomers },
  firstResponseBusiness: { fact: ticketFact, query: queryFirstResponseBusiness, empty: emptyFirstResponseBusiness },
  resolutionBusiness: { fact: ticketFact, query: queryResolutionBusiness, empty: emptyResolutionBusiness },
  sla: { fact: ticketFact, query: querySla, empty: emptySla },
};
