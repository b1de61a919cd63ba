// Ordering kpiSlices by a KPI (kpi-spec: "Ordering and top N"), and the enum that names each
// KPI of KpiSet, which the flat table also uses to name its columns.
import type { KpiName } from '../../kpi/definitions.js';
import { builder } from '../builder.js';
import { userInputError } from '../errors.js';
import type { Direction } from '../pagination.js';
import { OrderDirectionEnum } from './enums.js';

/**
 * Each key and the KpiSet field it names. null would mark a key the contract fixes before its
 * KPI exists (refused with BAD_USER_INPUT); a KPI is wired by naming it here, once it is in
 * KpiName and HEADLINES (kpi-set.ts).
 */
export const KPI_KEYS = {
  TICKET_COUNT: 'ticketCount',
  RESOLVED_COUNT: 'resolvedCount',
  BACKLOG: 'backlog',
  FIRST_RESPONSE_TIME: 'firstResponseTime',
  RESOLUTION_TIME: 'resolutionTime',
  FIRST_RESPONSE_BUSINESS_TIME: 'firstResponseBusinessTime',
  RESOLUTION_BUSINESS_TIME: 'resolutionBusinessTime',
  FIRST_CONTACT_RESOLUTION: 'firstContactResolution',
  AVERAGE_HANDLE_TIME: 'averageHandleTime',
  NPS: 'nps',
  CSAT: 'csat',
  CES: 'ces',
  SELF_SERVICE_OPPORTUNITY: 'selfServiceOpportunity',
  FIRST_RESPONSE_SLA: 'firstResponseSla',
  RESOLUTION_SLA: 'resolutionSla',
  CUSTOMERS_AT_START: 'customersAtStart',
  CUSTOMERS_AT_END: 'customersAtEnd',
  NEW_CUSTOMERS: 'newCustomers',
  RETENTION_RATE: 'retentionRate',
  CHURN_RATE: 'churnRate',
} as const satisfies Record<string, KpiName | null>;

export type KpiKey = keyof typeof KPI_KEYS;

/** The KPI a key names, or a BAD_USER_INPUT error when it does not exist yet. */
export function kpiOfKey(key: KpiKey, argument: string): KpiName {
  const name: KpiName | null = KPI_KEYS[key];
  if (name === null) {
    throw userInputError(
      `${argument}: ${key} is not available yet on this server (the business-hours and SLA KPIs are being added); use another KPI`,
    );
  }
  return name;
}

export const KpiOrderKeyEnum = builder.enumType('KpiOrderKey', {
  description:
    'A KPI of KpiSet by name, for ordering slices by its headline value and for the columns of kpiTable. Headline values: a count ' +
    'itself; a rate\'s value; a duration\'s average; NPS score; CSAT rate value; CES average; an SLA\'s rate value.',
  values: Object.keys(KPI_KEYS) as KpiKey[],
});

export interface KpiSliceOrderInput {
  kpi: KpiKey;
  direction: Direction;
}

export const KpiSliceOrder = builder.inputType('KpiSliceOrder', {
  description:
    'Orders the slices of each bucket by one KPI\'s headline value. Nulls (an empty sample) sort last in both directions; ties keep the ' +
    'default group order. Needs groupBy.',
  fields: (t) => ({
    kpi: t.field({ type: KpiOrderKeyEnum, required: true }),
    direction: t.field({ type: OrderDirectionEnum, required: true }),
  }),
});

/** Compares headline values: nulls last in both directions. */
export function compareHeadlines(a: number | null, b: number | null, direction: Direction): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return direction === 'asc' ? a - b : b - a;
}
