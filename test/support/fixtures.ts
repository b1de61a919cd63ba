// Small, explicit fixtures: each test states the records it relies on, with defaults for the
// fields it does not care about.
import type { Prisma, PrismaClient } from '../../server/generated/prisma/client.js';

export function fixtures(prisma: PrismaClient) {
  let sequence = 0;
  const externalId = (prefix: string) => `${prefix}-${++sequence}`;
  return {
    team: (name: string) => prisma.team.create({ data: { externalId: externalId('team'), name } }),
    agent: (name: string, teamId: number | null = null, extra: Partial<Prisma.AgentUncheckedCreateInput> = {}) =>
      prisma.agent.create({
        data: { externalId: externalId('agent'), name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`, teamId, ...extra },
      }),
    customer: (name: string, extra: Partial<Prisma.CustomerUncheckedCreateInput> = {}) =>
      prisma.customer.create({
        data: { externalId: externalId('customer'), name, createdAt: new Date('2025-01-01T00:00:00Z'), ...extra },
      }),
    article: (title: string) =>
      prisma.knowledgeArticle.create({ data: { externalId: externalId('kb'), title, url: `https://kb.example/${sequence}` } }),
    ticket: (customerId: number, extra: Partial<Prisma.TicketUncheckedCreateInput> = {}) =>
      prisma.ticket.create({
        data: {
          externalId: externalId('ticket'),
          subject: 'Help',
          channel: 'EMAIL',
          priority: 'NORMAL',
          status: 'OPEN',
          customerId,
          createdAt: new Date('2026-03-02T09:00:00Z'),
          ...extra,
        },
      }),
    interaction: (ticketId: number, agentId: number, extra: Partial<Prisma.InteractionUncheckedCreateInput> = {}) =>
      prisma.interaction.create({
        data: {
          externalId: externalId('interaction'),
          ticketId,
          agentId,
          startedAt: new Date('2026-03-02T09:05:00Z'),
          talkSeconds: 300,
          holdSeconds: 0,
          wrapUpSeconds: 60,
          ...extra,
        },
      }),
    survey: (customerId: number, extra: Partial<Prisma.SurveyResponseUncheckedCreateInput> = {}) =>
      prisma.surveyResponse.create({
        data: {
          externalId: externalId('survey'),
          kind: 'CSAT',
          score: 5,
          customerId,
          respondedAt: new Date('2026-03-02T12:00:00Z'),
          ...extra,
        },
      }),
  };
}
