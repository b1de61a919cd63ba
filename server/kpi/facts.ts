// The four fact tables KPIs aggregate, and how each reaches every dimension (kpi-spec's
// grouping table). The dimensions a record inherits (an interaction's ticket channel, a
// survey's ticket assignee, a ticket's customer segment) are copied onto it at write time
// (migration kpi_facts, docs/kpi-facts.md), so KPI statements read one table; a join is added
// only when a dimension or filter needs one, so the common queries stay lean.
import { rawSql, sqlFragment, sqlFragments, sqlText, type SqlColumn, type SqlFragment, type SqlLiteral } from '../db/sql-fragment.js';
import { Prisma } from '../generated/prisma/client.js';
import { FILTER_DIMENSION, isLocalTimeDimension, LOCAL_TIME_DIMENSIONS, type Dimension, type ResolvedKpiFilter } from './dimensions.js';

interface DimensionSql {
  expr: SqlFragment;
  /** Joins (keys of Fact.joins) the expression needs, in order. */
  joins?: string[];
  /** Column type, for the filter's array parameter. */
  type: 'int' | 'text';
}

export interface Fact {
  from: SqlFragment;
  joins: Record<string, SqlFragment>;
  dimensions: Partial<Record<Dimension, DimensionSql>>;
}

const dim = <T extends string>(expr: SqlLiteral<T>, type: DimensionSql['type']): DimensionSql => ({ expr: sqlFragment(expr), type });

export const ticketFact: Fact = {
  from: sqlFragment('ticket t'),
  joins: sqlFragments({ c: 'JOIN customer c ON c.id = t.customer_id' }),
  dimensions: {
    AGENT: dim('t.assignee_id', 'int'),
    TEAM: dim('t.team_id', 'int'),
    CHANNEL: dim('t.channel::text', 'text'),
    PRIORITY: dim('t.priority::text', 'text'),
    CATEGORY: dim('t.category', 'text'),
    CUSTOMER_SEGMENT: dim('t.customer_segment', 'text'),
    CUSTOMER: dim('t.customer_id', 'int'),
  },
};

/**
 * Tickets' business times and SLA outcomes (ticket_business_time), with the ticket's timestamps
 * and dimensions copied onto each row at write time (migration kpi_business_time_facts).
 */
export const businessTimeFact: Fact = {
  from: sqlFragment('ticket_business_time b'),
  joins: {},
  dimensions: {
    AGENT: dim('b.assignee_id', 'int'),
    TEAM: dim('b.team_id', 'int'),
    CHANNEL: dim('b.channel::text', 'text'),
    PRIORITY: dim('b.priority::text', 'text'),
    CATEGORY: dim('b.category', 'text'),
    CUSTOMER_SEGMENT: dim('b.customer_segment', 'text'),
    CUSTOMER: dim('b.customer_id', 'int'),
  },
};

export const interactionFact: Fact = {
  from: sqlFragment('interaction i'),
  joins: sqlFragments({
    a: 'JOIN agent a ON a.id = i.agent_id',
    t: 'JOIN ticket t ON t.id = i.ticket_id',
    c: 'JOIN customer c ON c.id = t.customer_id',
  }),
  dimensions: {
    AGENT: dim('i.agent_id', 'int'),
    TEAM: dim('i.agent_team_id', 'int'),
    CHANNEL: dim('i.ticket_channel::text', 'text'),
    PRIORITY: dim('i.ticket_priority::text', 'text'),
    CATEGORY: dim('i.ticket_category', 'text'),
    CUSTOMER_SEGMENT: dim('i.customer_segment', 'text'),
    CUSTOMER: dim('i.ticket_customer_id', 'int'),
  },
};

export const surveyFact: Fact = {
  from: sqlFragment('survey_response s'),
  joins: sqlFragments({
    t: 'LEFT JOIN ticket t ON t.id = s.ticket_id',
    c: 'JOIN customer c ON c.id = s.customer_id',
  }),
  dimensions: {
    AGENT: dim('s.ticket_assignee_id', 'int'),
    TEAM: dim('s.ticket_team_id', 'int'),
    CHANNEL: dim('s.ticket_channel::text', 'text'),
    PRIORITY: dim('s.ticket_priority::text', 'text'),
    CATEGORY: dim('s.ticket_category', 'text'),
    CUSTOMER_SEGMENT: dim('s.customer_segment', 'text'),
    CUSTOMER: dim('s.customer_id', 'int'),
  },
};

export const customerFact: Fact = {
  from: sqlFragment('customer cu'),
  joins: {},
  dimensions: {
    CUSTOMER_SEGMENT: dim('cu.segment', 'text'),
    CUSTOMER: dim('cu.id', 'int'),
  },
};

export interface FactQueryParts {
  /** FROM clause with the joins the dimensions and filter need. */
  from: Prisma.Sql;
  /** Grouping expressions, aliased d0, d1, … for SELECT. */
  selectDims: Prisma.Sql;
  /** The same expressions for GROUP BY (empty when not grouping). */
  groupDims: Prisma.Sql[];
  /** Filter conditions joined with AND (TRUE when there are none). */
  where: Prisma.Sql;
}

/** The timestamp that places a family's records in windows, and the zone of their local time. */
export interface Placement {
  timestamp: SqlColumn;
  timeZone: string;
}

/**
 * A zone name as an SQL literal. The name was validated as an IANA zone (period.ts); the
 * pattern keeps anything else out of the statement text, where a parameter cannot go (the
 * same expression must appear in SELECT and GROUP BY).
 */
export function zoneLiteral(timeZone: string): SqlFragment {
  if (!/^[A-Za-z0-9_+\-/]+$/.test(timeZone)) throw new Error(`unexpected time zone name ${JSON.stringify(timeZone)}`);
  return `'${timeZone}'` as SqlFragment;
}

/** The dimension and filter SQL of one statement over `fact`; `placement` enables HOUR_OF_DAY and DAY_OF_WEEK. */
export function factQueryParts(fact: Fact, groupBy: Dimension[], filter: ResolvedKpiFilter, placement?: Placement): FactQueryParts {
  const needed: string[] = [];
  const need = (sql: DimensionSql) => {
    for (const join of sql.joins ?? []) if (!needed.includes(join)) needed.push(join);
  };
  const dims = groupBy.map((dimension) => {
    if (isLocalTimeDimension(dimension)) {
      if (!placement) throw new Error(`fact ${fact.from} has no placing timestamp for ${dimension}`);
      const field = LOCAL_TIME_DIMENSIONS[dimension];
      return Prisma.sql`extract(${rawSql(sqlFragment(field))} FROM ${Prisma.raw(placement.timestamp)} AT TIME ZONE ${rawSql(zoneLiteral(placement.timeZone))})::int`;
    }
    const sql = fact.dimensions[dimension];
    if (!sql) throw new Error(`fact ${fact.from} has no dimension ${dimension}`);
    need(sql);
    return rawSql(sql.expr);
  });
  const conditions: Prisma.Sql[] = [];
  for (const [field, values] of Object.entries(filter) as Array<[keyof ResolvedKpiFilter, unknown[] | undefined]>) {
    if (!values) continue;
    const sql = fact.dimensions[FILTER_DIMENSION[field]];
    if (!sql) throw new Error(`fact ${fact.from} cannot be filtered by ${field}`);
    need(sql);
    conditions.push(Prisma.sql`${rawSql(sql.expr)} = ANY(${values}::${rawSql(sql.type)}[])`);
  }
  // Joins are declared in dependency order; keep that order.
  const joins = Object.keys(fact.joins)
    .filter((key) => needed.includes(key))
    .map((key) => fact.joins[key]!);
  return {
    from: Prisma.join(
      [fact.from, ...joins].map((part) => rawSql(part)),
      ' ',
    ),
    selectDims: dims.length
      ? Prisma.sql`, ${Prisma.join(dims.map((dim, i) => Prisma.sql`${dim} AS ${rawSql(sqlText`d${i}`)}`))}`
      : Prisma.empty,
    groupDims: dims,
    where: conditions.length ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`,
  };
}

/**
 * Which dimensions (of a grouping and a filter) `fact` cannot reach. `placed`: the family places
 * each record by one timestamp, so it has a local time of day (not so for stock KPIs).
 */
export function unsupportedDimensions(fact: Fact, groupBy: Dimension[], filter: ResolvedKpiFilter, placed: boolean): string[] {
  const reachable = (dimension: Dimension) => (isLocalTimeDimension(dimension) ? placed : Boolean(fact.dimensions[dimension]));
  const problems: string[] = groupBy.filter((dimension) => !reachable(dimension)).map((d) => `grouped by ${d}`);
  for (const [field, values] of Object.entries(filter) as Array<[keyof ResolvedKpiFilter, unknown[] | undefined]>) {
    if (values && !fact.dimensions[FILTER_DIMENSION[field]]) problems.push(`filtered by ${field}`);
  }
  return problems;
}
