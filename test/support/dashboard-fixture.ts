// Records added beside the KPI fixture (test/support/kpi-fixture.ts) for the dashboard
// answers, all outside March 2026 so the fixture's March numbers stay as worked out there:
// last year's March in New York (edges at both ends), first-contact outcomes in June 2025,
// 30 CSAT answers in January 2025 (the lowSample threshold), and tickets in New York's DST
// changes (the repeated 01:00 hour of 2026-11-01, the skipped 02:00 hour of 2027-03-14).
import type { PrismaClient } from '../../server/generated/prisma/client.js';

export async function loadDashboardFixture(prisma: PrismaClient, agentId: number) {
  let sequence = 0;
  const externalId = (prefix: string) => `dash-${prefix}-${++sequence}`;
  const at = (iso: string) => new Date(iso);
  const customer = await prisma.customer.create({
    data: { externalId: externalId('customer'), name: 'Zeta', segment: 'smb', createdAt: at('2024-01-01T00:00:00Z') },
  });
  const ticket = (subject: string, createdAt: string, resolvedAt: string | null = null, extra: Record<string, unknown> = {}) =>
    prisma.ticket.create({
      data: {
        externalId: externalId('ticket'),
        subject,
        channel: 'EMAIL',
        priority: 'NORMAL',
        status: resolvedAt ? 'SOLVED' : 'OPEN',
        customerId: customer.id,
        assigneeId: agentId,
        createdAt: at(createdAt),
        resolvedAt: resolvedAt ? at(resolvedAt) : null,
        ...extra,
      },
    });
  const contact = (ticketId: number, startedAt: string, transferred = false) =>
    prisma.interaction.create({
      data: {
        externalId: externalId('interaction'),
        ticketId,
        agentId,
        startedAt: at(startedAt),
        talkSeconds: 100,
        holdSeconds: 0,
        wrapUpSeconds: 0,
        transferred,
      },
    });

  // March 2025 in New York is [2025-03-01T05:00Z, 2025-04-01T04:00Z): two of these four are in it.
  await ticket('ny-before', '2025-03-01T04:30:00Z', '2025-03-01T04:31:00Z');
  await ticket('ny-first', '2025-03-01T05:00:00Z', '2025-03-01T05:01:00Z');
  await ticket('ny-last', '2025-04-01T03:59:00Z', '2025-04-01T03:59:30Z');
  await ticket('ny-after', '2025-04-01T04:00:00Z', '2025-04-01T04:01:00Z');

  // June 2025: resolved on first contact (one untransferred interaction), and two failures
  // (two untransferred interactions; one transferred interaction).
  const twice = await ticket('fcr-two-contacts', '2025-06-09T10:00:00Z', '2025-06-10T10:00:00Z');
  await contact(twice.id, '2025-06-09T10:05:00Z');
  await contact(twice.id, '2025-06-10T09:00:00Z');
  const once = await ticket('fcr-one-contact', '2025-06-09T11:00:00Z', '2025-06-10T11:00:00Z');
  await contact(once.id, '2025-06-09T11:05:00Z');
  const passed = await ticket('fcr-transferred', '2025-06-09T12:00:00Z', '2025-06-10T12:00:00Z');
  await contact(passed.id, '2025-06-09T12:05:00Z', true);

  // January 2025: 30 CSAT answers an hour apart from midnight UTC, the first three unsatisfied (2), the rest 5.
  for (let i = 0; i < 30; i++) {
    await prisma.surveyResponse.create({
      data: {
        externalId: externalId('survey'),
        kind: 'CSAT',
        score: i < 3 ? 2 : 5,
        customerId: customer.id,
        respondedAt: new Date(Date.parse('2025-01-01T00:00:00Z') + i * 3_600_000),
      },
    });
  }

  // New York: 01:30 EDT and 01:30 EST on the fall-back day; 01:30 EST and 03:30 EDT around the skipped hour.
  await ticket('fall-back-first', '2026-11-01T05:30:00Z', null, { channel: 'CHAT' });
  await ticket('fall-back-second', '2026-11-01T06:30:00Z', null, { channel: 'PHONE' });
  await ticket('spring-before', '2027-03-14T06:30:00Z');
  await ticket('spring-after', '2027-03-14T07:30:00Z');
}
