// Write-time maintenance of ticket_business_time: each ticket's business seconds to first
// response and resolution under its calendar, and its SLA outcome (met, or the instant after
// which it is breached). KPI reads then aggregate stored numbers and compare instants with
// `now`, so their cost does not grow with calendars or with the span of a ticket.
// Callers run it inside the transaction that changed tickets, teams, calendars or policies.
import type { SqlClient } from '../db/sql-client.js';
import { BusinessClock } from './business-clock.js';
import type { BusinessHours } from './calendar-rules.js';

/** Which tickets to recompute: all of them, or those named (by externalId) or routed to the teams named. */
export type BusinessTimeScope = 'all' | { ticketExternalIds: string[]; teamExternalIds: string[] };

interface Policy {
  firstResponse: number | null;
  resolution: number | null;
  businessHours: boolean;
}

interface TicketTimes {
  id: number;
  team_id: number | null;
  priority: string;
  created_at: Date;
  first_response_at: Date | null;
  resolved_at: Date | null;
}

const PAGE = 20_000;

/** The calendar, team and policy configuration a recomputation reads once. */
export class BusinessTimeConfig {
  private readonly clocks = new Map<number, BusinessClock>();

  private constructor(
    private readonly calendars: Map<number, { timeZone: string; weeklyHours: BusinessHours[]; holidays: string[] }>,
    private readonly defaultCalendar: number | null,
    private readonly teamCalendar: Map<number, number>,
    private readonly policies: Map<string, Policy>,
  ) {}

  static async load(sql: SqlClient): Promise<BusinessTimeConfig> {
    const calendars = await sql.query<{ id: number; time_zone: string; weekly_hours: unknown; holidays: unknown; is_default: boolean }>(
      'SELECT id, time_zone, weekly_hours, holidays, is_default FROM business_calendar',
    );
    const teams = await sql.query<{ id: number; business_calendar_id: number }>(
      'SELECT id, business_calendar_id FROM team WHERE business_calendar_id IS NOT NULL',
    );
    const policies = await sql.query<{ priority: string; first: number | null; resolution: number | null; business_hours: boolean }>(
      'SELECT priority::text AS priority, first_response_target_seconds AS first, resolution_target_seconds AS resolution, business_hours FROM sla_policy',
    );
    const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
    return new BusinessTimeConfig(
      new Map(calendars.map((c) => [c.id, { timeZone: c.time_zone, weeklyHours: json(c.weekly_hours), holidays: json(c.holidays) }])),
      calendars.find((c) => c.is_default)?.id ?? null,
      new Map(teams.map((t) => [t.id, t.business_calendar_id])),
      new Map(policies.map((p) => [p.priority, { firstResponse: p.first, resolution: p.resolution, businessHours: p.business_hours }])),
    );
  }

  /** The row of ticket_business_time for one ticket. */
  rowOf(ticket: TicketTimes): unknown[] {
    const calendarId = (ticket.team_id !== null ? this.teamCalendar.get(ticket.team_id) : undefined) ?? this.defaultCalendar;
    const clock = calendarId === null ? null : this.clock(calendarId);
    const created = ticket.created_at;
    const elapsed = (end: Date) => (end.getTime() - created.getTime()) / 1000;
    const business = (end: Date) => (clock ? clock.secondsBetween(created, end) : elapsed(end));
    const policy = this.policies.get(ticket.priority);
    const sla = (target: number | null | undefined, end: Date | null): [number | null, boolean | null, Date | null] => {
      if (!policy || !target) return [null, null, null];
      const spent = policy.businessHours ? business : elapsed;
      if (end) return [target, spent(end) <= target, null];
      const breachAt = policy.businessHours && clock ? clock.breachAt(created, target) : new Date(created.getTime() + target * 1000);
      return [target, null, breachAt];
    };
    return [
      ticket.id,
      calendarId,
      ticket.first_response_at ? business(ticket.first_response_at) : null,
      ticket.resolved_at ? business(ticket.resolved_at) : null,
      // A ticket resolved without a first response ends its first-response clock at resolution.
      ...sla(policy?.firstResponse, ticket.first_response_at ?? ticket.resolved_at),
      ...sla(policy?.resolution, ticket.resolved_at),
    ];
  }

  private clock(calendarId: number): BusinessClock {
    let clock = this.clocks.get(calendarId);
    if (!clock) {
      clock = new BusinessClock(this.calendars.get(calendarId)!);
      this.clocks.set(calendarId, clock);
    }
    return clock;
  }
}

const COLUMNS = [
  ['ticket_id', 'int'],
  ['calendar_id', 'int'],
  ['first_response_seconds', 'float8'],
  ['resolution_seconds', 'float8'],
  ['first_response_sla_target', 'int'],
  ['first_response_sla_met', 'boolean'],
  ['first_response_sla_breach_at', 'timestamptz'],
  ['resolution_sla_target', 'int'],
  ['resolution_sla_met', 'boolean'],
  ['resolution_sla_breach_at', 'timestamptz'],
] as const;

const UPSERT = `INSERT INTO ticket_business_time (${COLUMNS.map(([c]) => c).join(', ')})
  SELECT * FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})
  ON CONFLICT (ticket_id) DO UPDATE SET ${COLUMNS.slice(1)
    .map(([c]) => `${c} = EXCLUDED.${c}`)
    .join(', ')}
  WHERE (${COLUMNS.slice(1)
    .map(([c]) => `ticket_business_time.${c}`)
    .join(', ')}) IS DISTINCT FROM (${COLUMNS.slice(1)
    .map(([c]) => `EXCLUDED.${c}`)
    .join(', ')})`;

/** Recomputes the business time of the tickets in `scope`; returns how many were computed. */
export async function refreshTicketBusinessTime(sql: SqlClient, scope: BusinessTimeScope): Promise<number> {
  const config = await BusinessTimeConfig.load(sql);
  let where = '';
  const params: unknown[] = [];
  if (scope !== 'all') {
    // Team ids first, so that each condition below can use its own index (a single upsertTicket
    // must not scan the ticket table).
    const teamIds = scope.teamExternalIds.length
      ? (await sql.query<{ id: number }>('SELECT id FROM team WHERE external_id = ANY($1::text[])', [scope.teamExternalIds])).map(
          (t) => t.id,
        )
      : [];
    if (scope.ticketExternalIds.length === 0 && teamIds.length === 0) return 0;
    const conditions: string[] = [];
    if (scope.ticketExternalIds.length) {
      params.push(scope.ticketExternalIds);
      conditions.push(`t.external_id = ANY($${params.length + 1}::text[])`);
    }
    if (teamIds.length) {
      params.push(teamIds);
      conditions.push(`t.team_id = ANY($${params.length + 1}::int[])`);
    }
    where = `AND (${conditions.join(' OR ')})`;
  }
  let after = 0;
  let total = 0;
  for (;;) {
    const tickets = await sql.query<TicketTimes>(
      `SELECT t.id, t.team_id, t.priority::text AS priority, t.created_at, t.first_response_at, t.resolved_at
       FROM ticket t WHERE t.id > $1 ${where} ORDER BY t.id LIMIT ${PAGE}`,
      [after, ...params],
    );
    if (tickets.length === 0) break;
    const rows = tickets.map((ticket) => config.rowOf(normalise(ticket)));
    await sql.query(
      UPSERT,
      COLUMNS.map((_, column) => rows.map((row) => toParam(row[column]))),
    );
    total += tickets.length;
    after = tickets[tickets.length - 1]!.id;
    if (tickets.length < PAGE) break;
  }
  return total;
}

// Drivers return timestamptz as Date (node-pg) or as Date/string (PGlite); normalise to Date.
function normalise(row: TicketTimes): TicketTimes {
  const date = (value: unknown) =>
    value === null || value === undefined ? null : value instanceof Date ? value : new Date(value as string);
  return { ...row, created_at: date(row.created_at)!, first_response_at: date(row.first_response_at), resolved_at: date(row.resolved_at) };
}

function toParam(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}
