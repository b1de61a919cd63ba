// The records behind many slices at once, as one SQL statement per drill-down field (not one
// per slice: 30 daily slices with tickets(first: 5) were 91 statements). The slices travel as
// one JSON parameter, each row a slice with its window and group values; a LATERAL subquery
// finds each slice's page (or count) with the same conditions the KPI statements use, so a
// drill-down's totalCount equals the number it explains. Values are always bind parameters;
// the SQL text is built only from the fixed fragments below. Adding a basis is one entry in
// the table of its kind (TypeScript refuses a basis without one).
import { userInputError } from '../graphql/errors.js';
import type { Dimension, ResolvedKpiFilter } from './dimensions.js';
import { FILTER_DIMENSION, isLocalTimeDimension, LOCAL_TIME_DIMENSIONS } from './dimensions.js';
import { zoneLiteral } from './facts.js';
import type { GroupValues } from './dimensions.js';
import type { Window } from './period.js';

export const TICKET_BASES = [
  'CREATED',
  'RESOLVED',
  'BACKLOG',
  'FIRST_RESPONDED',
  'SELF_SERVICE',
  'FCR_ELIGIBLE',
  'FCR_RESOLVED',
  'FCR_FAILED',
  'FIRST_RESPONSE_SLA_ACHIEVED',
  'FIRST_RESPONSE_SLA_BREACHED',
  'FIRST_RESPONSE_SLA_PENDING',
  'RESOLUTION_SLA_ACHIEVED',
  'RESOLUTION_SLA_BREACHED',
  'RESOLUTION_SLA_PENDING',
] as const;
export type TicketBasis = (typeof TICKET_BASES)[number];

export const CUSTOMER_BASES = ['AT_START', 'AT_END', 'NEW', 'CHURNED'] as const;
export type CustomerBasis = (typeof CUSTOMER_BASES)[number];

/** Survey responses by outcome: the numerators (and their complements) of NPS, CSAT and CES. */
export const SURVEY_BASES = [
  'NPS_PROMOTERS',
  'NPS_PASSIVES',
  'NPS_DETRACTORS',
  'CSAT_SATISFIED',
  'CSAT_UNSATISFIED',
  'CES_LOW_EFFORT',
  'CES_HIGH_EFFORT',
] as const;
export type SurveyBasis = (typeof SURVEY_BASES)[number];

const SURVEY_BASIS_SQL: Record<SurveyBasis, string> = {
  NPS_PROMOTERS: "r.kind = 'NPS' AND r.score >= 9",
  NPS_PASSIVES: "r.kind = 'NPS' AND r.score BETWEEN 7 AND 8",
  NPS_DETRACTORS: "r.kind = 'NPS' AND r.score <= 6",
  CSAT_SATISFIED: "r.kind = 'CSAT' AND r.score >= 4",
  CSAT_UNSATISFIED: "r.kind = 'CSAT' AND r.score <= 3",
  CES_LOW_EFFORT: "r.kind = 'CES' AND r.score >= 5",
  CES_HIGH_EFFORT: "r.kind = 'CES' AND r.score <= 4",
};

export interface SliceScope {
  window: Window;
  /** The period's zone: the local time of HOUR_OF_DAY and DAY_OF_WEEK groups. */
  timeZone: string;
  groupBy: Dimension[];
  group: GroupValues;
  filter: ResolvedKpiFilter;
  /** The time of the request, for bases that depend on it (pending and breached SLA targets). */
  now?: Date;
}

/**
 * Tickets created in the slice with one SLA outcome: the conditions of server/kpi/families/sla.ts
 * over the ticket's stored business time, judged at the request's `now` (s.now).
 */
function slaBasis(metric: 'first_response_sla' | 'resolution_sla', outcome: 'achieved' | 'breached' | 'pending'): string {
  const [met, target, breachAt] = [`b.${metric}_met`, `b.${metric}_target`, `b.${metric}_breach_at`];
  const condition = {
    achieved: met,
    breached: `(NOT ${met} OR (${met} IS NULL AND ${target} IS NOT NULL AND ${breachAt} < s.now))`,
    pending: `(${met} IS NULL AND ${target} IS NOT NULL AND (${breachAt} IS NULL OR ${breachAt} >= s.now))`,
  }[outcome];
  return `r.created_at >= s.start AND r.created_at < s."end" AND EXISTS (SELECT 1 FROM ticket_business_time b WHERE b.ticket_id = r.id AND ${condition})`;
}

/** kpi-spec: resolved on first contact = exactly one interaction, not transferred, never reopened. */
const FCR_YES_SQL =
  '(r.reopen_count = 0 AND (SELECT count(*) FROM interaction fi WHERE fi.ticket_id = r.id) = 1 ' +
  'AND NOT EXISTS (SELECT 1 FROM interaction fi WHERE fi.ticket_id = r.id AND fi.transferred))';

/** In every fragment, `r` is the record and `s` the slice (s.start, s.end, s.g0, s.g1, …). */
const TICKET_BASIS_SQL: Record<TicketBasis, string> = {
  CREATED: 'r.created_at >= s.start AND r.created_at < s."end"',
  RESOLVED: 'r.resolved_at >= s.start AND r.resolved_at < s."end"',
  BACKLOG: 'r.created_at < s."end" AND (r.resolved_at IS NULL OR r.resolved_at >= s."end")',
  FIRST_RESPONDED: 'r.created_at >= s.start AND r.created_at < s."end" AND r.first_response_at IS NOT NULL',
  SELF_SERVICE: 'r.created_at >= s.start AND r.created_at < s."end" AND r.knowledge_article_id IS NOT NULL',
  FCR_ELIGIBLE: 'r.resolved_at >= s.start AND r.resolved_at < s."end" AND EXISTS (SELECT 1 FROM interaction fi WHERE fi.ticket_id = r.id)',
  FIRST_RESPONSE_SLA_ACHIEVED: slaBasis('first_response_sla', 'achieved'),
  FIRST_RESPONSE_SLA_BREACHED: slaBasis('first_response_sla', 'breached'),
  FIRST_RESPONSE_SLA_PENDING: slaBasis('first_response_sla', 'pending'),
  RESOLUTION_SLA_ACHIEVED: slaBasis('resolution_sla', 'achieved'),
  RESOLUTION_SLA_BREACHED: slaBasis('resolution_sla', 'breached'),
  RESOLUTION_SLA_PENDING: slaBasis('resolution_sla', 'pending'),
  FCR_RESOLVED: `r.resolved_at >= s.start AND r.resolved_at < s."end" AND ${FCR_YES_SQL}`,
  FCR_FAILED: `r.resolved_at >= s.start AND r.resolved_at < s."end" AND EXISTS (SELECT 1 FROM interaction fi WHERE fi.ticket_id = r.id) AND NOT ${FCR_YES_SQL}`,
};

/** The column that places each basis's tickets in a window (and in an hour of the day); null for the backlog. */
const TICKET_BASIS_PLACEMENT: Record<TicketBasis, 'created_at' | 'resolved_at' | null> = {
  CREATED: 'created_at',
  RESOLVED: 'resolved_at',
  BACKLOG: null,
  FIRST_RESPONDED: 'created_at',
  SELF_SERVICE: 'created_at',
  FCR_ELIGIBLE: 'resolved_at',
  FCR_RESOLVED: 'resolved_at',
  FCR_FAILED: 'resolved_at',
  FIRST_RESPONSE_SLA_ACHIEVED: 'created_at',
  FIRST_RESPONSE_SLA_BREACHED: 'created_at',
  FIRST_RESPONSE_SLA_PENDING: 'created_at',
  RESOLUTION_SLA_ACHIEVED: 'created_at',
  RESOLUTION_SLA_BREACHED: 'created_at',
  RESOLUTION_SLA_PENDING: 'created_at',
};

const CUSTOMER_BASIS_SQL: Record<CustomerBasis, string> = {
  AT_START: 'r.created_at < s.start AND (r.churned_at IS NULL OR r.churned_at >= s.start)',
  AT_END: 'r.created_at < s."end" AND (r.churned_at IS NULL OR r.churned_at >= s."end")',
  NEW: 'r.created_at >= s.start AND r.created_at < s."end"',
  CHURNED: 'r.created_at < s.start AND r.churned_at >= s.start AND r.churned_at < s."end"',
};

/**
 * A value to compare a column with: a slice's group value (may be null: the null group) or a
 * filter's list. `eq` renders "column matches it" for each.
 */
interface Operand {
  /** column = value, where a null group matches null (IS NOT DISTINCT FROM). */
  same(column: string, cast?: string): string;
  /** column = value, where a null group matches nothing (columns that are never null). */
  equal(column: string, cast?: string): string;
  /** The null group: `sql` only applies to slices whose value is null. */
  isNull(): string;
}

const groupOperand = (ref: string): Operand => ({
  same: (column, cast = '') => `${column} IS NOT DISTINCT FROM ${ref}${cast}`,
  equal: (column, cast = '') => `${column} = ${ref}${cast}`,
  isNull: () => `${ref} IS NULL`,
});

/**
 * A filter's list, as one array parameter whatever its length. An array, not JSON: jsonb
 * refuses some strings a client may send (a lone surrogate), which must simply match nothing.
 */
const listOperand = (param: string): Operand => {
  const matches = (column: string, cast = '') =>
    cast === '::int' ? `${column} = ANY(${param}::int[])` : `${column}::text = ANY(${param}::text[])`;
  return { same: matches, equal: matches, isNull: () => 'false' };
};

/** A ticket (alias `t`) in the dimension's group or list. */
function ticketMatches(t: string, dimension: Dimension, value: Operand): string {
  switch (dimension) {
    case 'AGENT':
      return value.same(`${t}.assignee_id`, '::int');
    case 'TEAM':
      return value.same(`${t}.team_id`, '::int');
    case 'CHANNEL':
      return value.equal(`${t}.channel::text`);
    case 'PRIORITY':
      return value.equal(`${t}.priority::text`);
    case 'CATEGORY':
      return value.same(`${t}.category`);
    case 'CUSTOMER_SEGMENT':
      return `EXISTS (SELECT 1 FROM customer dc WHERE dc.id = ${t}.customer_id AND ${value.same('dc.segment')})`;
    case 'CUSTOMER':
      return value.equal(`${t}.customer_id`, '::int');
    // Local time is read from the basis's own timestamp (localTimeMatches), never through here.
    case 'HOUR_OF_DAY':
    case 'DAY_OF_WEEK':
      return 'true';
  }
}

/** The record's placing column (`r.…`) for HOUR_OF_DAY and DAY_OF_WEEK, or null where there is none. */
function placingColumn(query: DrillDownQuery): string | null {
  switch (query.kind) {
    case 'ticket': {
      const column = TICKET_BASIS_PLACEMENT[query.basis as TicketBasis];
      return column ? `r.${column}` : null;
    }
    case 'interaction':
      return 'r.started_at';
    case 'surveyResponse':
      return 'r.responded_at';
    case 'customer':
      return null;
  }
}

export type DrillDownKind = 'ticket' | 'interaction' | 'surveyResponse' | 'customer';

const KINDS: Record<DrillDownKind, { table: string; orderBy: string; matches(dimension: Dimension, value: Operand): string }> = {
  ticket: { table: 'ticket', orderBy: 'created_at', matches: (dimension, value) => ticketMatches('r', dimension, value) },
  interaction: {
    table: 'interaction',
    orderBy: 'started_at',
    matches: (dimension, value) => {
      if (dimension === 'AGENT') return value.equal('r.agent_id', '::int');
      if (dimension === 'TEAM') return `EXISTS (SELECT 1 FROM agent da WHERE da.id = r.agent_id AND ${value.same('da.team_id', '::int')})`;
      return `EXISTS (SELECT 1 FROM ticket dt WHERE dt.id = r.ticket_id AND ${ticketMatches('dt', dimension, value)})`;
    },
  },
  surveyResponse: {
    table: 'survey_response',
    orderBy: 'responded_at',
    matches: (dimension, value) => {
      if (dimension === 'CUSTOMER_SEGMENT')
        return `EXISTS (SELECT 1 FROM customer dc WHERE dc.id = r.customer_id AND ${value.same('dc.segment')})`;
      if (dimension === 'CUSTOMER') return value.equal('r.customer_id', '::int');
      // Ticket dimensions: a response with no ticket belongs to their null groups.
      return `((${value.isNull()} AND r.ticket_id IS NULL) OR EXISTS (SELECT 1 FROM ticket dt WHERE dt.id = r.ticket_id AND ${ticketMatches('dt', dimension, value)}))`;
    },
  },
  customer: {
    table: 'customer',
    orderBy: 'created_at',
    matches: (dimension, value) => (dimension === 'CUSTOMER' ? value.equal('r.id', '::int') : value.same('r.segment')),
  },
};

export interface DrillDownQuery {
  kind: DrillDownKind;
  /** The basis of tickets or customers; survey kinds and outcome for survey responses. */
  basis?: TicketBasis | CustomerBasis;
  surveyKinds?: string[] | null;
  surveyBasis?: SurveyBasis | null;
}

/** What every slice of one batch shares (they come from one kpiSlices field). */
interface Batch {
  groupBy: Dimension[];
  filter: ResolvedKpiFilter;
  timeZone: string;
}

/** The statement's text and parameters: $1 is the slices as JSON; more follow for the filter. */
function conditions(query: DrillDownQuery, batch: Batch, params: unknown[]): string {
  const kind = KINDS[query.kind];
  const parts: string[] = [];
  if (query.kind === 'ticket') parts.push(TICKET_BASIS_SQL[query.basis as TicketBasis]);
  else if (query.kind === 'customer') parts.push(CUSTOMER_BASIS_SQL[query.basis as CustomerBasis]);
  else if (query.kind === 'interaction') parts.push('r.started_at >= s.start AND r.started_at < s."end"');
  else {
    parts.push('r.responded_at >= s.start AND r.responded_at < s."end"');
    if (query.surveyKinds) {
      params.push(query.surveyKinds);
      parts.push(`r.kind::text = ANY($${params.length}::text[])`);
    }
    if (query.surveyBasis) parts.push(SURVEY_BASIS_SQL[query.surveyBasis]);
  }
  batch.groupBy.forEach((dimension, index) => {
    if (!isLocalTimeDimension(dimension)) {
      parts.push(kind.matches(dimension, groupOperand(`s.g${index}`)));
      return;
    }
    const column = placingColumn(query);
    if (!column) {
      throw userInputError(
        `${query.kind === 'ticket' ? `tickets(basis: ${query.basis})` : `customers(basis: ${query.basis})`} cannot list a slice grouped by HOUR_OF_DAY or DAY_OF_WEEK: ` +
          'it is counted at an instant (the end or start of a period), not at a time of day',
      );
    }
    // The same expression the KPI statements group by (facts.ts), so totalCount equals the KPI.
    parts.push(
      `extract(${LOCAL_TIME_DIMENSIONS[dimension]} FROM ${column} AT TIME ZONE ${zoneLiteral(batch.timeZone)})::int = s.g${index}::int`,
    );
  });
  for (const [field, values] of Object.entries(batch.filter) as Array<[keyof ResolvedKpiFilter, Array<string | number> | undefined]>) {
    if (!values) continue;
    params.push(values);
    parts.push(kind.matches(FILTER_DIMENSION[field], listOperand(`$${params.length}`)));
  }
  return parts.map((part) => `(${part})`).join(' AND ');
}

function slicesParam(scopes: SliceScope[], groupBy: Dimension[]): string {
  return JSON.stringify(
    scopes.map((scope, index) => ({
      idx: index,
      start: scope.window.start.toISOString(),
      end: scope.window.end.toISOString(),
      now: (scope.now ?? new Date()).toISOString(),
      ...Object.fromEntries(
        groupBy.map((dimension, g) => [`g${g}`, scope.group[dimension] == null ? null : String(scope.group[dimension])]),
      ),
    })),
  );
}

function slicesSource(groupBy: Dimension[]): string {
  const columns = ['idx int', 'start timestamptz', '"end" timestamptz', 'now timestamptz', ...groupBy.map((_, g) => `g${g} text`)].join(
    ', ',
  );
  return `jsonb_to_recordset($1::jsonb) AS s(${columns})`;
}

/** Counts per slice, in slice order: one statement for every slice of the batch. */
export function countStatement(query: DrillDownQuery, scopes: SliceScope[]): { sql: string; params: unknown[] } {
  const batch = scopes[0]!;
  const params: unknown[] = [slicesParam(scopes, batch.groupBy)];
  const where = conditions(query, batch, params);
  const sql = `SELECT s.idx, (SELECT count(*)::int FROM "${KINDS[query.kind].table}" r WHERE ${where}) AS n FROM ${slicesSource(batch.groupBy)} ORDER BY s.idx`;
  return { sql, params };
}

/**
 * The ids of each slice's page: the records in the kind's order (time, then id), starting at
 * the cursor record (inclusive, as Prisma's cursor), skipping `skip`, `take` of them; a
 * negative `take` pages backwards from the cursor (or the end), as Prisma does.
 */
export function pageStatement(
  query: DrillDownQuery,
  scopes: SliceScope[],
  page: { take: number; skip: number; cursorId: number | null },
): { sql: string; params: unknown[] } {
  const batch = scopes[0]!;
  const { table, orderBy } = KINDS[query.kind];
  const params: unknown[] = [slicesParam(scopes, batch.groupBy)];
  const where = conditions(query, batch, params);
  const backwards = page.take < 0;
  const direction = backwards ? 'DESC' : 'ASC';
  let cursor = '';
  if (page.cursorId !== null) {
    params.push(page.cursorId);
    cursor = ` AND (r.${orderBy}, r.id) ${backwards ? '<=' : '>='} (SELECT c.${orderBy}, c.id FROM "${table}" c WHERE c.id = $${params.length})`;
  }
  params.push(Math.abs(page.take), page.skip);
  const sql =
    `SELECT s.idx, p.id FROM ${slicesSource(batch.groupBy)} CROSS JOIN LATERAL (` +
    `SELECT r.id, r.${orderBy} AS at FROM "${table}" r WHERE ${where}${cursor} ORDER BY r.${orderBy} ${direction}, r.id ${direction} ` +
    `LIMIT $${params.length - 1} OFFSET $${params.length}) p ORDER BY s.idx, p.at, p.id`;
  return { sql, params };
}
