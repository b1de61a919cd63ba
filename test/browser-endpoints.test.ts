// The HTTP side of what browsers and scrapers get, through yoga.fetch: the dashboard page and
// its bundle (strict CSP, no inline script, cache headers), GraphiQL from bundled files (on
// only when enabled), and /metrics (who may scrape it, and that it counts what happened).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/config.js';
import { ALL_SCOPES, READ_SCOPES } from '../server/auth/scopes.js';
import { createDeskqlYoga, type DeskqlYoga } from '../server/yoga.js';
import { GRAPHIQL_EXAMPLE_QUERY } from '../server/http/graphiql.js';
import { seedDatabase } from '../server/seed/seed.js';
import { postGraphQL, startTestApi, type TestApi } from './support/test-api.js';
import { createTestDatabase } from './support/test-database.js';
import { createDeskqlMetrics } from '../server/metrics/deskql-metrics.js';

let api: TestApi;
const loopback = { req: { socket: { remoteAddress: '127.0.0.1' } } };
const remote = { req: { socket: { remoteAddress: '10.20.30.40' } } };

beforeAll(async () => {
  api = await startTestApi();
  await seedDatabase(api.db, { tickets: 300, seed: 5, until: new Date('2026-03-01T00:00:00Z'), days: 30, agents: 6, customers: 50 });
});
afterAll(() => api.close());

function yogaWith(options: Partial<Parameters<typeof createDeskqlYoga>[0]> = {}): DeskqlYoga {
  return createDeskqlYoga({ db: api.db, anonymousScopes: READ_SCOPES, rateLimit: { burst: 1, refillPerSecond: 0 }, ...options });
}

describe('the dashboard page', () => {
  it('serves / with a strict CSP and only same-origin module scripts, and its hashed bundle for a year', async () => {
    const yoga = yogaWith();
    const page = await yoga.fetch('http://deskql.test/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe');
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/ src="\/assets\/[^"]+\.js"/);
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    for (const asset of assets) {
      const answer = await yoga.fetch(`http://deskql.test${asset}`);
      expect(answer.status, asset).toBe(200);
      expect(answer.headers.get('cache-control')).toContain('immutable');
      // The bundle itself reaches nothing outside the origin it came from.
      if (asset.endsWith('.js')) expect(await answer.text()).not.toMatch(/https?:\/\/(?!www\.w3\.org)[a-z0-9.-]+\.[a-z]{2,}\//i);
    }
    expect((await yoga.fetch('http://deskql.test/assets/nothing.js')).status).toBe(404);
    expect((await yoga.fetch('http://deskql.test/assets/..%2Fpackage.json')).status).toBe(404);
  });

  it('explains how to build the dashboard when it has not been built', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'deskql-no-dashboard-'));
    try {
      const answer = await yogaWith({ dashboardDir: empty }).fetch('http://deskql.test/');
      expect(answer.status).toBe(503);
      expect(await answer.text()).toContain('npm run build:web');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('GraphiQL', () => {
  it('is served from bundled files, titled DeskQL, with the example query and the Authorization note', async () => {
    const yoga = yogaWith({ graphiql: true });
    const page = await yoga.fetch('http://deskql.test/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<title>DeskQL · GraphiQL</title>');
    expect(html).toContain('MonthAtAGlance');
    expect(html).toContain('Authorization');
    expect(html).not.toMatch(/https?:\/\//);
    const sources = [...html.matchAll(/(?:src|href)="(\/graphiql\/[^"]+)"/g)].map((m) => m[1]!);
    expect(sources).toEqual(expect.arrayContaining(['/graphiql/graphiql.js', '/graphiql/start.js', '/graphiql/graphiql.css']));
    for (const source of [...sources, '/graphiql/editor.worker.js', '/graphiql/json.worker.js', '/graphiql/graphql.worker.js']) {
      expect((await yoga.fetch(`http://deskql.test${source}`)).status, source).toBe(200);
    }
    // Inline scripts would need 'unsafe-inline': the only inline <script> is a JSON data block.
    const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>/g)].map((m) => m[0]);
    expect(inline).toEqual(['<script id="graphiql-options" type="application/json">']);
  });

  it('opens with an example that runs as it is', async () => {
    const answer = await api.graphql(GRAPHIQL_EXAMPLE_QUERY);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.kpis.ticketCount).toEqual(expect.any(Number));
    expect(answer.data.kpiSlices).toEqual(expect.any(Array));
  });

  it('is not served when disabled (production by default)', async () => {
    const yoga = yogaWith({ graphiql: false });
    const page = await yoga.fetch('http://deskql.test/graphql', { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('GraphiQL');
    expect((await yoga.fetch('http://deskql.test/graphiql/graphiql.js')).status).not.toBe(200);
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://h/db' }).graphiql).toBe(false);
  });
});

describe('/metrics', () => {
  it('answers loopback scrapers and refuses others when no METRICS_TOKEN is set', async () => {
    const yoga = yogaWith();
    const ok = await yoga.fetch('http://deskql.test/metrics', {}, loopback);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/plain');
    expect(await ok.text()).toContain('process_cpu_user_seconds_total');
    const refused = await yoga.fetch('http://deskql.test/metrics', {}, remote);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('METRICS_TOKEN');
    // A request that did not come through a socket (no peer address) is not trusted either.
    expect((await yoga.fetch('http://deskql.test/metrics')).status).toBe(403);
    expect((await yoga.fetch('http://deskql.test/metrics', { method: 'POST' }, loopback)).status).toBe(405);
  });

  it('with METRICS_TOKEN, wants that bearer token from everyone', async () => {
    const yoga = yogaWith({ metricsToken: 'a-long-scrape-token-0123' });
    expect((await yoga.fetch('http://deskql.test/metrics', {}, loopback)).status).toBe(401);
    expect(
      (await yoga.fetch('http://deskql.test/metrics', { headers: { authorization: 'Bearer wrong-token-wrong-token' } }, remote)).status,
    ).toBe(401);
    const ok = await yoga.fetch('http://deskql.test/metrics', { headers: { authorization: 'Bearer a-long-scrape-token-0123' } }, remote);
    expect(ok.status).toBe(200);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(ConfigError);
    expect(loadConfig({ METRICS_TOKEN: 'a-long-scrape-token-0123' }).metricsToken).toBe('a-long-scrape-token-0123');
  });

  it('counts requests by operation and outcome, times KPI families, and counts rate-limit refusals', async () => {
    const yoga = yogaWith({ rateLimit: { burst: 12, refillPerSecond: 1 } });
    const post = (query: string, operationName?: string) =>
      yoga.fetch('http://deskql.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, operationName }),
      });
    const kpis = `query MonthKpis { kpis(period: { from: "2026-02-01T00:00:00Z", to: "2026-03-01T00:00:00Z" }) { ticketCount csat { rate { value } } } }`;
    expect((await post(kpis, 'MonthKpis')).status).toBe(200);
    expect((await post('query Broken { nope }', 'Broken')).status).toBe(400);
    // A made-up name cannot become a label of its own.
    await post('query X { viewer { name } }', 'bad name!');
    // Spend the bucket until refused.
    const dear = `query Dear { kpiSlices(period: { from: "2026-02-01T00:00:00Z", to: "2026-03-01T00:00:00Z" }, groupBy: [CHANNEL]) { kpis { ticketCount resolvedCount backlog } } }`;
    let refused = 0;
    for (let i = 0; i < 40 && refused === 0; i++) if ((await post(dear, 'Dear')).status === 429) refused++;
    expect(refused).toBe(1);

    const text = await (await yoga.fetch('http://deskql.test/metrics', {}, loopback)).text();
    expect(text).toMatch(/deskql_requests_total\{operation="MonthKpis",status="200",outcome="ok"\} 1/);
    expect(text).toMatch(/deskql_requests_total\{operation="Broken",status="400",outcome="graphql_error"\} 1/);
    expect(text).toMatch(/deskql_requests_total\{operation="Dear",status="429",outcome="rate_limited"\} 1/);
    expect(text).toMatch(/deskql_requests_total\{operation="other",/);
    expect(text).toMatch(/deskql_request_duration_seconds_count\{operation="MonthKpis",outcome="ok"\} 1/);
    expect(text).toMatch(/deskql_kpi_family_duration_seconds_count\{family="created"\} [1-9]/);
    expect(text).toMatch(/deskql_kpi_family_duration_seconds_count\{family="surveys"\} [1-9]/);
    expect(text).toMatch(/deskql_rate_limited_total 1/);
    expect(text).toMatch(/deskql_request_clients_max 16\n/);
    expect(text).toMatch(/deskql_request_clients_lends_total [1-9]/);
    expect(text).toMatch(/deskql_request_clients_created_total [1-9]/);
    if (api.db.kind === 'postgres') expect(text).toMatch(/deskql_db_pool_max \d+/);
    else expect(text).not.toMatch(/deskql_db_pool_max \d/);
  });
  it('counts query answers the response cache served and those it computed', async () => {
    const yoga = yogaWith({ anonymousScopes: ALL_SCOPES });
    const ask = async () =>
      (
        await postGraphQL<unknown, { freshness: { cached: boolean } }>(
          yoga,
          'query Cached { kpis(period: { from: "2026-01-05T00:00:00Z", to: "2026-01-12T00:00:00Z" }) { ticketCount } }',
        )
      ).body;
    const first = await ask();
    const second = await ask();
    expect([first.extensions?.freshness.cached, second.extensions?.freshness.cached]).toEqual([false, true]);
    const text = await (await yoga.fetch('http://deskql.test/metrics', {}, loopback)).text();
    expect(text).toMatch(/deskql_response_cache_answers_total\{result="miss"\} 1/);
    expect(text).toMatch(/deskql_response_cache_answers_total\{result="hit"\} 1/);
  });
  it('counts the records imports write, not dry runs', async () => {
    const yoga = yogaWith({ anonymousScopes: ALL_SCOPES });
    const post = (query: string) => postGraphQL(yoga, query);
    const ndjson =
      '{"type":"team","externalId":"metrics-team-1","name":"Metrics One"}\n{"type":"team","externalId":"metrics-team-2","name":"Metrics Two"}\n';
    const dry = await post(`mutation { importRecords(input: { ndjson: ${JSON.stringify(ndjson)}, dryRun: true }) { ok } }`);
    expect(dry.body.data.importRecords.ok).toBe(true);
    expect(await (await yoga.fetch('http://deskql.test/metrics', {}, loopback)).text()).not.toMatch(/deskql_import_records_total\{/);
    const imported = await post(`mutation { importRecords(input: { ndjson: ${JSON.stringify(ndjson)} }) { ok } }`);
    expect(imported.body.data.importRecords.ok).toBe(true);
    const again = await post(`mutation { upsertTeam(input: { externalId: "metrics-team-1", name: "Metrics One" }) { created } }`);
    expect(again.body.data.upsertTeam.created).toBe(false);
    const text = await (await yoga.fetch('http://deskql.test/metrics', {}, loopback)).text();
    expect(text).toMatch(/deskql_import_records_total\{type="team",result="created"\} 2/);
    expect(text).toMatch(/deskql_import_records_total\{type="team",result="unchanged"\} 1/);
  });
  it('counts the SQL statements of each operation', async () => {
    const metrics = createDeskqlMetrics({ processMetrics: false });
    const counted = await createTestDatabase({ onStatement: () => metrics.countStatement() });
    try {
      const yoga = createDeskqlYoga({ db: counted.db, metrics, anonymousScopes: READ_SCOPES, rateLimit: { burst: 1, refillPerSecond: 0 } });
      const answer = await yoga.fetch('http://deskql.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'query TwoLists { teams(first: 5) { totalCount edges { node { name } } } }',
          operationName: 'TwoLists',
        }),
      });
      expect(answer.status).toBe(200);
      const text = await (await yoga.fetch('http://deskql.test/metrics', {}, loopback)).text();
      const perRequest = Number(/deskql_sql_statements_per_request_sum\{operation="TwoLists"\} (\d+)/.exec(text)?.[1]);
      const total = Number(/deskql_sql_statements_total (\d+)/.exec(text)?.[1]);
      // A page of teams and its count: at least two statements, and all of them this request's.
      expect(perRequest).toBeGreaterThanOrEqual(2);
      expect(perRequest).toBe(total);
    } finally {
      await counted.drop();
    }
  });
});
