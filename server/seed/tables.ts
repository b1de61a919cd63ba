// Which column of which table each generated row field goes to.
import type { Column } from './bulk-insert.js';
import type { AgentRow, ArticleRow, CustomerRow, InteractionRow, SurveyRow, TeamRow, TicketRow } from './rows.js';

export const teamColumns: Column<TeamRow>[] = [
  { name: 'id', type: 'int', value: (r) => r.id },
  { name: 'external_id', type: 'text', value: (r) => r.externalId },
  { name: 'name', type: 'text', value: (r) => r.name },
];

export const agentColumns: Column<AgentRow>[] = [
  { name: 'id', type: 'int', value: (r) => r.id },
  { name: 'external_id', type: 'text', value: (r) => r.externalId },
  { name: 'name', type: 'text', value: (r) => r.name },
  { name: 'email', type: 'text', value: (r) => r.email },
  { name: 'team_id', type: 'int', value: (r) => r.teamId },
  { name: 'active', type: 'boolean', value: (r) => r.active },
];

export const customerColumns: Column<CustomerRow>[] = [
  { name: 'id', type: 'int', value: (r) => r.id },
  { name: 'external_id', type: 'text', value: (r) => r.externalId },
  { name: 'name', type: 'text', value: (r) => r.name },
  { name: 'email', type: 'text', value: (r) => r.email },
  { name: 'segment', type: 'text', value: (r) => r.segment },
  { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  { name: 'churned_at', type: 'timestamptz', value: (r) => r.churnedAt },
];

export const articleColumns: Column<ArticleRow>[] = [
  { name: 'id', type: 'int', value: (r) => r.id },
  { name: 'external_id', type: 'text', value: (r) => r.externalId },
  { name: 'title', type: 'text', value: (r) => r.title },
  { name: 'url', type: 'text', value: (r) => r.url },
];

export const ticketColumns: Column<TicketRow>[] = [
  { name: 'id', type: 'int', value: (r) => r.id },
  { name: 'external_id', type: 'text', value: (r) => r.externalId },
  { name: 'subject', type: 'text', value: (r) => r.subject },
  { name: 'channel', type: 'channel', value: (r) => r.channel },
  { name: 'priority', type: 'priority', value: (r) => r.priority },
  { name: 'category', type: 'text', value: (r) => r.category },
  { name: 'status', type: 'ticket_status', value: (r) => r.status },
  { name: 'customer_id', type: 'int', value: (r) => r.customerId },
  { name: 'assignee_id', type: 'int', value: (r) => r.assigneeId },
  { name: 'team_id', type: 'int', value: (r) => r.teamId },
  { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  { name: 'first_response_at', type: 'timestamptz', value: (r) => r.firstResponseAt },
  { name: 'resolved_at', type: 'timestamptz', value: (r) => r.resolvedAt },
  { name: 'reopen_count', type: 'int', value: (r) => r.reopenCount },
  { name: 'knowledge_article_id', type: 'int', value: (r) => r.knowledgeArticleId },
];

export const interactionColumns: Column<InteractionRow>[] = [
  { name: 'id', type: 'int', value: (r) => r.id },
  { name: 'external_id', type: 'text', value: (r) => r.externalId },
  { name: 'ticket_id', type: 'int', value: (r) => r.ticketId },
  { name: 'agent_id', type: 'int', value: (r) => r.agentId },
  { name: 'started_at', type: 'timestamptz', value: (r) => r.startedAt },
  { name: 'talk_seconds', type: 'int', value: (r) => r.talkSeconds },
  { name: 'hold_seconds', type: 'int', value: (r) => r.holdSeconds },
  { name: 'wrap_up_seconds', type: 'int', value: (r) => r.wrapUpSeconds },
  { name: 'transferred', type: 'boolean', value: (r) => r.transferred },
];

export const surveyColumns: Column<SurveyRow>[] = [
  { name: 'id', type: 'int', value: (r) => r.id },
  { name: 'external_id', type: 'text', value: (r) => r.externalId },
  { name: 'kind', type: 'survey_kind', value: (r) => r.kind },
  { name: 'score', type: 'int', value: (r) => r.score },
  { name: 'customer_id', type: 'int', value: (r) => r.customerId },
  { name: 'ticket_id', type: 'int', value: (r) => r.ticketId },
  { name: 'responded_at', type: 'timestamptz', value: (r) => r.respondedAt },
  { name: 'comment', type: 'text', value: (r) => r.comment },
];
