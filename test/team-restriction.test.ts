// A team-restricted key probes every path for another team's data: connections, relations,
// node(id:) with ids copied from an unrestricted key's answers and guessed, filters naming
// other teams, KPIs, slices and drill-down. Every answer must be computed over its own
// team's tickets (and their interactions, surveys and customers) only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../server/auth/api-keys.js';
import { seedDatabase } from '../server/seed/seed.js';
import { globalId, startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
let restricted: Record<string, string>;
let unrestricted: Record<string, string>;
let ownTeam: number;
let otherTeam: number;

const period = { from: '2026-03-01T00:00:00Z', to: '2026-06-01T00:00:00Z' };
const SECRET_ACCESS = { anonymousScopes: null, rateLimit: { burst: 1, refillPerSecond: 0 } };

beforeAll(async () => {
  api = await startTestApi({ yoga: SECRET_ACCESS });
  await seedDatabase(api.db, { tickets: 1500, seed: 11, until: new Date('2026-06-01T00:00:00Z'), days: 120, agents: 40, customers: 300 });
  const teams = await api.db.sql.query<{ id: number }>('SELECT id FROM team ORDER BY id');
  [ownTeam, otherTeam] = [teams[0]!.id, teams[1]!.id];
  const read = ['kpis:read', 'kpis:agents', 'records:read'];
  const own = await createApiKey(api.db.sql, { name: 'partner-tier-1', scopes: read, teamIds: [ownTeam] });
  const all = await createApiKey(api.db.sql, { name: 'head-office', scopes: read });
  restricted = { authorization: `Bearer ${own.key}` };
  unrestricted = { authorization: `Bearer ${all.key}` };
});
afterAll(() => api.close());

async function as<T = any>(headers: Record<string, string>, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await api.graphql<T>(query, variables, headers);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await api.db.sql.query<{ n: number | string }>(sql, params);
  return Number(row!.n);
}

describe('a team-restricted key', () => {
  it("lists only its team's tickets, survey responses and customers", async () => {
    const data = await as(
      restricted,
      `{
      tickets(first: 100) { totalCount edges { node { team { id } } } }
      surveyResponses(first: 100) { totalCount edges { node { ticket { team { id } } } } }
      customers(first: 1) { totalCount } }`,
    );
    expect(data.tickets.totalCount).toBe(await count('SELECT count(*) AS n FROM ticket WHERE team_id = $1', [ownTeam]));
    expect(data.tickets.totalCount).toBeGreaterThan(0);
    expect(new Set(data.tickets.edges.map((e: any) => e.node.team.id))).toEqual(new Set([globalId('Team', ownTeam)]));
    expect(data.surveyResponses.totalCount).toBe(
      await count('SELECT count(*) AS n FROM survey_response s JOIN ticket t ON t.id = s.ticket_id WHERE t.team_id = $1', [ownTeam]),
    );
    for (const edge of data.surveyResponses.edges) expect(edge.node.ticket.team.id).toBe(globalId('Team', ownTeam));
    expect(data.customers.totalCount).toBe(
      await count('SELECT count(DISTINCT customer_id) AS n FROM ticket WHERE team_id = $1', [ownTeam]),
    );
    // The unrestricted key sees more: the restriction, not the data, made the difference.
    const everything = await as(unrestricted, '{ tickets(first: 1) { totalCount } customers(first: 1) { totalCount } }');
    expect(everything.tickets.totalCount).toBe(await count('SELECT count(*) AS n FROM ticket'));
    expect(everything.tickets.totalCount).toBeGreaterThan(data.tickets.totalCount);
  });

  it("gets null from node(id:) for ids copied from another key's answers, and for guessed ids", async () => {
    const other = await as(
      unrestricted,
      `query ($teams: [ID!]) { tickets(first: 20, filter: { teamIds: $teams }) { edges { node { id
      customer { id } interactions(first: 5) { edges { node { id } } } surveyResponses(first: 5) { edges { node { id } } } } } } }`,
      { teams: [globalId('Team', otherTeam)] },
    );
    const copied = other.tickets.edges.flatMap((e: any) => [
      e.node.id,
      ...e.node.interactions.edges.map((i: any) => i.node.id),
      ...e.node.surveyResponses.edges.map((s: any) => s.node.id),
    ]);
    expect(copied.length).toBeGreaterThan(20);
    const guessed = (
      await api.db.sql.query<{ id: number }>('SELECT id FROM ticket WHERE team_id <> $1 ORDER BY random() LIMIT 30', [ownTeam])
    ).map((r) => globalId('Ticket', r.id));
    // Customers who only ever wrote to other teams.
    const strangers = await api.db.sql.query<{ id: number }>(
      'SELECT id FROM customer c WHERE NOT EXISTS (SELECT FROM ticket t WHERE t.customer_id = c.id AND t.team_id = $1) LIMIT 10',
      [ownTeam],
    );
    const ids = [...copied, ...guessed, ...strangers.map((r) => globalId('Customer', r.id))];
    for (const id of ids) {
      const data = await as(restricted, 'query ($id: ID!) { node(id: $id) { id } }', { id });
      expect(data.node, id).toBeNull();
    }
    // The same ids are there for the unrestricted key.
    const visible = await as(unrestricted, 'query ($id: ID!) { node(id: $id) { id } }', { id: guessed[0] });
    expect(visible.node).not.toBeNull();
  });

  it("sees no other team's records through relations or filters naming other teams", async () => {
    const otherAgent = await api.db.sql.query<{ id: number }>(
      'SELECT id FROM agent WHERE team_id = $1 AND id NOT IN (SELECT assignee_id FROM ticket WHERE team_id = $2 AND assignee_id IS NOT NULL) LIMIT 1',
      [otherTeam, ownTeam],
    );
    const data = await as(
      restricted,
      `query ($team: ID!, $agent: ID!) {
      team: node(id: $team) { ... on Team { tickets(first: 5) { totalCount } agents(first: 1) { totalCount } } }
      agent: node(id: $agent) { ... on Agent { tickets(first: 5) { totalCount } } }
      filtered: tickets(first: 5, filter: { teamIds: [$team] }) { totalCount }
      byAssignee: tickets(first: 5, filter: { assigneeIds: [$agent] }) { totalCount }
      kpis(period: { from: "2026-03-01T00:00:00Z", to: "2026-06-01T00:00:00Z" }, filter: { teamIds: [$team] }) {
        ticketCount resolvedCount backlog averageHandleTime { count } nps { responses } csat { responses } } }`,
      { team: globalId('Team', otherTeam), agent: globalId('Agent', otherAgent[0]!.id) },
    );
    expect(data.team.tickets.totalCount).toBe(0);
    expect(data.agent.tickets.totalCount).toBe(0);
    expect(data.filtered.totalCount).toBe(0);
    expect(data.byAssignee.totalCount).toBe(0);
    expect(data.kpis).toEqual({
      ticketCount: 0,
      resolvedCount: 0,
      backlog: 0,
      averageHandleTime: { count: 0 },
      nps: { responses: 0 },
      csat: { responses: 0 },
    });
    // Teams and agents are a directory: their names stay visible, their data does not.
    expect(data.team.agents.totalCount).toBeGreaterThan(0);
  });

  it("computes KPIs over its team's data only", async () => {
    const query = `query ($p: PeriodInput!, $f: KpiFilter) { kpis(period: $p, filter: $f) {
      ticketCount resolvedCount backlog firstResponseTime { count average } resolutionTime { count median }
      firstContactResolution { numerator denominator } selfServiceOpportunity { numerator denominator } } }`;
    // The restricted key reads raw rows under row-level security; the unrestricted one, filtered to
    // the same team, reads the daily rollups (server/kpi/rollups), which hold every team's sums.
    const statementsOf = async <T>(work: () => Promise<T>): Promise<{ result: T; sql: string }> => {
      const before = api.statements.length;
      const result = await work();
      return { result, sql: api.statements.slice(before).join('\n') };
    };
    const mine = await statementsOf(() => as(restricted, query, { p: period }));
    const asFiltered = await statementsOf(() => as(unrestricted, query, { p: period, f: { teamIds: [globalId('Team', ownTeam)] } }));
    expect(mine.sql).not.toContain('kpi_day_');
    expect(asFiltered.sql).toContain('kpi_day_');
    expect(mine.result.kpis).toEqual(asFiltered.result.kpis);
    expect(mine.result.kpis.ticketCount).toBeGreaterThan(0);

    const families = await as(
      restricted,
      `query ($p: PeriodInput!) { kpis(period: $p) {
      averageHandleTime { count } nps { responses } csat { responses } ces { responses } customersAtEnd newCustomers } }`,
      { p: period },
    );
    const inPeriod = [period.from, period.to];
    expect(families.kpis.averageHandleTime.count).toBe(
      await count(
        `SELECT count(*) AS n FROM interaction i JOIN ticket t ON t.id = i.ticket_id WHERE t.team_id = $1 AND i.started_at >= $2 AND i.started_at < $3`,
        [ownTeam, ...inPeriod],
      ),
    );
    const surveys = (kind: string) =>
      count(
        `SELECT count(*) AS n FROM survey_response s JOIN ticket t ON t.id = s.ticket_id
       WHERE t.team_id = $1 AND s.kind = $2 AND s.responded_at >= $3 AND s.responded_at < $4`,
        [ownTeam, kind, ...inPeriod],
      );
    expect(families.kpis.nps.responses).toBe(await surveys('NPS'));
    expect(families.kpis.csat.responses).toBe(await surveys('CSAT'));
    expect(families.kpis.ces.responses).toBe(await surveys('CES'));
    expect(families.kpis.customersAtEnd).toBe(
      await count(
        `SELECT count(*) AS n FROM customer c WHERE c.created_at < $2 AND (c.churned_at IS NULL OR c.churned_at >= $2)
       AND EXISTS (SELECT FROM ticket t WHERE t.customer_id = c.id AND t.team_id = $1)`,
        [ownTeam, period.to],
      ),
    );
  });

  it("slices and drills down into its team only, and agent KPIs count its team's work only", async () => {
    const data = await as(
      restricted,
      `query ($p: PeriodInput!) {
      kpiSlices(period: $p, granularity: MONTH, groupBy: [TEAM]) {
        group { team { id } } kpis { ticketCount }
        tickets(basis: CREATED, first: 100) { totalCount edges { node { team { id } } } } }
      agents(first: 100) { edges { node { id kpis(period: $p) { ticketCount } } } } }`,
      { p: period },
    );
    expect(data.kpiSlices.length).toBeGreaterThan(0);
    for (const slice of data.kpiSlices) {
      expect(slice.group.team.id).toBe(globalId('Team', ownTeam));
      expect(slice.tickets.totalCount).toBe(slice.kpis.ticketCount);
      for (const edge of slice.tickets.edges) expect(edge.node.team.id).toBe(globalId('Team', ownTeam));
    }
    const total = data.agents.edges.reduce((sum: number, e: any) => sum + e.node.kpis.ticketCount, 0);
    expect(total).toBe(
      await count(
        'SELECT count(*) AS n FROM ticket WHERE team_id = $1 AND assignee_id IS NOT NULL AND created_at >= $2 AND created_at < $3',
        [ownTeam, period.from, period.to],
      ),
    );
  });

  it('keeps restricted and unrestricted requests apart when they run at the same time', async () => {
    const query = '{ tickets(first: 3) { totalCount edges { node { customer { name } assignee { name } } } } }';
    const expected = {
      own: await count('SELECT count(*) AS n FROM ticket WHERE team_id = $1', [ownTeam]),
      all: await count('SELECT count(*) AS n FROM ticket'),
    };
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        i % 2 ? as(restricted, query).then((d) => ['own', d]) : as(unrestricted, query).then((d) => ['all', d]),
      ),
    );
    for (const [who, data] of answers as Array<['own' | 'all', any]>) expect(data.tickets.totalCount).toBe(expected[who]);
  });

  it('cannot be created with write or administration scopes', async () => {
    await expect(createApiKey(api.db.sql, { name: 'x', scopes: ['records:read', 'records:write'], teamIds: [ownTeam] })).rejects.toThrow(
      /team-restricted key cannot hold records:write/,
    );
    await expect(createApiKey(api.db.sql, { name: 'x', scopes: ['kpis:read'], teamIds: [999_999] })).rejects.toThrow(
      /no team has the id 999999/,
    );
  });
});
