import type { DbClient } from '../../db/db-client.js';
import type { ResolvedKpiFilter } from '../../kpi/dimensions.js';
import { GRANULARITIES } from '../../kpi/period.js';
import { KPI_DIMENSIONS } from '../../kpi/dimensions.js';
import { builder } from '../builder.js';
import { userInputError } from '../errors.js';
import { databaseIdsOf, encodeGlobalID } from '../global-id.js';
import { ChannelEnum, PriorityEnum } from './enums.js';

export const PeriodInput = builder.inputType('PeriodInput', {
  description: 'A period of time: the half-open interval [from, to) of instants.',
  fields: (t) => ({
    from: t.field({ type: 'DateTime', required: true, description: 'Inclusive start.' }),
    to: t.field({ type: 'DateTime', required: true, description: 'Exclusive end.' }),
    timeZone: t.string({
      required: true,
      defaultValue: 'UTC',
      description: 'IANA time zone used for bucket boundaries (days, weeks, months…), e.g. "America/Sao_Paulo".',
    }),
  }),
});

export const GranularityEnum = builder.enumType('Granularity', {
  description: "Calendar buckets in the period's time zone. Weeks start on Monday (ISO).",
  values: GRANULARITIES,
});

export const KpiDimensionEnum = builder.enumType('KpiDimension', {
  description: 'What KPI slices can be grouped by. A record with no value falls into the null group, which is returned like any other.',
  values: KPI_DIMENSIONS,
});

export const KpiFilter = builder.inputType('KpiFilter', {
  description: 'Narrows every KPI to matching records. Lists match any of their values (OR); fields combine with AND.',
  fields: (t) => ({
    agentIds: t.idList({ description: 'Agent IDs (the dimension AGENT of each KPI family).' }),
    teamIds: t.idList({ description: 'Team IDs (the dimension TEAM).' }),
    channels: t.field({ type: [ChannelEnum] }),
    priorities: t.field({ type: [PriorityEnum] }),
    categories: t.stringList(),
    customerSegments: t.stringList(),
  }),
});

export type KpiFilterInput = typeof KpiFilter.$inferInput;

/** Decodes the filter's IDs and checks that each names an existing record. */
export async function resolveKpiFilter(db: DbClient, filter: KpiFilterInput | null | undefined): Promise<ResolvedKpiFilter> {
  if (!filter) return {};
  const resolved: ResolvedKpiFilter = {};
  if (filter.agentIds) resolved.agentIds = await existingIds(db, 'Agent', filter.agentIds, 'filter.agentIds');
  if (filter.teamIds) resolved.teamIds = await existingIds(db, 'Team', filter.teamIds, 'filter.teamIds');
  if (filter.channels) resolved.channels = [...filter.channels];
  if (filter.priorities) resolved.priorities = [...filter.priorities];
  if (filter.categories) resolved.categories = [...filter.categories];
  if (filter.customerSegments) resolved.customerSegments = [...filter.customerSegments];
  return resolved;
}

async function existingIds(db: DbClient, typename: 'Agent' | 'Team', globalIds: readonly string[], argument: string): Promise<number[]> {
  const ids = databaseIdsOf(typename, globalIds, argument);
  const query = { where: { id: { in: ids } }, select: { id: true } } as const;
  const rows = typename === 'Agent' ? await db.agent.findMany(query) : await db.team.findMany(query);
  const found = new Set(rows.map((row) => row.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw userInputError(
      `${argument}: no ${typename.toLowerCase()} has the ID ${missing.map((id) => `"${encodeGlobalID(typename, id)}"`).join(', ')}`,
    );
  }
  return ids;
}
