// NDJSON fixtures for the import tests.
export { linesOf } from '../../server/import/lines.js';

/** The example of docs/import-format.md: one record of every type. */
export const EXAMPLE = [
  { type: 'team', externalId: 't-1', name: 'Tier 1' },
  { type: 'agent', externalId: 'a-1', name: 'Ana Souza', email: 'ana@example.com', team: 't-1', active: true },
  {
    type: 'customer',
    externalId: 'c-1',
    name: 'Acme',
    email: 'ops@acme.example',
    segment: 'enterprise',
    createdAt: '2025-01-10T12:00:00Z',
    churnedAt: null,
  },
  { type: 'article', externalId: 'kb-7', title: 'Reset your password', url: 'https://help.example.com/kb/7' },
  {
    type: 'ticket',
    externalId: 'tk-1',
    subject: 'Cannot log in',
    channel: 'CHAT',
    priority: 'HIGH',
    category: 'login',
    status: 'SOLVED',
    customer: 'c-1',
    assignee: 'a-1',
    team: 't-1',
    createdAt: '2026-03-02T09:00:00Z',
    firstResponseAt: '2026-03-02T09:04:00Z',
    resolvedAt: '2026-03-02T09:20:00Z',
    reopenCount: 0,
    knowledgeArticle: 'kb-7',
  },
  {
    type: 'interaction',
    externalId: 'i-1',
    ticket: 'tk-1',
    agent: 'a-1',
    startedAt: '2026-03-02T09:04:00Z',
    talkSeconds: 600,
    holdSeconds: 60,
    wrapUpSeconds: 120,
    transferred: false,
  },
  {
    type: 'survey',
    externalId: 's-1',
    kind: 'CSAT',
    score: 5,
    customer: 'c-1',
    ticket: 'tk-1',
    respondedAt: '2026-03-02T10:00:00Z',
    comment: 'Quick and kind',
  },
];

export const ndjson = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
