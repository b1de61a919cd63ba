// The SDK against the in-process server (yoga.fetch as its fetch): typed results, every
// method, pagination with async iterators, and the error class.
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createClient, DeskqlError, KpiDefinitionsDocument, KpisDocument, type DeskqlClient, type KpisQuery } from '../sdk/src/index.js';
import { loadKpiFixture, MARCH } from './support/kpi-fixture.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
let client: DeskqlClient;

beforeAll(async () => {
  api = await startTestApi();
  await loadKpiFixture(api.db.prisma);
  client = createClient({ url: 'http://deskql.test/graphql', fetch: async (input, init) => api.yoga.fetch(String(input), init as never) });
});
afterAll(() => api.close());

describe('SDK methods', () => {
  it('kpis returns typed KPIs with the comparison', async () => {
    const kpis = await client.kpis({ period: MARCH });
    expectTypeOf(kpis).toEqualTypeOf<KpisQuery['kpis']>();
    expectTypeOf(kpis.ticketCount).toEqualTypeOf<number>();
    expectTypeOf(kpis.csat.rate.value).toEqualTypeOf<number | null>();
    expectTypeOf(kpis.comparison.from).toEqualTypeOf<string>();
    expect(kpis.ticketCount).toBe(7);
    expect(kpis.csat.rate).toMatchObject({ value: 0.5, numerator: 2, denominator: 4, lowSample: true });
    expect(kpis.comparison.from).toBe('2026-01-29T00:00:00.000Z');
    expect(kpis.comparison.change.ticketCount.current).toBe(7);
    expect(kpis.customersAtStart).toBeTypeOf('number');
  });

  it('kpis with a filter customer KPIs cannot take leaves them out instead of failing', async () => {
    const chat = await client.kpis({ period: MARCH, filter: { channels: ['CHAT'] } });
    expect(chat.ticketCount).toBe(3);
    expect(chat.customersAtStart).toBeUndefined();
    const enterprise = await client.kpis({ period: MARCH, filter: { customerSegments: ['enterprise'] } });
    expect(enterprise.customersAtStart).toBe(1);
  });

  it('kpiSlices and customerKpiSlices return slices with their groups', async () => {
    const slices = await client.kpiSlices({ period: MARCH, groupBy: ['CHANNEL'] });
    expectTypeOf(slices[0]!.group.channel).toEqualTypeOf<'CHAT' | 'EMAIL' | 'PHONE' | 'SOCIAL' | 'WEB' | null>();
    // The null channel: survey responses not linked to a ticket (the SDK's slices select every KPI).
    expect(slices.map((s) => [s.group.channel, s.kpis.ticketCount, s.kpis.nps.responses])).toEqual([
      ['CHAT', 3, 0],
      ['EMAIL', 2, 0],
      ['PHONE', 1, 0],
      ['WEB', 1, 0],
      [null, 0, 4],
    ]);
    const customers = await client.customerKpiSlices({ period: MARCH, groupBy: ['CUSTOMER_SEGMENT'] });
    expect(customers.map((s) => [s.group.customerSegment, s.kpis.customersAtStart])).toEqual([
      ['enterprise', 1],
      ['smb', 1],
      [null, 0],
    ]);
  });

  it('kpiSlices ranks the top N, compares with last year, and kpiTable flattens the same slices', async () => {
    const top = await client.kpiSlices({
      period: MARCH,
      groupBy: ['AGENT'],
      orderBy: { kpi: 'TICKET_COUNT', direction: 'DESC' },
      first: 2,
      against: 'PREVIOUS_YEAR',
    });
    expectTypeOf(top[0]!.kpis.firstContactResolution.confidence95).toEqualTypeOf<{ low: number; high: number } | null>();
    expect(top.map((s) => [s.group.agent?.name, s.kpis.ticketCount, s.kpis.comparison.against, s.kpis.comparison.from])).toEqual([
      ['Ana', 3, 'PREVIOUS_YEAR', '2025-03-01T00:00:00.000Z'],
      ['Bruno', 2, 'PREVIOUS_YEAR', '2025-03-01T00:00:00.000Z'],
    ]);
    const table = await client.kpiTable({
      period: MARCH,
      groupBy: ['AGENT'],
      orderBy: { kpi: 'TICKET_COUNT', direction: 'DESC' },
      first: 2,
      kpis: ['TICKET_COUNT'],
    });
    expectTypeOf(table.rows[0]![0]!).toEqualTypeOf<string | number | boolean>();
    expect(table.columns.map((c) => c.name)).toEqual(['agent_id', 'agent_name', 'ticket_count']);
    expect(table.rows.map((row) => row.slice(1))).toEqual([
      ['Ana', 3],
      ['Bruno', 2],
    ]);
  });

  it('drillDownSurveyResponses lists the responses of one outcome', async () => {
    const detractors = await client.drillDownSurveyResponses({ period: MARCH, basis: 'NPS_DETRACTORS', first: 10 });
    expect([detractors.totalCount, detractors.edges.map((e) => e.node.score)]).toEqual([1, [3]]);
  });

  it('kpiDefinitions and execute with a generated document', async () => {
    const definitions = await client.kpiDefinitions();
    expect(definitions.map((d) => d.name)).toContain('firstContactResolution');
    const same = await client.execute(KpiDefinitionsDocument);
    expect(same.kpiDefinitions).toEqual(definitions);
  });

  it("executeWithExtensions returns the data with the answer's extensions", async () => {
    const { data, extensions } = await client.executeWithExtensions(KpisDocument, { period: MARCH });
    expectTypeOf(data).toEqualTypeOf<KpisQuery>();
    expect(data.kpis.ticketCount).toBe(7);
    expect(extensions.cost?.requested).toBeGreaterThan(0);
    const reported = createClient({
      url: 'http://deskql.test/graphql',
      fetch: async () =>
        Response.json({
          data: { __typename: 'Query' },
          extensions: { freshness: { dataVersion: 42, dataAsOf: '2026-03-02T10:00:00Z', cached: true } },
        }),
    });
    const answer = await reported.executeWithExtensions<{ __typename: string }>('{ __typename }');
    expect(answer).toEqual({
      data: { __typename: 'Query' },
      extensions: { freshness: { dataVersion: 42, dataAsOf: '2026-03-02T10:00:00Z', cached: true } },
    });
  });

  it('drillDownTickets lists the tickets behind a number', async () => {
    const page = await client.drillDownTickets({ period: MARCH, basis: 'BACKLOG', first: 10 });
    expect(page.totalCount).toBe(4);
    expect(page.edges.map((e) => e.node.status).sort()).toEqual(['NEW', 'OPEN', 'SOLVED', 'SOLVED']);
  });

  it('drill-down into survey responses, interactions and customers: totals equal the KPIs', async () => {
    const kpis = await client.kpis({ period: MARCH });
    const csat = await client.drillDownSurveyResponses({ period: MARCH, kinds: ['CSAT'], first: 10 });
    expect(csat.totalCount).toBe(kpis.csat.responses);
    expect(csat.edges.every((e) => e.node.kind === 'CSAT')).toBe(true);
    const interactions = await client.drillDownInteractions({ period: MARCH, first: 100 });
    expect(interactions.totalCount).toBe(kpis.averageHandleTime.count);
    expectTypeOf(interactions.edges[0]!.node.handleSeconds).toEqualTypeOf<number>();
    const handle = interactions.edges.reduce((sum, e) => sum + e.node.handleSeconds, 0) / interactions.totalCount;
    expect(handle).toBeCloseTo(kpis.averageHandleTime.average!, 6);
    const newCustomers = await client.drillDownCustomers({ period: MARCH, basis: 'NEW' });
    expect(newCustomers.totalCount).toBe(kpis.newCustomers);
    expect(newCustomers.edges.map((e) => e.node.name)).toEqual(['Cato']);
    const churned = await client.drillDownCustomers({ period: MARCH, basis: 'CHURNED' });
    // CHURNED counts customers of the start who left (churnRate's numerator): Cato joined in March.
    expect(churned.edges.map((e) => e.node.name)).toEqual(['Bolt']);
  });

  it('agentKpis and teamKpis give each entity the numbers a filtered kpis call gives', async () => {
    const agents = [];
    for await (const agent of client.agentKpis.all({ period: MARCH })) agents.push(agent);
    expect(agents.map((a) => a.name)).toEqual(['Ana', 'Bruno', 'Carla']);
    for (const agent of agents) {
      const alone = await client.kpis({ period: MARCH, filter: { agentIds: [agent.id] } });
      expect([agent.name, agent.kpis.ticketCount, agent.kpis.averageHandleTime.average]).toEqual([
        agent.name,
        alone.ticketCount,
        alone.averageHandleTime.average,
      ]);
    }
    const page = await client.teamKpis.page({ period: MARCH, first: 1 });
    expect(page.totalCount).toBe(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const team = page.edges[0]!.node;
    expectTypeOf(team.kpis.csat.rate.value).toEqualTypeOf<number | null>();
    expect(team.kpis.ticketCount).toBe((await client.kpis({ period: MARCH, filter: { teamIds: [team.id] } })).ticketCount);
  });

  it('iterates every record across pages', async () => {
    const subjects: string[] = [];
    for await (const ticket of client.tickets.all({ orderBy: { field: 'CREATED_AT', direction: 'ASC' } })) {
      expectTypeOf(ticket.subject).toEqualTypeOf<string>();
      subjects.push(ticket.subject);
    }
    expect(subjects).toHaveLength(9);
    const firstPage = await client.tickets.page({ first: 2 });
    expect(firstPage.totalCount).toBe(9);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const names = [];
    for await (const agent of client.agents.all()) names.push(agent.name);
    expect(names).toEqual(['Ana', 'Bruno', 'Carla']);
    let surveys = 0;
    for await (const _ of client.surveyResponses.all({ filter: { kinds: ['NPS'] } })) surveys++;
    expect(surveys).toBe(5);
    expect((await client.teams.page({})).totalCount).toBe(2);
    expect((await client.customers.page({ filter: { churned: true } })).totalCount).toBe(3);
  });
});

describe('SDK writes', () => {
  it('importRecords imports NDJSON and returns user errors for bad lines', async () => {
    const good = await client.importRecords({
      ndjson: JSON.stringify({ type: 'team', externalId: 'sdk-t', name: 'SDK team' }),
      idempotencyKey: 'sdk-1',
    });
    expectTypeOf(good.userErrors).toEqualTypeOf<Array<{ line: number; field: string; message: string }>>();
    expect(good).toMatchObject({ ok: true, records: 1, userErrors: [] });
    const bad = await client.importRecords({ ndjson: JSON.stringify({ type: 'team', externalId: 'sdk-u' }) });
    expect(bad).toMatchObject({ ok: false, userErrors: [{ line: 1, field: 'name', message: 'is required' }] });
  });
});

describe('SDK errors', () => {
  it('turns a bad argument into a DeskqlError with code, message and path', async () => {
    const error = await client.kpis({ period: { from: MARCH.to, to: MARCH.from } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskqlError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', path: ['kpis'], status: 200 });
    expect((error as DeskqlError).message).toContain('must be before period.to');
  });

  it('retries queries on network failures and 503s, with backoff, then gives up', async () => {
    let calls = 0;
    const flaky = createClient({
      url: 'http://deskql.test/graphql',
      retry: { retries: 3, baseDelayMs: 1 },
      fetch: async (input, init) => {
        calls++;
        if (calls === 1) throw new TypeError('fetch failed');
        if (calls === 2) return new Response('busy', { status: 503 });
        return api.yoga.fetch(String(input), init as never);
      },
    });
    expect((await flaky.kpiDefinitions()).length).toBe(20);
    expect(calls).toBe(3);

    let attempts = 0;
    const down = createClient({
      url: 'http://deskql.test/graphql',
      retry: { retries: 2, baseDelayMs: 1 },
      fetch: async () => {
        attempts++;
        throw new TypeError('connect ECONNREFUSED');
      },
    });
    await expect(down.kpiDefinitions()).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(attempts).toBe(3);
  });

  it('does not retry a mutation without an idempotency key', async () => {
    let attempts = 0;
    const down = createClient({
      url: 'http://deskql.test/graphql',
      retry: { retries: 3, baseDelayMs: 1 },
      fetch: async () => {
        attempts++;
        throw new TypeError('socket hang up');
      },
    });
    const mutation = 'mutation Touch { __typename }';
    await expect(down.execute(mutation, {})).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(attempts).toBe(1);
    attempts = 0;
    await expect(down.execute(mutation, {}, { idempotencyKey: 'k-1' })).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(attempts).toBe(4);
  });

  it('reports an HTTP error without a GraphQL body by its status', async () => {
    const broken = createClient({
      url: 'http://x/graphql',
      retry: { retries: 0 },
      fetch: async () => new Response('nope', { status: 502 }),
    });
    await expect(broken.kpiDefinitions()).rejects.toMatchObject({ code: 'HTTP_502', status: 502 });
  });
});
