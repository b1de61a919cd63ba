// Writing data through GraphQL: `importRecords` takes NDJSON text (docs/import-format.md), and
// one upsert mutation per record type takes a single record. All of them run the same import
// pipeline as `npm run import`: same validation, same all-or-nothing transaction, same report.
import { importNdjson, type ImportReport } from '../../import/import-ndjson.js';
import { linesOf } from '../../import/lines.js';
import { RECORD_SPECS, type FieldSpec, type RecordType } from '../../import/record-specs.js';
import { builder } from '../builder.js';
import { WRITE } from '../../auth/scope-declarations.js';
import type { GraphQLContext } from '../context.js';
import { userInputError } from '../errors.js';
import { withIdempotency } from '../idempotency.js';
import { AgentNode } from './agent.js';
import { BusinessCalendarNode, BusinessHoursInput } from './business-calendar.js';
import { SlaPolicyNode } from './sla-policy.js';
import { CustomerNode } from './customer.js';
import { ChannelEnum, PriorityEnum, SurveyKindEnum, TicketStatusEnum } from './enums.js';
import { InteractionNode } from './interaction.js';
import { KnowledgeArticleNode } from './knowledge-article.js';
import { SurveyResponseNode } from './survey-response.js';
import { TeamNode } from './team.js';
import { TicketNode } from './ticket.js';

/** The largest NDJSON text importRecords accepts; larger files go through `npm run import`. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

type ReportJson = Omit<ImportReport, 'summary'> & { summary: Array<{ type: string; created: number; updated: number; unchanged: number }> };

async function runImport(ndjson: string, dryRun: boolean, ctx: GraphQLContext): Promise<ReportJson> {
  const report = await importNdjson(ctx.database, linesOf(ndjson), { dryRun });
  const summary = Object.entries(report.summary).map(([type, counts]) => ({ type, ...counts }));
  if (report.ok && !dryRun) ctx.observeImport?.(summary);
  return { ...report, summary };
}

const ImportLineError = builder.objectRef<ImportReport['errors'][number]>('ImportLineError').implement({
  description: 'A problem with one line of an import: nothing of the import was written.',
  fields: (t) => ({
    line: t.exposeInt('line', { description: 'Line number in the NDJSON text, from 1.' }),
    field: t.exposeString('field', { description: 'The field at fault, or "(line)" for the whole line.' }),
    message: t.string({ description: 'What is wrong and what is expected.', resolve: (e) => e.reason }),
  }),
});

const ImportTypeSummary = builder.objectRef<ReportJson['summary'][number]>('ImportTypeSummary').implement({
  description: 'What an import did to one record type.',
  fields: (t) => ({
    type: t.exposeString('type'),
    created: t.exposeInt('created'),
    updated: t.exposeInt('updated'),
    unchanged: t.exposeInt('unchanged'),
  }),
});

const ImportRecordsPayload = builder.objectRef<ReportJson>('ImportRecordsPayload').implement({
  description: 'The report of an import. With userErrors, nothing was written.',
  fields: (t) => ({
    ok: t.exposeBoolean('ok', { description: 'True when every line was valid (and, unless dryRun, written).' }),
    dryRun: t.exposeBoolean('dryRun'),
    lines: t.exposeInt('lines'),
    records: t.exposeInt('records'),
    errorCount: t.exposeInt('errorCount', { description: 'Every problem found; userErrors lists the first 100.' }),
    userErrors: t.field({ type: [ImportLineError], resolve: (r) => r.errors }),
    summary: t.field({ type: [ImportTypeSummary], resolve: (r) => r.summary }),
  }),
});

const ImportRecordsInput = builder.inputType('ImportRecordsInput', {
  fields: (t) => ({
    ndjson: t.string({ required: true, description: `NDJSON text in the import format, at most ${MAX_IMPORT_BYTES / 1024 / 1024} MiB.` }),
    dryRun: t.boolean({ defaultValue: false, description: 'Validate and count without writing.' }),
    idempotencyKey: t.string({ description: 'A retry with the same key returns the first answer instead of importing again.' }),
  }),
});

builder.mutationType({ description: 'Every write.' });

builder.mutationField('importRecords', (t) =>
  t.field({
    authScopes: WRITE,
    type: ImportRecordsPayload,
    description:
      'Imports NDJSON records (docs/import-format.md) all or nothing: a file with any invalid line writes nothing and names every bad line.',
    args: { input: t.arg({ type: ImportRecordsInput, required: true }) },
    resolve: (_root, { input }, context, info) => {
      if (Buffer.byteLength(input.ndjson, 'utf8') > MAX_IMPORT_BYTES) {
        throw userInputError(
          `input.ndjson is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB; split it, or use npm run import for large files`,
        );
      }
      const { idempotencyKey, ...request } = input;
      return withIdempotency({ context, info, inputKey: idempotencyKey }, request, () =>
        runImport(input.ndjson, input.dryRun ?? false, context),
      );
    },
  }),
);

// One upsert mutation per record type, generated from the record specs.
const NODES: Record<
  RecordType,
  {
    name: string;
    node: unknown;
    model:
      | 'businessCalendar'
      | 'slaPolicy'
      | 'team'
      | 'agent'
      | 'customer'
      | 'knowledgeArticle'
      | 'ticket'
      | 'interaction'
      | 'surveyResponse';
  }
> = {
  calendar: { name: 'BusinessCalendar', node: BusinessCalendarNode, model: 'businessCalendar' },
  sla: { name: 'SlaPolicy', node: SlaPolicyNode, model: 'slaPolicy' },
  team: { name: 'Team', node: TeamNode, model: 'team' },
  agent: { name: 'Agent', node: AgentNode, model: 'agent' },
  customer: { name: 'Customer', node: CustomerNode, model: 'customer' },
  article: { name: 'KnowledgeArticle', node: KnowledgeArticleNode, model: 'knowledgeArticle' },
  ticket: { name: 'Ticket', node: TicketNode, model: 'ticket' },
  interaction: { name: 'Interaction', node: InteractionNode, model: 'interaction' },
  survey: { name: 'SurveyResponse', node: SurveyResponseNode, model: 'surveyResponse' },
};

const ENUMS: Record<string, unknown> = {
  channel: ChannelEnum,
  priority: PriorityEnum,
  ticket_status: TicketStatusEnum,
  survey_kind: SurveyKindEnum,
};

/** GraphQL input types of the structured import fields, by column. */
const PARSED_INPUTS: Record<string, unknown> = { time_zone: 'String', weekly_hours: [BusinessHoursInput], holidays: ['String'] };

interface UpsertResult {
  [key: string]: unknown;
  externalId: string;
  created: boolean;
  userErrors: Array<{ field: string[]; message: string }>;
}

const UserError = builder.objectRef<UpsertResult['userErrors'][number]>('UserError').implement({
  description: 'Why an input was refused: the path of the field and what to change.',
  fields: (t) => ({
    field: t.exposeStringList('field'),
    message: t.exposeString('message'),
  }),
});

function inputFieldType(field: FieldSpec): unknown {
  switch (field.kind) {
    case 'string':
    case 'ref':
      return 'String';
    case 'enum':
      return ENUMS[field.pgType];
    case 'instant':
      return 'DateTime';
    case 'int':
      return 'Int';
    case 'bool':
      return 'Boolean';
    case 'parsed':
      return PARSED_INPUTS[field.column];
  }
}

for (const spec of RECORD_SPECS) {
  const { name, node, model } = NODES[spec.type];
  const input = builder.inputType(`Upsert${name}Input`, {
    description: `A ${name} to create, or to update when its externalId exists. References name other records by their externalId.`,
    fields: (t) =>
      ({
        externalId: t.string({ required: true }),
        ...Object.fromEntries(
          Object.entries(spec.fields).map(([field, fieldSpec]) => [
            field,
            t.field({
              type: inputFieldType(fieldSpec) as never,
              required: fieldSpec.required,
              description: fieldSpec.kind === 'ref' ? `The externalId of the ${fieldSpec.target}.` : undefined,
            }),
          ]),
        ),
        idempotencyKey: t.string({ description: 'A retry with the same key returns the first answer instead of running again.' }),
      }) as never,
  });
  const payload = builder.objectRef<UpsertResult>(`Upsert${name}Payload`).implement({
    description: `The result of upsert${name}: the record, or userErrors (and nothing written).`,
    fields: (t) =>
      ({
        [model]: t.field({
          type: node as never,
          nullable: true,
          resolve: (result: UpsertResult, _args: unknown, ctx: GraphQLContext) =>
            result.userErrors.length ? null : (ctx.prisma[model] as any).findUnique({ where: { externalId: result.externalId } }),
        }),
        created: t.boolean({ description: 'True when the record was new.', resolve: (result: UpsertResult) => result.created }),
        userErrors: t.field({ type: [UserError], resolve: (result: UpsertResult) => result.userErrors }),
      }) as never,
  });
  builder.mutationField(`upsert${name}`, (t) =>
    t.field({
      authScopes: WRITE,
      type: payload,
      description: `Creates or updates one ${name} by externalId, with the validation of the import format.`,
      args: { input: t.arg({ type: input, required: true }) },
      resolve: (_root, args, context, info) => {
        const { idempotencyKey, ...fields } = args.input as unknown as Record<string, unknown> & {
          externalId: string;
          idempotencyKey?: string | null;
        };
        const record = Object.fromEntries(
          Object.entries({ type: spec.type, ...fields }).map(([k, v]) => [
            k,
            (v as unknown) instanceof Date ? (v as unknown as Date).toISOString() : v,
          ]),
        );
        return withIdempotency({ context, info, inputKey: idempotencyKey }, fields, async () => {
          const report = await runImport(JSON.stringify(record), false, context);
          const counts = report.summary.find((s) => s.type === spec.type)!;
          return {
            externalId: fields.externalId,
            created: counts.created === 1,
            userErrors: report.errors.map((e) => ({ field: ['input', e.field], message: e.reason })),
          };
        });
      },
    }),
  );
}
