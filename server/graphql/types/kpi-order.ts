// Ordering kpiSlices by a KPI (kpi-spec: "Ordering and top N"), and the enum that names each
// KPI of KpiSet, which the flat table also uses to name its columns.
import { KPI_NAMES, type KpiName } from '../../kpi/definitions.js';
import { builder } from '../builder.js';
import type { Direction } from '../pagination.js';
import { OrderDirectionEnum } from './enums.js';

/** ticketCount -> TICKET_COUNT, as a type, so each key is checked to name its KPI. */
type ScreamingSnake<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Uppercase<Head> : `_${Head}`}${ScreamingSnake<Tail>}`
  : '';

export type KpiKey = ScreamingSnake<KpiName>;

const keyOf = <N extends KpiName>(name: N) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase() as ScreamingSnake<N>;

/** Each key and the KpiSet field it names: TICKET_COUNT names ticketCount. */
export const KPI_KEYS = Object.fromEntries(KPI_NAMES.map((name) => [keyOf(name), name])) as Record<KpiKey, KpiName>;

/** The KPI a key names. */
export function kpiOfKey(key: KpiKey): KpiName {
  return KPI_KEYS[key];
}

export const KpiOrderKeyEnum = builder.enumType('KpiOrderKey', {
  description:
    'A KPI of KpiSet by name, for ordering slices by its headline value and for the columns of kpiTable. Headline values: a count ' +
    "itself; a rate's value; a duration's average; NPS score; CSAT rate value; CES average; an SLA's rate value.",
  values: Object.keys(KPI_KEYS) as KpiKey[],
});

export interface KpiSliceOrderInput {
  kpi: KpiKey;
  direction: Direction;
}

export const KpiSliceOrder = builder.inputType('KpiSliceOrder', {
  description:
    "Orders the slices of each bucket by one KPI's headline value. Nulls (an empty sample) sort last in both directions; ties keep the " +
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
