// Grouping dimensions (kpi-spec: "Grouping dimensions") and the filter that narrows every KPI.

/** Dimensions clients group by. */
export const KPI_DIMENSIONS = ['AGENT', 'TEAM', 'CHANNEL', 'PRIORITY', 'CATEGORY', 'CUSTOMER_SEGMENT'] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];

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
