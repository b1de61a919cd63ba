// kpiTable: the answer of kpiSlices as one flat table for BI tools (Power BI, Tableau, Excel,
// Grafana, pandas): typed columns with stable snake_case names and one row of scalars per
// slice. /kpis.csv (server/http/kpi-csv.ts) serves the same table as CSV.
import type { DbClient } from '../../db/db-client.js';
import type { Dimension, KpiDimension } from '../../kpi/dimensions.js';
import { localIsoString } from '../../kpi/zoned-time.js';
import { builder } from '../builder.js';
import { KPIS } from '../../auth/scope-declarations.js';
import { userInputError } from '../errors.js';
import { encodeGlobalID } from '../global-id.js';
import { answerSlices, MAX_SLICES } from '../kpi-slice-answer.js';
import { COLUMN_TYPES, kpiColumns, type Cell, type TableColumn } from '../kpi-table-columns.js';
import { kpiOfKey, KpiOrderKeyEnum } from './kpi-order.js';
import { readKpi } from './kpi-set.js';
import type { KpiSliceShape } from './kpi-slice.js';
import { sliceArgs, toSliceArguments } from './kpi-slice-args.js';

builder.scalarType('TableValue', {
  description: "One cell of a table: a string, a number, a boolean or null, as its column's type says.",
  serialize: (value) => value as Cell,
  parseValue: () => {
    throw userInputError('TableValue is only ever returned, never accepted as input');
  },
});

const ColumnTypeEnum = builder.enumType('KpiTableColumnType', {
  description:
    "The type of a column's cells: STRING, INT, FLOAT, BOOLEAN, DATETIME (an ISO 8601 string: an instant in UTC, or a local date-time with " +
    'its offset for *_local columns), ID (a global ID, as in the rest of the API). Any cell may be null.',
  values: COLUMN_TYPES,
});

const KpiTableColumn = builder.objectRef<TableColumn>('KpiTableColumn').implement({
  description: 'One column of a KPI table.',
  fields: (t) => ({
    name: t.exposeString('name', { description: "Stable snake_case name, the same in /kpis.csv's header row." }),
    type: t.field({ type: ColumnTypeEnum, resolve: (c) => c.type }),
    description: t.exposeString('description'),
  }),
});

interface TableShape {
  columns: TableColumn[];
  rows: Cell[][];
}

const KpiTable = builder.objectRef<TableShape>('KpiTable').implement({
  description: 'A flat table: one row per slice of the equivalent kpiSlices answer, in the same order; cells in column order.',
  fields: (t) => ({
    columns: t.field({ type: [KpiTableColumn], resolve: (table) => table.columns }),
    rows: t.field({
      type: t.listRef(t.listRef('TableValue', { nullable: true })),
      description: 'One list of cells per row, in column order; null is an empty value (an average of no records, the null group).',
      resolve: (table) => table.rows,
    }),
  }),
});

/** The columns (and their cells) of the bucket and the group, before the KPI columns. */
interface KeyColumn extends TableColumn {
  read(slice: KpiSliceShape, names: Directory): Cell;
}

interface Directory {
  agents: Map<number, string>;
  teams: Map<number, string>;
}

const BUCKET_COLUMNS: KeyColumn[] = [
  {
    name: 'bucket_start',
    type: 'DATETIME',
    description: 'Calendar start of the bucket (UTC instant)',
    read: (s) => s.bucketStart?.toISOString() ?? null,
  },
  {
    name: 'bucket_start_local',
    type: 'DATETIME',
    description: "Calendar start of the bucket as a local date-time with offset in the period's time zone",
    read: (s) => (s.bucketStart ? localIsoString(s.bucketStart.getTime(), s.timeZone) : null),
  },
  {
    name: 'bucket_end',
    type: 'DATETIME',
    description: 'End of the bucket (exclusive, UTC instant), clipped to the period',
    read: (s) => s.window.end.toISOString(),
  },
];

const groupValue = (slice: KpiSliceShape, dimension: Dimension) => slice.group[dimension] ?? null;

const GROUP_COLUMNS: Record<KpiDimension, KeyColumn[]> = {
  AGENT: [
    { name: 'agent_id', type: 'ID', description: 'Agent ID (empty: no agent)', read: (s) => idOf('Agent', groupValue(s, 'AGENT')) },
    { name: 'agent_name', type: 'STRING', description: 'Agent name', read: (s, d) => nameOf(d.agents, groupValue(s, 'AGENT')) },
  ],
  TEAM: [
    { name: 'team_id', type: 'ID', description: 'Team ID (empty: no team)', read: (s) => idOf('Team', groupValue(s, 'TEAM')) },
    { name: 'team_name', type: 'STRING', description: 'Team name', read: (s, d) => nameOf(d.teams, groupValue(s, 'TEAM')) },
  ],
  CHANNEL: [{ name: 'channel', type: 'STRING', description: 'Channel', read: (s) => groupValue(s, 'CHANNEL') }],
  PRIORITY: [{ name: 'priority', type: 'STRING', description: 'Priority', read: (s) => groupValue(s, 'PRIORITY') }],
  CATEGORY: [{ name: 'category', type: 'STRING', description: 'Category', read: (s) => groupValue(s, 'CATEGORY') }],
  CUSTOMER_SEGMENT: [
    { name: 'customer_segment', type: 'STRING', description: 'Customer segment', read: (s) => groupValue(s, 'CUSTOMER_SEGMENT') },
  ],
  HOUR_OF_DAY: [{ name: 'hour_of_day', type: 'INT', description: 'Local hour 0-23', read: (s) => groupValue(s, 'HOUR_OF_DAY') }],
  DAY_OF_WEEK: [
    {
      name: 'day_of_week',
      type: 'INT',
      description: 'Local ISO weekday, 1 = Monday .. 7 = Sunday',
      read: (s) => groupValue(s, 'DAY_OF_WEEK'),
    },
  ],
};

const idOf = (typename: 'Agent' | 'Team', id: string | number | null) => (id === null ? null : encodeGlobalID(typename, id as number));
const nameOf = (names: Map<number, string>, id: string | number | null) => (id === null ? null : (names.get(id as number) ?? null));

builder.queryField('kpiTable', (t) =>
  t.field({
    authScopes: KPIS,
    type: KpiTable,
    description:
      'The answer of kpiSlices with the same arguments as one flat table, for BI tools: the bucket columns (with granularity), the ' +
      'group columns (agent_id and agent_name, team_id and team_name, channel, priority, category, customer_segment, hour_of_day, ' +
      'day_of_week, in groupBy order), then each KPI of `kpis` spread into scalar columns (e.g. csat_rate_value, csat_rate_numerator, …). ' +
      `The same table is served as CSV at /kpis.csv. At most ${MAX_SLICES} rows.`,
    args: {
      ...sliceArgs,
      kpis: t.arg({ type: [KpiOrderKeyEnum], required: true, description: 'The KPIs wanted as columns, in this order.' }),
    },
    resolve: async (_root, args, ctx) => {
      if (args.kpis.length === 0) throw userInputError('kpis must name at least one KPI, e.g. kpis: [TICKET_COUNT, CSAT]');
      const names = [...new Set(args.kpis.map(kpiOfKey))];
      const groupBy = [...new Set((args.groupBy ?? []) as KpiDimension[])];
      const slices = await answerSlices(toSliceArguments(args), ctx, {
        kpis: new Set(names),
        comparison: false,
        comparisons: new Set(),
        previousKpis: new Set(),
      });
      const keys = [...(args.granularity ? BUCKET_COLUMNS : []), ...groupBy.flatMap((dimension) => GROUP_COLUMNS[dimension])];
      const kpiCols = names.map((name) => ({ name, columns: kpiColumns(name) }));
      const directory = await directoryOf(ctx.prisma, slices, groupBy);
      const rows = await Promise.all(
        slices.map(async (slice) => {
          const cells: Cell[] = keys.map((key) => key.read(slice, directory));
          for (const kpi of kpiCols) {
            const value = await readKpi(slice.kpis, kpi.name);
            for (const col of kpi.columns) cells.push(col.read(value));
          }
          return cells;
        }),
      );
      const columns = [...keys, ...kpiCols.flatMap((kpi) => kpi.columns)].map(({ name, type, description }) => ({
        name,
        type,
        description,
      }));
      return { columns, rows };
    },
  }),
);

/** The names of the agents and teams the table's groups name: one statement each, whatever the rows. */
async function directoryOf(db: DbClient, slices: KpiSliceShape[], groupBy: KpiDimension[]): Promise<Directory> {
  const ids = (dimension: 'AGENT' | 'TEAM') =>
    groupBy.includes(dimension)
      ? [...new Set(slices.map((s) => s.group[dimension]).filter((id): id is number => typeof id === 'number'))]
      : [];
  const [agents, teams] = await Promise.all([
    ids('AGENT').length ? db.agent.findMany({ where: { id: { in: ids('AGENT') } }, select: { id: true, name: true } }) : [],
    ids('TEAM').length ? db.team.findMany({ where: { id: { in: ids('TEAM') } }, select: { id: true, name: true } }) : [],
  ]);
  return { agents: new Map(agents.map((a) => [a.id, a.name])), teams: new Map(teams.map((t) => [t.id, t.name])) };
}
