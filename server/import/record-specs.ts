// The NDJSON import format (docs/import-format.md) as data: each record type, its fields, how
// each is validated and which column it fills. Validation, the upsert statements and the
// export all read this one table, so they cannot disagree.

import { canonicalTimeZone, checkHolidays, checkWeeklyHours } from '../business-hours/calendar-rules.js';

export type RecordType = 'calendar' | 'sla' | 'team' | 'agent' | 'customer' | 'article' | 'ticket' | 'interaction' | 'survey';

export type FieldSpec =
  | { kind: 'string'; required: boolean; column: string }
  | { kind: 'enum'; required: boolean; column: string; values: readonly string[]; pgType: string }
  | { kind: 'instant'; required: boolean; column: string }
  | { kind: 'int'; required: boolean; column: string; min: number; fallback?: number }
  | { kind: 'bool'; required: boolean; column: string; fallback: boolean }
  | { kind: 'ref'; required: boolean; column: string; target: RecordType }
  /** A structured value checked by `parse` (which may normalise it); stored as `sqlType`. */
  | { kind: 'parsed'; required: boolean; column: string; sqlType: 'text' | 'jsonb'; parse: (raw: unknown) => { value?: unknown; problems: string[] }; fallback?: unknown };

export interface RecordSpec {
  type: RecordType;
  table: string;
  fields: Record<string, FieldSpec>;
  /** Rules across fields: [field, reason] for each violation. */
  check?: (record: Record<string, unknown>) => Array<[string, string]>;
}

const notBefore = (record: Record<string, unknown>, later: string, earlier: string): Array<[string, string]> => {
  const a = record[later] as Date | null | undefined;
  const b = record[earlier] as Date | null | undefined;
  return a && b && a.getTime() < b.getTime() ? [[later, `must not be before ${earlier} (${b.toISOString()})`]] : [];
};

const SCORE_RANGES: Record<string, [number, number]> = { CSAT: [1, 5], NPS: [0, 10], CES: [1, 7] };

/** In dependency order: a record only refers to types listed before it. */
export const RECORD_SPECS: readonly RecordSpec[] = [
  {
    type: 'calendar',
    table: 'business_calendar',
    fields: {
      name: { kind: 'string', required: true, column: 'name' },
      timeZone: {
        kind: 'parsed', required: true, column: 'time_zone', sqlType: 'text',
        parse: (raw) => {
          const zone = canonicalTimeZone(raw);
          return zone ? { value: zone, problems: [] } : { problems: [`must be an IANA time zone such as "America/Sao_Paulo", got ${JSON.stringify(raw)}`] };
        },
      },
      isDefault: { kind: 'bool', required: false, column: 'is_default', fallback: false },
      weeklyHours: {
        kind: 'parsed', required: true, column: 'weekly_hours', sqlType: 'jsonb',
        parse: (raw) => { const { hours, problems } = checkWeeklyHours(raw); return { value: hours, problems }; },
      },
      holidays: {
        kind: 'parsed', required: false, column: 'holidays', sqlType: 'jsonb', fallback: [],
        parse: (raw) => { const { dates, problems } = checkHolidays(raw); return { value: dates, problems }; },
      },
    },
  },
  {
    type: 'sla',
    table: 'sla_policy',
    fields: {
      name: { kind: 'string', required: true, column: 'name' },
      priority: { kind: 'enum', required: true, column: 'priority', values: ['LOW', 'NORMAL', 'HIGH', 'URGENT'], pgType: 'priority' },
      firstResponseTargetSeconds: { kind: 'int', required: false, column: 'first_response_target_seconds', min: 1 },
      resolutionTargetSeconds: { kind: 'int', required: false, column: 'resolution_target_seconds', min: 1 },
      businessHours: { kind: 'bool', required: false, column: 'business_hours', fallback: true },
    },
  },
  {
    type: 'team',
    table: 'team',
    fields: {
      name: { kind: 'string', required: true, column: 'name' },
      calendar: { kind: 'ref', required: false, column: 'business_calendar_id', target: 'calendar' },
    },
  },
  {
    type: 'agent',
    table: 'agent',
    fields: {
      name: { kind: 'string', required: true, column: 'name' },
      email: { kind: 'string', required: true, column: 'email' },
      team: { kind: 'ref', required: false, column: 'team_id', target: 'team' },
      active: { kind: 'bool', required: false, column: 'active', fallback: true },
    },
  },
  {
    type: 'customer',
    table: 'customer',
    fields: {
      name: { kind: 'string', required: true, column: 'name' },
      email: { kind: 'string', required: false, column: 'email' },
      segment: { kind: 'string', required: false, column: 'segment' },
      createdAt: { kind: 'instant', required: true, column: 'created_at' },
      churnedAt: { kind: 'instant', required: false, column: 'churned_at' },
    },
    check: (r) => notBefore(r, 'churnedAt', 'createdAt'),
  },
  {
    type: 'article',
    table: 'knowledge_article',
    fields: {
      title: { kind: 'string', required: true, column: 'title' },
      url: { kind: 'string', required: true, column: 'url' },
    },
  },
  {
    type: 'ticket',
    table: 'ticket',
    fields: {
      subject: { kind: 'string', required: true, column: 'subject' },
      channel: { kind: 'enum', required: true, column: 'channel', values: ['EMAIL', 'CHAT', 'PHONE', 'WEB', 'SOCIAL'], pgType: 'channel' },
      priority: { kind: 'enum', required: true, column: 'priority', values: ['LOW', 'NORMAL', 'HIGH', 'URGENT'], pgType: 'priority' },
      category: { kind: 'string', required: false, column: 'category' },
      status: {
        kind: 'enum', required: true, column: 'status', values: ['NEW', 'OPEN', 'PENDING', 'ON_HOLD', 'SOLVED', 'CLOSED'], pgType: 'ticket_status',
      },
      customer: { kind: 'ref', required: true, column: 'customer_id', target: 'customer' },
      assignee: { kind: 'ref', required: false, column: 'assignee_id', target: 'agent' },
      team: { kind: 'ref', required: false, column: 'team_id', target: 'team' },
      createdAt: { kind: 'instant', required: true, column: 'created_at' },
      firstResponseAt: { kind: 'instant', required: false, column: 'first_response_at' },
      resolvedAt: { kind: 'instant', required: false, column: 'resolved_at' },
      reopenCount: { kind: 'int', required: false, column: 'reopen_count', min: 0, fallback: 0 },
      knowledgeArticle: { kind: 'ref', required: false, column: 'knowledge_article_id', target: 'article' },
    },
    check: (r) => [...notBefore(r, 'resolvedAt', 'createdAt'), ...notBefore(r, 'firstResponseAt', 'createdAt')],
  },
  {
    type: 'interaction',
    table: 'interaction',
    fields: {
      ticket: { kind: 'ref', required: true, column: 'ticket_id', target: 'ticket' },
      agent: { kind: 'ref', required: true, column: 'agent_id', target: 'agent' },
      startedAt: { kind: 'instant', required: true, column: 'started_at' },
      talkSeconds: { kind: 'int', required: true, column: 'talk_seconds', min: 0 },
      holdSeconds: { kind: 'int', required: true, column: 'hold_seconds', min: 0 },
      wrapUpSeconds: { kind: 'int', required: true, column: 'wrap_up_seconds', min: 0 },
      transferred: { kind: 'bool', required: false, column: 'transferred', fallback: false },
    },
  },
  {
    type: 'survey',
    table: 'survey_response',
    fields: {
      kind: { kind: 'enum', required: true, column: 'kind', values: ['CSAT', 'NPS', 'CES'], pgType: 'survey_kind' },
      score: { kind: 'int', required: true, column: 'score', min: 0 },
      customer: { kind: 'ref', required: true, column: 'customer_id', target: 'customer' },
      ticket: { kind: 'ref', required: false, column: 'ticket_id', target: 'ticket' },
      respondedAt: { kind: 'instant', required: true, column: 'responded_at' },
      comment: { kind: 'string', required: false, column: 'comment' },
    },
    check: (r) => {
      const range = SCORE_RANGES[r.kind as string];
      const score = r.score as number;
      return range && (score < range[0] || score > range[1]) ? [['score', `must be ${range[0]}..${range[1]} for ${r.kind as string}, got ${score}`]] : [];
    },
  },
];

export const SPEC_BY_TYPE = new Map(RECORD_SPECS.map((spec) => [spec.type, spec]));
