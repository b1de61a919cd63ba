// A small help desk whose KPIs for March 2026 (UTC) are worked out by hand in the tests.
// Records sit on the period's edges on purpose: created exactly at `from`, resolved exactly
// at `to`, answered after `to`, started before `from`.
import type { PrismaClient } from '../../server/generated/prisma/client.js';
import { fixtures } from './fixtures.js';

export const MARCH = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };

export async function loadKpiFixture(prisma: PrismaClient) {
  const make = fixtures(prisma);
  const at = (iso: string) => new Date(iso);
  const t1 = await make.team('Tier 1');
  const t2 = await make.team('Tier 2');
  const a = await make.agent('Ana', t1.id);
  const b = await make.agent('Bruno', t2.id);
  const c = await make.agent('Carla', null);
  const acme = await make.customer('Acme', { segment: 'enterprise', createdAt: at('2025-01-01T00:00:00Z') });
  const bolt = await make.customer('Bolt', {
    segment: 'smb',
    createdAt: at('2025-06-01T00:00:00Z'),
    churnedAt: at('2026-03-10T00:00:00Z'),
  });
  const cato = await make.customer('Cato', { segment: null, createdAt: at('2026-03-05T00:00:00Z'), churnedAt: at('2026-03-20T00:00:00Z') });
  await make.customer('Dino', { segment: 'smb', createdAt: at('2026-04-10T00:00:00Z') });
  await make.customer('Echo', { segment: 'enterprise', createdAt: at('2025-02-01T00:00:00Z'), churnedAt: at('2026-02-15T00:00:00Z') });
  const kb = await make.article('Reset your password');

  const ticket = (customerId: number, data: Parameters<typeof make.ticket>[1]) => make.ticket(customerId, data);
  const k1 = await ticket(acme.id, {
    assigneeId: a.id,
    teamId: t1.id,
    channel: 'CHAT',
    priority: 'HIGH',
    category: 'login',
    status: 'SOLVED',
    createdAt: at('2026-03-01T00:00:00Z'),
    firstResponseAt: at('2026-03-01T00:01:00Z'),
    resolvedAt: at('2026-03-01T01:00:00Z'),
    knowledgeArticleId: kb.id,
  });
  const k2 = await ticket(acme.id, {
    assigneeId: a.id,
    teamId: t1.id,
    channel: 'EMAIL',
    priority: 'NORMAL',
    category: 'billing',
    status: 'SOLVED',
    createdAt: at('2026-03-02T10:00:00Z'),
    firstResponseAt: at('2026-03-02T10:10:00Z'),
    resolvedAt: at('2026-03-03T10:00:00Z'),
    reopenCount: 1,
  });
  const k3 = await ticket(bolt.id, {
    assigneeId: b.id,
    teamId: t2.id,
    channel: 'PHONE',
    priority: 'URGENT',
    category: null,
    status: 'SOLVED',
    createdAt: at('2026-03-10T12:00:00Z'),
    firstResponseAt: at('2026-03-10T12:00:30Z'),
    resolvedAt: at('2026-03-10T12:30:00Z'),
  });
  await ticket(bolt.id, { channel: 'WEB', priority: 'LOW', category: 'billing', status: 'NEW', createdAt: at('2026-03-15T08:00:00Z') });
  const k5 = await ticket(cato.id, {
    assigneeId: c.id,
    channel: 'CHAT',
    priority: 'NORMAL',
    category: 'login',
    status: 'SOLVED',
    createdAt: at('2026-03-31T23:59:59Z'),
    firstResponseAt: at('2026-04-01T00:00:29Z'),
    resolvedAt: at('2026-04-01T00:10:00Z'),
  });
  const k6 = await ticket(acme.id, {
    assigneeId: a.id,
    teamId: t1.id,
    channel: 'CHAT',
    priority: 'HIGH',
    category: 'login',
    status: 'SOLVED',
    createdAt: at('2026-02-27T10:00:00Z'),
    firstResponseAt: at('2026-02-27T10:02:00Z'),
    resolvedAt: at('2026-03-01T00:00:00Z'),
  });
  await ticket(acme.id, {
    assigneeId: b.id,
    teamId: t2.id,
    channel: 'EMAIL',
    priority: 'LOW',
    category: 'billing',
    status: 'OPEN',
    createdAt: at('2026-02-20T00:00:00Z'),
  });
  await ticket(acme.id, {
    assigneeId: a.id,
    teamId: t1.id,
    channel: 'EMAIL',
    priority: 'NORMAL',
    category: 'billing',
    status: 'SOLVED',
    createdAt: at('2026-03-20T00:00:00Z'),
    firstResponseAt: at('2026-03-20T01:00:00Z'),
    resolvedAt: at('2026-04-01T00:00:00Z'),
  });
  await ticket(bolt.id, {
    assigneeId: b.id,
    teamId: t2.id,
    channel: 'CHAT',
    priority: 'NORMAL',
    category: 'login',
    status: 'SOLVED',
    createdAt: at('2026-03-05T00:00:00Z'),
    resolvedAt: at('2026-03-05T00:20:00Z'),
    knowledgeArticleId: kb.id,
  });

  const contact = (ticketId: number, agentId: number, startedAt: string, talk: number, hold: number, wrap: number, transferred = false) =>
    make.interaction(ticketId, agentId, {
      startedAt: at(startedAt),
      talkSeconds: talk,
      holdSeconds: hold,
      wrapUpSeconds: wrap,
      transferred,
    });
  await contact(k1.id, a.id, '2026-03-01T00:01:00Z', 300, 0, 60);
  await contact(k2.id, a.id, '2026-03-02T10:10:00Z', 200, 0, 100);
  await contact(k3.id, b.id, '2026-03-10T12:00:30Z', 600, 120, 60, true);
  await contact(k3.id, c.id, '2026-03-10T12:15:00Z', 300, 0, 0);
  await contact(k5.id, c.id, '2026-04-01T00:00:29Z', 100, 0, 0);
  await contact(k6.id, a.id, '2026-02-27T10:02:00Z', 400, 0, 0);

  const survey = (kind: 'CSAT' | 'NPS' | 'CES', score: number, customerId: number, ticketId: number | null, respondedAt: string) =>
    make.survey(customerId, { kind, score, ticketId, respondedAt: at(respondedAt) });
  await survey('CSAT', 5, acme.id, k1.id, '2026-03-01T02:00:00Z');
  await survey('CSAT', 3, acme.id, k2.id, '2026-03-04T00:00:00Z');
  await survey('CSAT', 4, bolt.id, k3.id, '2026-03-11T00:00:00Z');
  await survey('CSAT', 2, bolt.id, null, '2026-03-12T00:00:00Z');
  await survey('NPS', 10, acme.id, null, '2026-03-15T00:00:00Z');
  await survey('NPS', 9, bolt.id, null, '2026-03-16T00:00:00Z');
  await survey('NPS', 7, cato.id, null, '2026-03-20T00:00:00Z');
  await survey('NPS', 3, acme.id, null, '2026-03-25T00:00:00Z');
  await survey('CES', 6, acme.id, k1.id, '2026-03-02T00:00:00Z');
  await survey('CES', 3, bolt.id, k3.id, '2026-03-11T00:00:00Z');
  await survey('CSAT', 5, acme.id, k6.id, '2026-02-28T00:00:00Z');
  await survey('NPS', 0, bolt.id, null, '2026-04-01T00:00:00Z');

  return { teams: { t1, t2 }, agents: { a, b, c }, customers: { acme, bolt, cato } };
}

export const ALL_KPIS = `
  ticketCount resolvedCount backlog
  firstResponseTime { count average median p90 }
  resolutionTime { count average median p90 }
  firstContactResolution { value numerator denominator }
  averageHandleTime { count average median p90 averageTalk averageHold averageWrapUp }
  nps { score promoters passives detractors responses }
  csat { rate { value numerator denominator } average responses }
  ces { average lowEffort { value numerator denominator } responses }
  selfServiceOpportunity { value numerator denominator }
  customersAtStart customersAtEnd newCustomers
  retentionRate { value numerator denominator }
  churnRate { value numerator denominator }`;
