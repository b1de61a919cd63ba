// The NDJSON import format (docs/import-format.md) as data: each record type, its fields, how
// each is validated and which column it fills. Validation, the upsert statements and the
// export all read this one table, so they cannot disagree. Tables, columns, enum values and
// types are not written here: they come from prisma/schema.prisma (server/db/datamodel.ts),
// through the Prisma field each import field fills.

import { canonicalTimeZone, checkHolidays, checkWeeklyHours } from '../business-hours/calendar-rules.js';
import { columnOf, enumValuesOf, pgTypeOf, tableOf, type ModelName, type ScalarField } from '../db/datamodel.js';
import type { UnnestColumn } from '../db/unnest-write.js';

export type RecordType = 'calendar' | 'sla' | 'team' | 'agent' | 'customer' | 'article' | 'ticket' | 'interaction' | 'survey';

type ParseResult = { value?: unknown; problems: string[] };

export type FieldSpec =
  | { kind: 'string'; required: boolean; column: string }
  | { kind: 'enum'; required: boolean; column: string; values: readonly string[]; pgType: string }
  | { kind: 'instant'; required: boolean; column: string }
  | { kind: 'int'; required: boolean; column: string; min: number; fallback?: number }
  | { kind: 'bool'; required: boolean; column: string; fallback: boolean }
  | { kind: 'ref'; required: boolean; column: string; target: RecordType }
  /** A structured value checked by `parse` (which may normalise it); stored as `sqlType`. */
  | {
      kind: 'parsed';
      required: boolean;
      column: string;
      sqlType: 'text' | 'jsonb';
      parse: (raw: unknown) => ParseResult;
      fallback?: unknown;
    };

export interface RecordSpec {
  type: RecordType;
  table: string;
  fields: Record<string, FieldSpec>;
  /** Rules across fields: [field, reason] for each violation. */
  check?: (record: Record<string, unknown>) => Array<[string, string]>;
}

/**
 * A field as declared below: its import rules, and `field`, the Prisma field it fills when
 * that is not named like the import field (a reference fills its foreign key).
 */
type FieldDeclaration<M extends ModelName> = { required: boolean; field?: ScalarField<M> } & (
  | { kind: 'string' }
  | { kind: 'enum' }
  | { kind: 'instant' }
  | { kind: 'int'; min: number; fallback?: number }
  | { kind: 'bool'; fallback: boolean }
  | { kind: 'ref'; target: RecordType }
  | { kind: 'parsed'; parse: (raw: unknown) => ParseResult; fallback?: unknown }
);

function record<M extends ModelName>(
  type: RecordType,
  model: M,
  declared: Record<string, FieldDeclaration<M>>,
  check?: RecordSpec['check'],
): RecordSpec {
  const fields = Object.fromEntries(
    Object.entries(declared).map(([name, { field = name as ScalarField<M>, ...declaration }]): [string, FieldSpec] => {
      const column = columnOf(model, field);
      switch (declaration.kind) {
        case 'enum':
          return [name, { ...declaration, kind: 'enum', column, values: enumValuesOf(model, field), pgType: pgTypeOf(model, field) }];
        case 'parsed': {
          const sqlType = pgTypeOf(model, field);
          if (sqlType !== 'text' && sqlType !== 'jsonb')
            throw new Error(`${type}.${name}: a parsed field is stored as text or jsonb, not ${sqlType}`);
          return [name, { ...declaration, column, sqlType }];
        }
        default:
          return [name, { ...declaration, column }];
      }
    }),
  );
  return { type, table: tableOf(model), fields, ...(check ? { check } : {}) };
}

const WRITE_TYPES = { string: 'text', instant: 'timestamptz', int: 'int', bool: 'boolean' } as const;

/** The columns an upsert of this record type writes: external_id, then each field's. */
export function writeColumnsOf(spec: RecordSpec): UnnestColumn[] {
  const fields = Object.values(spec.fields).map((field): UnnestColumn => {
    switch (field.kind) {
      case 'enum':
        return { column: field.column, pgType: field.pgType };
      case 'parsed':
        return { column: field.column, pgType: field.sqlType };
      case 'ref':
        return { column: field.column, pgType: 'int', references: SPEC_BY_TYPE.get(field.target)!.table };
      default:
        return { column: field.column, pgType: WRITE_TYPES[field.kind] };
    }
  });
  return [{ column: 'external_id', pgType: 'text' }, ...fields];
}

const notBefore = (record: Record<string, unknown>, later: string, earlier: string): Array<[string, string]> => {
  const a = record[later] as Date | null | undefined;
  const b = record[earlier] as Date | null | undefined;
  return a && b && a.getTime() < b.getTime() ? [[later, `must not be before ${earlier} (${b.toISOString()})`]] : [];
};

const SCORE_RANGES: Record<string, [number, number]> = { CSAT: [1, 5], NPS: [0, 10], CES: [1, 7] };

/** In dependency order: a record only refers to types listed before it. */
export const RECORD_SPECS: readonly RecordSpec[] = [
  record('calendar', 'BusinessCalendar', {
    name: { kind: 'string', required: true },
    timeZone: {
      kind: 'parsed',
      required: true,
      parse: (raw) => {
        const zone = canonicalTimeZone(raw);
        return zone
          ? { value: zone, problems: [] }
          : { problems: [`must be an IANA time zone such as "America/Sao_Paulo", got ${JSON.stringify(raw)}`] };
      },
    },
    isDefault: { kind: 'bool', required: false, fallback: false },
    weeklyHours: {
      kind: 'parsed',
      required: true,
      parse: (raw) => {
        const { hours, problems } = checkWeeklyHours(raw);
        return { value: hours, problems };
      },
    },
    holidays: {
      kind: 'parsed',
      required: false,
      fallback: [],
      parse: (raw) => {
        const { dates, problems } = checkHolidays(raw);
        return { value: dates, problems };
      },
    },
  }),
  record('sla', 'SlaPolicy', {
    name: { kind: 'string', required: true },
    priority: { kind: 'enum', required: true },
    firstResponseTargetSeconds: { kind: 'int', required: false, min: 1 },
    resolutionTargetSeconds: { kind: 'int', required: false, min: 1 },
    businessHours: { kind: 'bool', required: false, fallback: true },
  }),
  record('team', 'Team', {
    name: { kind: 'string', required: true },
    calendar: { kind: 'ref', required: false, field: 'businessCalendarId', target: 'calendar' },
  }),
  record('agent', 'Agent', {
    name: { kind: 'string', required: true },
    email: { kind: 'string', required: true },
    team: { kind: 'ref', required: false, field: 'teamId', target: 'team' },
    active: { kind: 'bool', required: false, fallback: true },
  }),
  record(
    'customer',
    'Customer',
    {
      name: { kind: 'string', required: true },
      email: { kind: 'string', required: false },
      segment: { kind: 'string', required: false },
      createdAt: { kind: 'instant', required: true },
      churnedAt: { kind: 'instant', required: false },
    },
    (r) => notBefore(r, 'churnedAt', 'createdAt'),
  ),
  record('article', 'KnowledgeArticle', {
    title: { kind: 'string', required: true },
    url: { kind: 'string', required: true },
  }),
  record(
    'ticket',
    'Ticket',
    {
      subject: { kind: 'string', required: true },
      channel: { kind: 'enum', required: true },
      priority: { kind: 'enum', required: true },
      category: { kind: 'string', required: false },
      status: { kind: 'enum', required: true },
      customer: { kind: 'ref', required: true, field: 'customerId', target: 'customer' },
      assignee: { kind: 'ref', required: false, field: 'assigneeId', target: 'agent' },
      team: { kind: 'ref', required: false, field: 'teamId', target: 'team' },
      createdAt: { kind: 'instant', required: true },
      firstResponseAt: { kind: 'instant', required: false },
      resolvedAt: { kind: 'instant', required: false },
      reopenCount: { kind: 'int', required: false, min: 0, fallback: 0 },
      knowledgeArticle: { kind: 'ref', required: false, field: 'knowledgeArticleId', target: 'article' },
    },
    (r) => [...notBefore(r, 'resolvedAt', 'createdAt'), ...notBefore(r, 'firstResponseAt', 'createdAt')],
  ),
  record('interaction', 'Interaction', {
    ticket: { kind: 'ref', required: true, field: 'ticketId', target: 'ticket' },
    agent: { kind: 'ref', required: true, field: 'agentId', target: 'agent' },
    startedAt: { kind: 'instant', required: true },
    talkSeconds: { kind: 'int', required: true, min: 0 },
    holdSeconds: { kind: 'int', required: true, min: 0 },
    wrapUpSeconds: { kind: 'int', required: true, min: 0 },
    transferred: { kind: 'bool', required: false, fallback: false },
  }),
  record(
    'survey',
    'SurveyResponse',
    {
      kind: { kind: 'enum', required: true },
      score: { kind: 'int', required: true, min: 0 },
      customer: { kind: 'ref', required: true, field: 'customerId', target: 'customer' },
      ticket: { kind: 'ref', required: false, field: 'ticketId', target: 'ticket' },
      respondedAt: { kind: 'instant', required: true },
      comment: { kind: 'string', required: false },
    },
    (r) => {
      const range = SCORE_RANGES[r.kind as string];
      const score = r.score as number;
      return range && (score < range[0] || score > range[1])
        ? [['score', `must be ${range[0]}..${range[1]} for ${r.kind as string}, got ${score}`]]
        : [];
    },
  ),
];

export const SPEC_BY_TYPE = new Map(RECORD_SPECS.map((spec) => [spec.type, spec]));
