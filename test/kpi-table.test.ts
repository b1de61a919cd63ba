// The flat table for BI: kpiTable through GraphQL against hand-worked values and against
// kpiSlices with the same arguments, and GET /kpis.csv through HTTP against kpiTable, with keys
// of different scopes, a team-restricted key, the rate limit, bad parameters and RFC 4180 quoting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { createApiKey } from '../server/auth/api-keys.js';
import { createDeskqlYoga } from '../server/yoga.js';
import { loadKpiFixture, MARCH } from './support/kpi-fixture.js';
import { globalId, startTestApi, type TestApi } from './support/test-api.js';

const PRODUCTION = { anonymousScopes: null, rateLimit: { burst: 1, refillPerSecond: 0 } };

let api: TestApi;
let ids: Awaited<ReturnType<typeof loadKpiFixture>>;
const keys: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi({ yoga: PRODUCTION });
  ids = await loadKpiFixture(api.db.prisma);
  // A category that needs CSV quoting, in August 2025 (outside the fixture's March).
  await api.db.prisma.ticket.create({
    data: {
      externalId: 'quoted-1',
      subject: 'Quote me',
      channel: 'WEB',
      priority: 'LOW',
      status: 'NEW',
      category: 'Billing, "VIP"\nline two',
      customerId: ids.customers.acme.id,
      teamId: ids.teams.t1.id,
      createdAt: new Date('2025-08-10T12:00:00Z'),
    },
  });
  const make = async (name: string, scopes: string[], teamIds?: number[]) =>
    (await createApiKey(api.db.sql, { name, scopes: scopes as never, teamIds })).key;
  keys.reader = await make('bi-reader', ['kpis:read']);
  keys.agents = await make('bi-agents', ['kpis:read', 'kpis:agents']);
  keys.records = await make('records-only', ['records:read']);
  keys.tier1 = await make('tier-1-partner', ['kpis:read', 'kpis:agents'], [ids.teams.t1.id]);
});
afterAll(() => api.close());

async function graphql(key: string, query: string, variables: Record<string, unknown>) {
  const result = await api.graphql(query, variables, { authorization: `Bearer ${key}` });
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const TABLE = `query ($p: PeriodInput!, $g: Granularity, $by: [KpiDimension!], $f: KpiFilter, $o: KpiSliceOrder, $n: Int, $k: [KpiOrderKey!]!) {
  kpiTable(period: $p, granularity: $g, groupBy: $by, filter: $f, orderBy: $o, first: $n, kpis: $k) { columns { name type } rows } }`;

async function csv(params: Record<string, string>, key?: string, yoga = api.yoga, headers: Record<string, string> = {}) {
  const response = await yoga.fetch(`http://deskql.test/kpis.csv?${new URLSearchParams(params)}`, {
    headers: key ? { authorization: `Bearer ${key}`, ...headers } : headers,
  });
  return { response, text: await response.text() };
}

/** A kpiTable answer as the CSV it must become: ISO strings as they are, true/false, an empty cell for null. */
const asCsvCells = (table: { columns: Array<{ name: string }>; rows: unknown[][] }) => [
  table.columns.map((c) => c.name),
  ...table.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))),
];

describe('kpiTable', () => {
  it('spreads each KPI into typed snake_case columns, one row per slice', async () => {
    const { kpiTable } = await graphql(keys.agents!, TABLE, { p: MARCH, by: ['AGENT'], k: ['TICKET_COUNT', 'CSAT'] });
    expect(kpiTable.columns).toEqual([
      { name: 'agent_id', type: 'ID' },
      { name: 'agent_name', type: 'STRING' },
      { name: 'ticket_count', type: 'INT' },
      { name: 'csat_rate_value', type: 'FLOAT' },
      { name: 'csat_rate_numerator', type: 'INT' },
      { name: 'csat_rate_denominator', type: 'INT' },
      { name: 'csat_rate_confidence95_low', type: 'FLOAT' },
      { name: 'csat_rate_confidence95_high', type: 'FLOAT' },
      { name: 'csat_rate_low_sample', type: 'BOOLEAN' },
      { name: 'csat_average', type: 'FLOAT' },
      { name: 'csat_responses', type: 'INT' },
      { name: 'csat_low_sample', type: 'BOOLEAN' },
    ]);
    const round = (row: unknown[]) => row.map((cell) => (typeof cell === 'number' ? Math.round(cell * 1e6) / 1e6 : cell));
    // Ana: 3 tickets; CSAT 5 and 3 (1 of 2 satisfied; Wilson for 1/2: centre 0.5, half-width 0.405469). Bruno: 2 tickets, CSAT 4.
    // Carla: 1 ticket, no CSAT (empty rate). No agent: k4, and the CSAT 2 with no ticket.
    expect(kpiTable.rows.map(round)).toEqual([
      [globalId('Agent', ids.agents.a.id), 'Ana', 3, 0.5, 1, 2, 0.094531, 0.905469, true, 4, 2, true],
      [globalId('Agent', ids.agents.b.id), 'Bruno', 2, 1, 1, 1, 0.206549, 1, true, 4, 1, true],
      [globalId('Agent', ids.agents.c.id), 'Carla', 1, null, 0, 0, null, null, true, null, 0, true],
      [null, null, 1, 0, 0, 1, 0, 0.793451, true, 2, 1, true],
    ]);
  });

  it('holds exactly the slices of kpiSlices with the same arguments, bucket columns first', async () => {
    const args = {
      p: { from: '2026-02-01T03:00:00Z', to: '2026-04-01T03:00:00Z', timeZone: 'America/Sao_Paulo' },
      g: 'MONTH',
      by: ['TEAM', 'CHANNEL'],
      o: { kpi: 'TICKET_COUNT', direction: 'DESC' },
      n: 2,
    };
    const { kpiTable } = await graphql(keys.reader!, TABLE, { ...args, k: ['TICKET_COUNT', 'FIRST_RESPONSE_TIME', 'NPS'] });
    const { kpiSlices } = await graphql(
      keys.reader!,
      `query ($p: PeriodInput!, $g: Granularity, $by: [KpiDimension!], $o: KpiSliceOrder, $n: Int) {
      kpiSlices(period: $p, granularity: $g, groupBy: $by, orderBy: $o, first: $n) { bucketStart bucketStartLocal bucketEnd group { team { id name } channel }
        kpis { ticketCount firstResponseTime { count average median p90 lowSample } nps { score promoters passives detractors responses confidence95 { low high } lowSample } } } }`,
      args,
    );
    expect(kpiTable.columns.map((c: any) => c.name)).toEqual([
      'bucket_start',
      'bucket_start_local',
      'bucket_end',
      'team_id',
      'team_name',
      'channel',
      'ticket_count',
      'first_response_time_count',
      'first_response_time_average',
      'first_response_time_median',
      'first_response_time_p90',
      'first_response_time_low_sample',
      'nps_score',
      'nps_promoters',
      'nps_passives',
      'nps_detractors',
      'nps_responses',
      'nps_confidence95_low',
      'nps_confidence95_high',
      'nps_low_sample',
    ]);
    expect(kpiTable.rows).toEqual(
      kpiSlices.map((s: any) => {
        const { firstResponseTime: f, nps } = s.kpis;
        return [
          s.bucketStart,
          s.bucketStartLocal,
          s.bucketEnd,
          s.group.team?.id ?? null,
          s.group.team?.name ?? null,
          s.group.channel,
          s.kpis.ticketCount,
          f.count,
          f.average,
          f.median,
          f.p90,
          f.lowSample,
          nps.score,
          nps.promoters,
          nps.passives,
          nps.detractors,
          nps.responses,
          nps.confidence95?.low ?? null,
          nps.confidence95?.high ?? null,
          nps.lowSample,
        ];
      }),
    );
    expect(kpiTable.rows.length).toBeGreaterThan(2);
    expect(kpiTable.rows[0].slice(0, 3)).toEqual(['2026-02-01T03:00:00.000Z', '2026-02-01T00:00:00-03:00', '2026-03-01T03:00:00.000Z']);
  });

  it('costs the same statements for one row or hundreds: one per family, and one per directory the groups name', async () => {
    const run = (variables: Record<string, unknown>) => api.countStatements(() => graphql(keys.agents!, TABLE, variables));
    const kpis = ['TICKET_COUNT', 'AVERAGE_HANDLE_TIME', 'CSAT'];
    // Three families (created, handle time, surveys), then the agent and team names (the key lookup is not a Prisma statement).
    const many = await run({ p: MARCH, g: 'DAY', by: ['AGENT', 'TEAM', 'CHANNEL'], k: kpis });
    const one = await run({ p: { from: '2026-03-01T00:00:00Z', to: '2026-03-01T06:00:00Z' }, by: ['AGENT', 'TEAM'], k: kpis });
    expect(many).toBe(5);
    expect(one).toBe(many);
  });

  it('refuses an empty list of KPIs', async () => {
    for (const [k, message] of [[[], 'kpis must name at least one KPI, e.g. kpis: [TICKET_COUNT, CSAT]']] as const) {
      const result = await api.graphql(TABLE, { p: MARCH, k }, { authorization: `Bearer ${keys.reader}` });
      expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
    }
  });
});

describe('GET /kpis.csv', () => {
  const params = {
    from: MARCH.from,
    to: MARCH.to,
    granularity: 'WEEK',
    groupBy: 'TEAM,PRIORITY',
    kpis: 'TICKET_COUNT,FIRST_CONTACT_RESOLUTION,AVERAGE_HANDLE_TIME',
    orderBy: 'TICKET_COUNT',
    direction: 'DESC',
    first: '3',
  };
  const sameAsGraphql = {
    p: { from: MARCH.from, to: MARCH.to },
    g: 'WEEK',
    by: ['TEAM', 'PRIORITY'],
    k: ['TICKET_COUNT', 'FIRST_CONTACT_RESOLUTION', 'AVERAGE_HANDLE_TIME'],
    o: { kpi: 'TICKET_COUNT', direction: 'DESC' },
    n: 3,
  };

  it('serves the kpiTable answer as RFC 4180 CSV with a header row', async () => {
    const { response, text } = await csv(params, keys.reader);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe(
      'bucket_start,bucket_start_local,bucket_end,team_id,team_name,priority,ticket_count,first_contact_resolution_value,first_contact_resolution_numerator,' +
        'first_contact_resolution_denominator,first_contact_resolution_confidence95_low,first_contact_resolution_confidence95_high,first_contact_resolution_low_sample,' +
        'average_handle_time_count,average_handle_time_average,average_handle_time_median,average_handle_time_p90,average_handle_time_average_talk,' +
        'average_handle_time_average_hold,average_handle_time_average_wrap_up,average_handle_time_low_sample',
    );
    const { kpiTable } = await graphql(keys.reader!, TABLE, sameAsGraphql);
    expect(parse(text)).toEqual(asCsvCells(kpiTable));
    // The first week starts on Monday 2026-02-23, before from; k1 (Tier 1, HIGH) is its only ticket.
    expect(text.split('\r\n')[1]).toBe(
      `2026-02-23T00:00:00.000Z,2026-02-23T00:00:00+00:00,2026-03-02T00:00:00.000Z,${globalId('Team', ids.teams.t1.id)},Tier 1,HIGH,1,1,2,2,` +
        `${kpiTable.rows[0][10]},1,true,1,360,360,360,300,0,60,true`,
    );
  });

  it('quotes cells as RFC 4180 says and leaves null empty', async () => {
    const { text } = await csv(
      { from: '2025-08-01T00:00:00Z', to: '2025-09-01T00:00:00Z', groupBy: 'CATEGORY', kpis: 'TICKET_COUNT,RESOLUTION_TIME' },
      keys.reader,
    );
    expect(text).toBe(
      'category,ticket_count,resolution_time_count,resolution_time_average,resolution_time_median,resolution_time_p90,resolution_time_low_sample\r\n' +
        '"Billing, ""VIP""\nline two",1,0,,,,true\r\n',
    );
  });

  it('writes a long table in several chunks', async () => {
    const response = await api.yoga.fetch(
      `http://deskql.test/kpis.csv?${new URLSearchParams({ from: MARCH.from, to: MARCH.to, granularity: 'HOUR', kpis: 'TICKET_COUNT' })}`,
      {
        headers: { authorization: `Bearer ${keys.reader}` },
      },
    );
    const reader = response.body!.getReader();
    let chunks = 0;
    let lines = 0;
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      chunks++;
      lines += new TextDecoder().decode(part.value).split('\r\n').length - 1;
    }
    // 744 hours in March (UTC) and the header.
    expect(lines).toBe(745);
    expect(chunks).toBeGreaterThan(3);
  });

  it('needs a key, and the scopes GraphQL needs for the same question', async () => {
    // Without a key, the CSRF header first (a cross-site page could send this GET), then the key.
    const forged = await csv(params);
    expect([forged.response.status, JSON.parse(forged.text).errors[0].extensions.code]).toEqual([403, 'CSRF_HEADER_MISSING']);
    const none = await csv(params, undefined, api.yoga, { 'x-deskql-csrf': '1' });
    expect(none.response.status).toBe(401);
    expect(none.response.headers.get('www-authenticate')).toContain('Bearer');
    expect(JSON.parse(none.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await csv(params, 'dq_not-a-real-key')).response.status).toBe(401);

    const records = await csv(params, keys.records);
    expect(records.response.status).toBe(403);
    expect(JSON.parse(records.text).errors[0]).toMatchObject({
      message: 'Query.kpiTable needs the scope kpis:read; the key "records-only" has records:read',
      extensions: { code: 'FORBIDDEN' },
    });
    const byAgent = await csv({ ...params, groupBy: 'AGENT' }, keys.reader);
    expect(byAgent.response.status).toBe(403);
    expect(JSON.parse(byAgent.text).errors[0].message).toBe(
      'Query.kpiTable(groupBy: AGENT) needs the scope kpis:agents; the key "bi-reader" has kpis:read',
    );
    expect((await csv({ ...params, groupBy: 'AGENT' }, keys.agents)).response.status).toBe(200);
  });

  it("gives a team-restricted key its own teams' numbers only", async () => {
    const own = { from: MARCH.from, to: MARCH.to, groupBy: 'CHANNEL', kpis: 'TICKET_COUNT,CSAT' };
    const restricted = await csv(own, keys.tier1);
    const everyone = await csv(own, keys.agents);
    expect(restricted.response.status).toBe(200);
    const total = (text: string) => parse(text, { columns: true }).reduce((sum: number, row: any) => sum + Number(row.ticket_count), 0);
    // Tier 1's tickets created in March: k1, k2 and k8; everyone's: 7.
    expect(total(restricted.text)).toBe(3);
    expect(total(everyone.text)).toBe(7);
    const { kpiTable } = await graphql(keys.tier1!, TABLE, {
      p: { from: MARCH.from, to: MARCH.to },
      by: ['CHANNEL'],
      k: ['TICKET_COUNT', 'CSAT'],
    });
    expect(parse(restricted.text)).toEqual(asCsvCells(kpiTable));
  });

  it("spends the key's rate limit like the GraphQL request it is", async () => {
    const open = await api.graphql(TABLE, sameAsGraphql, { authorization: `Bearer ${keys.reader}` });
    const cost = (open as any).extensions.cost.requested as number;
    expect(cost).toBeGreaterThan(0);
    // A bucket that holds one such request and regains almost nothing.
    const limited = createDeskqlYoga({
      db: api.db,
      anonymousScopes: null,
      rateLimit: { burst: Math.ceil(cost * 1.5), refillPerSecond: 0.01 },
    });
    const key = (await createApiKey(api.db.sql, { name: 'limited', scopes: ['kpis:read'] })).key;
    expect((await csv(params, key, limited)).response.status).toBe(200);
    const second = await csv(params, key, limited);
    expect(second.response.status).toBe(429);
    expect(Number(second.response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(JSON.parse(second.text).errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('answers bad parameters with 400 and what to change', async () => {
    const bad = async (query: Record<string, string>) => {
      const { response, text } = await csv(query, keys.reader);
      expect(response.status).toBe(400);
      return JSON.parse(text).errors[0].message as string;
    };
    expect(await bad({ ...params, colour: 'red' })).toMatch(/^Unknown parameter "colour"; \/kpis.csv takes from, to, timeZone, /);
    expect(await bad({ from: MARCH.from, to: MARCH.to })).toBe(
      'Parameter "kpis" is required: the KPIs wanted as columns, comma-separated, e.g. kpis=TICKET_COUNT,CSAT',
    );
    expect(await bad({ to: MARCH.to, kpis: 'CSAT' })).toMatch(/^Parameters "from" and "to" are required/);
    expect(await bad({ ...params, direction: '' })).toBe(
      'Parameters "orderBy" and "direction" go together, e.g. orderBy=CSAT&direction=DESC',
    );
    expect(await bad({ ...params, first: 'ten' })).toBe('Parameter "first" must be a whole number; got "ten"');
    expect(await bad({ ...params, granularity: 'FORTNIGHT' })).toContain('Value "FORTNIGHT" does not exist in "Granularity" enum');
    expect(await bad({ from: MARCH.to, to: MARCH.from, kpis: 'CSAT' })).toBe(
      'period.from (2026-04-01T00:00:00.000Z) must be before period.to (2026-03-01T00:00:00.000Z); to is exclusive',
    );
    const post = await api.yoga.fetch('http://deskql.test/kpis.csv', {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.reader}` },
    });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });
});
