// Row shapes the demo generator produces, one per table, with database ids assigned up front
// so that a batch can reference rows of an earlier batch without reading them back.
import type { Channel, Priority, SurveyKind, TicketStatus } from '../generated/prisma/enums.js';

export interface TeamRow {
  id: number;
  externalId: string;
  name: string;
}
export interface AgentRow {
  id: number;
  externalId: string;
  name: string;
  email: string;
  teamId: number;
  active: boolean;
}
export interface CustomerRow {
  id: number;
  externalId: string;
  name: string;
  email: string;
  segment: string | null;
  createdAt: Date;
  churnedAt: Date | null;
}
export interface ArticleRow {
  id: number;
  externalId: string;
  title: string;
  url: string;
}
export interface TicketRow {
  id: number;
  externalId: string;
  subject: string;
  channel: Channel;
  priority: Priority;
  category: string | null;
  status: TicketStatus;
  customerId: number;
  assigneeId: number | null;
  teamId: number | null;
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  reopenCount: number;
  knowledgeArticleId: number | null;
}
export interface InteractionRow {
  id: number;
  externalId: string;
  ticketId: number;
  agentId: number;
  startedAt: Date;
  talkSeconds: number;
  holdSeconds: number;
  wrapUpSeconds: number;
  transferred: boolean;
}
export interface SurveyRow {
  id: number;
  externalId: string;
  kind: SurveyKind;
  score: number;
  customerId: number;
  ticketId: number | null;
  respondedAt: Date;
  comment: string | null;
}

/** The records that everything else refers to, generated first. */
export interface Directory {
  teams: TeamRow[];
  agents: AgentRow[];
  customers: CustomerRow[];
  articles: ArticleRow[];
}

/** A batch of activity: tickets with their interactions and surveys. */
export interface ActivityBatch {
  tickets: TicketRow[];
  interactions: InteractionRow[];
  surveys: SurveyRow[];
}
