// Which columns the demo generator fills, by the Prisma fields its row shapes are named after:
// table and column names and types come from the data model, so they are written only in
// prisma/schema.prisma. Rows are written with the shared unnest writer.
import { columnOf, pgTypeOf, tableOf, type ModelName, type ScalarField } from '../db/datamodel.js';
import type { SqlClient } from '../db/sql-client.js';
import { toParameter, unnestStatement, writeColumns } from '../db/unnest-write.js';
import type { AgentRow, ArticleRow, CustomerRow, InteractionRow, SurveyRow, TeamRow, TicketRow } from './rows.js';

export interface SeedTable<Row> {
  table: string;
  fields: ReadonlyArray<keyof Row>;
  statement: string;
}

function seedTable<Row>() {
  return <M extends ModelName>(model: M, fields: ReadonlyArray<ScalarField<M> & keyof Row>): SeedTable<Row> => ({
    table: tableOf(model),
    fields,
    statement: unnestStatement(
      tableOf(model),
      fields.map((field) => ({ column: columnOf(model, field), pgType: pgTypeOf(model, field) })),
    ),
  });
}

export const teamTable = seedTable<TeamRow>()('Team', ['id', 'externalId', 'name']);
export const agentTable = seedTable<AgentRow>()('Agent', ['id', 'externalId', 'name', 'email', 'teamId', 'active']);
export const customerTable = seedTable<CustomerRow>()('Customer', [
  'id',
  'externalId',
  'name',
  'email',
  'segment',
  'createdAt',
  'churnedAt',
]);
export const articleTable = seedTable<ArticleRow>()('KnowledgeArticle', ['id', 'externalId', 'title', 'url']);
export const ticketTable = seedTable<TicketRow>()('Ticket', [
  'id',
  'externalId',
  'subject',
  'channel',
  'priority',
  'category',
  'status',
  'customerId',
  'assigneeId',
  'teamId',
  'createdAt',
  'firstResponseAt',
  'resolvedAt',
  'reopenCount',
  'knowledgeArticleId',
]);
export const interactionTable = seedTable<InteractionRow>()('Interaction', [
  'id',
  'externalId',
  'ticketId',
  'agentId',
  'startedAt',
  'talkSeconds',
  'holdSeconds',
  'wrapUpSeconds',
  'transferred',
]);
export const surveyTable = seedTable<SurveyRow>()('SurveyResponse', [
  'id',
  'externalId',
  'kind',
  'score',
  'customerId',
  'ticketId',
  'respondedAt',
  'comment',
]);

export async function insertRows<Row>(sql: SqlClient, table: SeedTable<Row>, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  await writeColumns(
    sql,
    table.statement,
    table.fields.map((field) => rows.map((row) => toParameter(row[field]))),
  );
}
