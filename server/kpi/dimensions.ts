// Grouping dimensions (kpi-spec: "Grouping dimensions") and the filter that narrows every KPI.

/** Dimensions clients group by. */
export const KPI_DIMENSIONS = [
  'AGENT',
  'TEAM',
  'CHANNEL',
  'PRIORITY',
  'CATEGORY',
  'CUSTOMER_SEGMENT',
  'HOUR_OF_DAY',
  'DAY_OF_WEEK',
] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];

/**
 * Dimensions read from the local time (in the period's zone) of the timestamp that places a
 * record in a window, with the PostgreSQL extract() field of each (kpi-spec: "Time-of-day
 * dimensions"): 0-23, and ISO 1 = Monday .. 7 = Sunday.
 */
export const LOCAL_TIME_DIMENSIONS = { HOUR_OF_DAY: 'hour', DAY_OF_WEEK: 'isodow' } as const satisfies Partial<
  Record<KpiDimension, string>
>;
export type LocalTimeDimension = keyof typeof LOCAL_TIME_DIMENSIONS;

export const isLocalTimeDimension = (dimension: string): dimension is LocalTimeDimension => dimension in LOCAL_TIME_DIMENSIONS;

/** Client dimensions plus CUSTOMER, which scopes Customer.kpis to each customer of a batch. */
export type Dimension = KpiDimension | 'CUSTOMER';

/** A KpiFilter with global IDs already resolved to database ids. */
export interface ResolvedKpiFilter {
  agentIds?: number[];
  teamIds?: number[];
  channels?: string[];
  priorities?: string[];
  categories?: string[];
  customerSegments?: string[];
  /** Internal: Customer.kpis. */
  customerIds?: number[];
}

/** Which dimension each filter field narrows. */
export const FILTER_DIMENSION: Record<keyof ResolvedKpiFilter, Dimension> = {
  agentIds: 'AGENT',
  teamIds: 'TEAM',
  channels: 'CHANNEL',
  priorities: 'PRIORITY',
  categories: 'CATEGORY',
  customerSegments: 'CUSTOMER_SEGMENT',
  customerIds: 'CUSTOMER',
};

/** The value of each requested dimension for one group; null is that dimension's null group. */
export type GroupValues = Partial<Record<Dimension, string | number | null>>;
