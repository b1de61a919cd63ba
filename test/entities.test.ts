import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from './support/fixtures.js';
import { globalId, startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
let ids: Record<string, number>;

beforeAll(async () => {
  api = await startTestApi();
  const make = fixtures(api.db.prisma);
  const team = await make.team('Tier 1');
  const ana = await make.agent('Ana Souza', team.id);
  const bruno = await make.agent('Bruno Lima', null, { active: false });
  const acme = await make.customer('Acme', { segment: 'enterprise', email: 'ops@acme.example' });
  const article = await make.article('Reset your password');
  const ticket = await make.ticket(acme.id, {
    subject: 'Cannot log in',
    channel: 'CHAT',
    priority: 'HIGH',
    category: 'login',
    status: 'SOLVED',
    assigneeId: ana.id,
    teamId: team.id,
    firstResponseAt: new Date('2026-03-02T09:04:00Z'),
    resolvedAt: new Date('2026-03-02T09:20:00Z'),
    knowledgeArticleId: article.id,
  });
  const unassigned = await make.ticket(acme.id, { subject: 'Unrouted question' });
  const first = await make.interaction(ticket.id, ana.id, { talkSeconds: 600, holdSeconds: 60, wrapUpSeconds: 120 });
  const second = await make.interaction(ticket.id, bruno.id, { startedAt: new Date('2026-03-02T09:15:00Z'), transferred: true });
  const csat = await make.survey(acme.id, { ticketId: ticket.id, score: 5, comment: 'Quick and kind' });
  const nps = await make.survey(acme.id, { kind: 'NPS', score: 9 });
  ids = {
    team: team.id,
    ana: ana.id,
    bruno: bruno.id,
    acme: acme.id,
    article: article.id,
    ticket: ticket.id,
    unassigned: unassigned.id,
    first: first.id,
    second: second.id,
    csat: csat.id,
    nps: nps.id,
  };
});

afterAll(() => api.close());

describe('node(id:)', () => {
  it('finds every entity type by its global ID', async () => {
    const cases: Array<[string, number, string]> = [
      ['Team', ids.team!, 'name'],
      ['Agent', ids.ana!, 'name'],
      ['Customer', ids.acme!, 'name'],
      ['KnowledgeArticle', ids.article!, 'title'],
      ['Ticket', ids.ticket!, 'subject'],
      ['Interaction', ids.first!, 'talkSeconds'],
      ['SurveyResponse', ids.csat!, 'score'],
    ];
    for (const [type, id, field] of cases) {
      const data = await api.data(`query ($id: ID!) { node(id: $id) { __typename id ... on ${type} { ${field} } } }`, {
        id: globalId(type, id),
      });
      expect(data.node).toMatchObject({ __typename: type, id: globalId(type, id) });
      expect(data.node[field]).toBeDefined();
    }
  });

  it('returns null for a well-formed ID of a record that does not exist', async () => {
    const data = await api.data('query ($id: ID!) { node(id: $id) { id } }', { id: globalId('Ticket', 999_999) });
    expect(data.node).toBeNull();
  });

  it('rejects a malformed ID as bad user input', async () => {
    for (const id of ['not-an-id', '', Buffer.from('Ticket:abc').toString('base64'), Buffer.from('Nope:1').toString('base64')]) {
      const result = await api.graphql('query ($id: ID!) { node(id: $id) { id } }', { id });
      expect(result.errors?.[0]?.extensions?.code, id).toBe('BAD_USER_INPUT');
    }
  });
});

describe('relations', () => {
  it('navigates from a ticket to everything around it', async () => {
    const data = await api.data(
      `query ($id: ID!) { node(id: $id) { ... on Ticket {
          subject channel priority category status reopenCount createdAt firstResponseAt resolvedAt
          customer { name segment email }
          assignee { name team { name } }
          team { name }
          knowledgeArticle { title }
          interactions(first: 10) { totalCount edges { node { agent { name } talkSeconds holdSeconds wrapUpSeconds handleSeconds transferred } } }
          surveyResponses(first: 10) { totalCount edges { node { kind score comment customer { name } } } }
      } } }`,
      { id: globalId('Ticket', ids.ticket!) },
    );
    expect(data.node).toEqual({
      subject: 'Cannot log in',
      channel: 'CHAT',
      priority: 'HIGH',
      category: 'login',
      status: 'SOLVED',
      reopenCount: 0,
      createdAt: '2026-03-02T09:00:00.000Z',
      firstResponseAt: '2026-03-02T09:04:00.000Z',
      resolvedAt: '2026-03-02T09:20:00.000Z',
      customer: { name: 'Acme', segment: 'enterprise', email: 'ops@acme.example' },
      assignee: { name: 'Ana Souza', team: { name: 'Tier 1' } },
      team: { name: 'Tier 1' },
      knowledgeArticle: { title: 'Reset your password' },
      interactions: {
        totalCount: 2,
        edges: [
          {
            node: {
              agent: { name: 'Ana Souza' },
              talkSeconds: 600,
              holdSeconds: 60,
              wrapUpSeconds: 120,
              handleSeconds: 780,
              transferred: false,
            },
          },
          {
            node: {
              agent: { name: 'Bruno Lima' },
              talkSeconds: 300,
              holdSeconds: 0,
              wrapUpSeconds: 60,
              handleSeconds: 360,
              transferred: true,
            },
          },
        ],
      },
      surveyResponses: {
        totalCount: 1,
        edges: [{ node: { kind: 'CSAT', score: 5, comment: 'Quick and kind', customer: { name: 'Acme' } } }],
      },
    });
  });

  it('returns null relations for an unassigned, unrouted ticket', async () => {
    const data = await api.data(
      'query ($id: ID!) { node(id: $id) { ... on Ticket { assignee { id } team { id } knowledgeArticle { id } category firstResponseAt resolvedAt } } }',
      { id: globalId('Ticket', ids.unassigned!) },
    );
    expect(data.node).toEqual({
      assignee: null,
      team: null,
      knowledgeArticle: null,
      category: null,
      firstResponseAt: null,
      resolvedAt: null,
    });
  });

  it('navigates from teams, agents, customers and articles', async () => {
    const data = await api.data(`{
      teams(first: 5) { edges { node { name agents(first: 5) { totalCount edges { node { name active } } } tickets(first: 5) { totalCount } } } }
      agents(first: 5) { edges { node { name active team { name } tickets(first: 5) { totalCount } interactions(first: 5) { totalCount } } } }
      customers(first: 5) { edges { node { name tickets(first: 5) { totalCount } surveyResponses(first: 5) { totalCount edges { node { kind ticket { subject } } } } } } }
    }`);
    expect(data.teams.edges).toEqual([
      {
        node: {
          name: 'Tier 1',
          agents: { totalCount: 1, edges: [{ node: { name: 'Ana Souza', active: true } }] },
          tickets: { totalCount: 1 },
        },
      },
    ]);
    expect(data.agents.edges).toEqual([
      { node: { name: 'Ana Souza', active: true, team: { name: 'Tier 1' }, tickets: { totalCount: 1 }, interactions: { totalCount: 1 } } },
      { node: { name: 'Bruno Lima', active: false, team: null, tickets: { totalCount: 0 }, interactions: { totalCount: 1 } } },
    ]);
    const acme = data.customers.edges[0].node;
    expect(acme.tickets.totalCount).toBe(2);
    expect(acme.surveyResponses.totalCount).toBe(2);
    // Newest first by default: the NPS response (no ticket) was given... at the same instant;
    // the id breaks the tie, so the later-created NPS response comes first.
    expect(acme.surveyResponses.edges).toEqual([
      { node: { kind: 'NPS', ticket: null } },
      { node: { kind: 'CSAT', ticket: { subject: 'Cannot log in' } } },
    ]);
    const article = await api.data(
      'query ($id: ID!) { node(id: $id) { ... on KnowledgeArticle { tickets(first: 5) { totalCount edges { node { subject } } } } } }',
      {
        id: globalId('KnowledgeArticle', ids.article!),
      },
    );
    expect(article.node.tickets).toEqual({ totalCount: 1, edges: [{ node: { subject: 'Cannot log in' } }] });
  });

  it('lists survey responses with their filters', async () => {
    const data = await api.data(`{
      all: surveyResponses(first: 10) { totalCount }
      nps: surveyResponses(first: 10, filter: { kinds: [NPS] }) { totalCount edges { node { score } } }
      byTicket: surveyResponses(first: 10, filter: { ticketIds: ["${globalId('Ticket', ids.ticket!)}"] }) { totalCount }
      byScore: surveyResponses(first: 10, orderBy: { field: SCORE, direction: DESC }) { edges { node { kind score } } }
    }`);
    expect(data.all.totalCount).toBe(2);
    expect(data.nps).toEqual({ totalCount: 1, edges: [{ node: { score: 9 } }] });
    expect(data.byTicket.totalCount).toBe(1);
    expect(data.byScore.edges.map((e: any) => e.node.kind)).toEqual(['NPS', 'CSAT']);
  });
});
