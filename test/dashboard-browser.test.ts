// The dashboard in a real browser (Debian's Chromium through playwright-core) against a real
// HTTP server on demo data: the numbers on the page are the API's for the same period, period
// and time zone changes update them, a click drills down to the records behind a number, a
// team-restricted key sees only its teams, the page is usable by keyboard and on a phone, and
// no request leaves the machine (GraphiQL included).
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createApiKey } from '../server/auth/api-keys.js';
import { READ_SCOPES } from '../server/auth/scopes.js';
import { startServer, type RunningServer } from '../server/http/server.js';
import { silentLogger } from '../server/logger.js';
import { seedDatabase } from '../server/seed/seed.js';
import { CHROMIUM_PATH, launchChromium } from './support/browser.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

// A developer machine without Chromium skips this file (with a note); CI installs Chromium and
// sets DESKQL_REQUIRE_BROWSER=1, so there a missing browser fails instead of hiding the tests.
const browserMissing = !existsSync(CHROMIUM_PATH);
if (browserMissing && process.env.DESKQL_REQUIRE_BROWSER)
  throw new Error(`DESKQL_REQUIRE_BROWSER is set but ${CHROMIUM_PATH} does not exist`);
if (browserMissing) console.warn(`Skipping the browser tests: no ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`);

const DAY = 86_400_000;
const todayUtc = new Date(Math.floor(Date.now() / DAY) * DAY);
/** A calendar day `days` before today (UTC), "YYYY-MM-DD". */
const daysAgo = (days: number) => new Date(todayUtc.getTime() - days * DAY).toISOString().slice(0, 10);
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

let database: TestDatabase;
let server: RunningServer;
let origin: string;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let restrictedKey: string;
let restrictedTeam: { id: string; name: string };
const requested: string[] = [];
/** DESKQL_SCREENSHOT_DIR=docs refreshes the README's screenshots. */
const screenshots = process.env.DESKQL_SCREENSHOT_DIR;
const pageErrors: string[] = [];

async function api<T = any>(query: string, variables: Record<string, unknown>, key?: string): Promise<T> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const HEADLINE = `query($period: PeriodInput!, $filter: KpiFilter) { kpis(period: $period, filter: $filter) {
  ticketCount resolvedCount backlog firstContactResolution { value } firstResponseTime { average }
  averageHandleTime { average } csat { rate { value } } nps { score } ces { average } selfServiceOpportunity { value } } }`;

async function apiHeadline(period: { from: string; to: string; timeZone: string }, key?: string) {
  return (await api(HEADLINE, { period }, key)).kpis;
}

async function openPage(path: string): Promise<Page> {
  const page = await chromium.browser.newPage();
  page.on('request', (request) => requested.push(request.url()));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon/.test(message.text())) pageErrors.push(message.text());
  });
  await page.goto(`${origin}${path}`);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 60_000 });
  return page;
}

async function cardValues(page: Page): Promise<Record<string, number | null>> {
  return page.$$eval('[data-kpi]', (buttons) =>
    Object.fromEntries(
      buttons.map((b) => [b.getAttribute('data-kpi')!, b.getAttribute('data-value') === '' ? null : Number(b.getAttribute('data-value'))]),
    ),
  );
}

function expectCardsToEqual(cards: Record<string, number | null>, kpis: any): void {
  expect(cards).toEqual({
    ticketCount: kpis.ticketCount,
    resolvedCount: kpis.resolvedCount,
    backlog: kpis.backlog,
    firstContactResolution: kpis.firstContactResolution.value,
    firstResponseTime: kpis.firstResponseTime.average,
    averageHandleTime: kpis.averageHandleTime.average,
    csat: kpis.csat.rate.value,
    nps: kpis.nps.score,
    ces: kpis.ces.average,
    selfServiceOpportunity: kpis.selfServiceOpportunity.value,
  });
}

beforeAll(async () => {
  if (browserMissing) return;
  database = await createTestDatabase();
  await seedDatabase(database.db, {
    tickets: 3000,
    seed: 13,
    until: new Date(todayUtc.getTime() + DAY),
    days: 90,
    agents: 12,
    customers: 300,
  });
  server = await startServer({
    db: database.db,
    logger: silentLogger,
    host: '127.0.0.1',
    port: 0,
    graphiql: true,
    shutdownTimeoutMs: 1000,
    anonymousScopes: READ_SCOPES,
    rateLimit: { burst: 1, refillPerSecond: 0 },
  });
  origin = new URL(server.url).origin;
  const teams = await api<{ teams: { edges: Array<{ node: { id: string; name: string } }> } }>(
    '{ teams(first: 10) { edges { node { id name } } } }',
    {},
  );
  restrictedTeam = teams.teams.edges[1]!.node;
  const [row] = await database.db.sql.query<{ id: number }>('SELECT id FROM team WHERE name = $1', [restrictedTeam.name]);
  const rowId = Number(row!.id);
  restrictedKey = (await createApiKey(database.db.sql, { name: 'one-team', scopes: ['kpis:read', 'records:read'], teamIds: [rowId] })).key;
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.close();
  await server?.shutdown();
  await database?.drop();
});

describe.skipIf(browserMissing)('the dashboard in Chromium', () => {
  it('shows the API numbers for the period in the URL: cards, teams and channels', async () => {
    const from = daysAgo(20);
    const to = daysAgo(6);
    const page = await openPage(`/?preset=custom&from=${from}&to=${to}&tz=UTC&granularity=DAY`);
    const period = { from: `${from}T00:00:00.000Z`, to: `${nextDay(to)}T00:00:00.000Z`, timeZone: 'UTC' };
    const kpis = await apiHeadline(period);
    expect(kpis.ticketCount).toBeGreaterThan(100);
    expectCardsToEqual(await cardValues(page), kpis);
    // What the card shows in words is the same number.
    expect((await page.textContent('[data-kpi="ticketCount"]'))!.replace(/,/g, '')).toBe(String(kpis.ticketCount));

    const byTeam = await api(
      `query($period: PeriodInput!) { kpiSlices(period: $period, groupBy: [TEAM]) { group { team { id } } kpis { ticketCount } } }`,
      { period },
    );
    const pageTeams = await page.$$eval('#teams [data-volume]', (cells) =>
      Object.fromEntries(cells.map((c) => [c.getAttribute('data-volume'), Number(c.getAttribute('data-value'))])),
    );
    expect(pageTeams).toEqual(
      Object.fromEntries(byTeam.kpiSlices.filter((s: any) => s.group.team).map((s: any) => [s.group.team.id, s.kpis.ticketCount])),
    );

    const byChannel = await api(
      `query($period: PeriodInput!) { kpiSlices(period: $period, groupBy: [CHANNEL]) { group { channel } kpis { ticketCount } } }`,
      { period },
    );
    const pageChannels = await page.$$eval('#channels [data-volume]', (cells) =>
      Object.fromEntries(cells.map((c) => [c.getAttribute('data-volume'), Number(c.getAttribute('data-value'))])),
    );
    expect(pageChannels).toEqual(
      Object.fromEntries(
        byChannel.kpiSlices.filter((s: any) => s.kpis.ticketCount > 0).map((s: any) => [s.group.channel ?? 'none', s.kpis.ticketCount]),
      ),
    );

    // The chart's table: one row per day, created per day adding up to the volume.
    const created = await page.$$eval('#series-table tbody tr td:nth-child(2)', (cells) =>
      cells.map((c) => Number(c.textContent!.replace(/,/g, ''))),
    );
    expect(created).toHaveLength(15);
    expect(created.reduce((a, b) => a + b, 0)).toBe(kpis.ticketCount);
    await page.close();
  });

  it('follows a change of period and of time zone, and keeps them in the URL', async () => {
    const page = await openPage(`/?preset=30d&tz=UTC`);
    await page.selectOption('#preset', '7d');
    await page.waitForURL(/preset=7d/);
    await page.waitForSelector('body[data-state="ready"]');
    const weekUtc = { from: `${daysAgo(6)}T00:00:00.000Z`, to: `${nextDay(daysAgo(0))}T00:00:00.000Z`, timeZone: 'UTC' };
    expectCardsToEqual(await cardValues(page), await apiHeadline(weekUtc));

    // Custom dates, then São Paulo (UTC−3 all year): the same days start three hours later.
    const from = daysAgo(40);
    const to = daysAgo(10);
    await page.fill('#from', from);
    await page.fill('#to', to);
    await page.dispatchEvent('#to', 'change');
    await page.waitForURL(new RegExp(`from=${from}&to=${to}`));
    await page.waitForSelector('body[data-state="ready"]');
    const utc = await apiHeadline({ from: `${from}T00:00:00.000Z`, to: `${nextDay(to)}T00:00:00.000Z`, timeZone: 'UTC' });
    expectCardsToEqual(await cardValues(page), utc);

    await page.fill('#tz', 'America/Sao_Paulo');
    await page.dispatchEvent('#tz', 'change');
    await page.waitForURL(/tz=America%2FSao_Paulo/);
    await page.waitForSelector('body[data-state="ready"]');
    const saoPaulo = await apiHeadline({
      from: `${from}T03:00:00.000Z`,
      to: `${nextDay(to)}T03:00:00.000Z`,
      timeZone: 'America/Sao_Paulo',
    });
    expectCardsToEqual(await cardValues(page), saoPaulo);
    // Three hours' shift at both ends changes some number (volume, backlog or a rate).
    expect(saoPaulo).not.toEqual(utc);

    // Back returns to the UTC view, from the URL alone.
    await page.goBack();
    await page.waitForURL(/tz=UTC/);
    await page.waitForSelector('body[data-state="ready"]');
    expectCardsToEqual(await cardValues(page), utc);
    await page.close();
  });

  it('drills down from a number to the records behind it, by mouse and by keyboard', async () => {
    const page = await openPage(`/?preset=custom&from=${daysAgo(14)}&to=${daysAgo(1)}&tz=UTC`);
    const volume = Number(await page.getAttribute('[data-kpi="ticketCount"]', 'data-value'));
    await page.click('[data-kpi="ticketCount"]');
    await page.waitForSelector('#drill [data-total]');
    expect(Number(await page.getAttribute('#drill [data-total]', 'data-total'))).toBe(volume);
    expect(await page.$$eval('#drill tbody tr', (rows) => rows.length)).toBe(Math.min(50, volume));
    if (screenshots) await page.screenshot({ path: `${screenshots}/dashboard-drill-down.png` });
    await page.click('#drill-more');
    await page.waitForFunction((n) => document.querySelectorAll('#drill tbody tr').length === n, Math.min(100, volume));
    await page.keyboard.press('Escape');
    expect(await page.$eval('#drill', (d) => (d as HTMLDialogElement).open)).toBe(false);

    // A team's volume opens that team's tickets; CSAT opens the CSAT answers it counts.
    const teamCell = page.locator('#teams [data-volume]').first();
    const teamVolume = Number(await teamCell.getAttribute('data-value'));
    await teamCell.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#drill [data-total]');
    expect(Number(await page.getAttribute('#drill [data-total]', 'data-total'))).toBe(teamVolume);
    await page.click('#drill-close');

    const responses = await page.$eval('[data-card="csat"] .detail', (p) => Number(p.textContent!.replace(/[^0-9]/g, '')));
    await page.click('[data-kpi="csat"]');
    await page.waitForSelector('#drill [data-total]');
    expect(Number(await page.getAttribute('#drill [data-total]', 'data-total'))).toBe(responses);
    await page.close();
  });

  it('shows a team-restricted key only its teams, keeps the key out of the URL, and forgets it', async () => {
    const page = await openPage(`/?preset=custom&from=${daysAgo(30)}&to=${daysAgo(1)}&tz=UTC`);
    const everyone = Number(await page.getAttribute('[data-kpi="ticketCount"]', 'data-value'));
    await page.fill('#api-key', restrictedKey);
    await page.click('#key-form button[type="submit"]');
    await page.waitForFunction(() => document.getElementById('viewer')!.textContent!.includes('one-team'));
    await page.waitForSelector('body[data-state="ready"]');
    const period = { from: `${daysAgo(30)}T00:00:00.000Z`, to: `${daysAgo(0)}T00:00:00.000Z`, timeZone: 'UTC' };
    const mine = await apiHeadline(period, restrictedKey);
    expectCardsToEqual(await cardValues(page), mine);
    expect(mine.ticketCount).toBeLessThan(everyone);
    const teamNames = await page.$$eval('#teams tbody th', (cells) => cells.map((c) => c.textContent));
    expect(teamNames).toEqual([restrictedTeam.name]);
    const options = await page.$$eval('#team option', (list) => list.map((o) => o.textContent));
    expect(options).toEqual(['All my teams', restrictedTeam.name]);
    // The key has no kpis:agents: no agent table.
    expect(await page.isHidden('#agents-panel')).toBe(true);
    expect(page.url()).not.toContain(restrictedKey);
    expect(await page.evaluate(() => sessionStorage.getItem('deskql.apiKey'))).toBe(restrictedKey);

    await page.click('#forget-key');
    await page.waitForFunction(() => document.getElementById('viewer')!.textContent!.includes('without a key'));
    await page.waitForSelector('body[data-state="ready"]');
    expect(await page.evaluate(() => sessionStorage.getItem('deskql.apiKey'))).toBeNull();
    expect(Number(await page.getAttribute('[data-kpi="ticketCount"]', 'data-value'))).toBe(everyone);
    await page.close();
  });

  it('on a server that needs a key, asks for one and works once it is given', async () => {
    const keyed = await startServer({
      db: database.db,
      logger: silentLogger,
      host: '127.0.0.1',
      port: 0,
      graphiql: false,
      shutdownTimeoutMs: 1000,
      anonymousScopes: null,
      rateLimit: { burst: 1, refillPerSecond: 0 },
    });
    // Not keyed.shutdown(): it would close the database the other server still uses.
    try {
      const keyedOrigin = new URL(keyed.url).origin;
      const page = await chromium.browser.newPage();
      page.on('request', (request) => {
        if (!request.url().startsWith(`${keyedOrigin}/`)) requested.push(request.url());
      });
      await page.goto(`${keyedOrigin}/?preset=30d&tz=UTC`);
      await page.waitForSelector('body[data-state="error"]');
      expect(await page.textContent('#error')).toContain('needs an API key');
      await page.fill('#api-key', restrictedKey);
      await page.keyboard.press('Enter');
      await page.waitForSelector('body[data-state="ready"]');
      expect(await page.isHidden('#error')).toBe(true);
      expect(Number(await page.getAttribute('[data-kpi="ticketCount"]', 'data-value'))).toBeGreaterThan(0);
      await page.close();
    } finally {
      const closed = new Promise<void>((resolve) => keyed.server.close(() => resolve()));
      keyed.server.closeAllConnections();
      await closed;
    }
  });

  it('labels every control, and fits a phone screen without sideways scrolling', async () => {
    const page = await openPage('/?preset=30d&tz=UTC');
    const unlabelled = await page.$$eval('input, select', (controls) =>
      controls.filter((c) => (c as HTMLInputElement).labels?.length === 0).map((c) => c.id),
    );
    expect(unlabelled).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    if (screenshots) await page.screenshot({ path: `${screenshots}/dashboard-phone.png`, fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForTimeout(300);
    if (screenshots) await page.screenshot({ path: `${screenshots}/dashboard.png`, fullPage: true });
    await page.close();
  });

  it('serves GraphiQL from its own files, titled DeskQL, with the example query', async () => {
    const page = await chromium.browser.newPage();
    page.on('request', (request) => requested.push(request.url()));
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.goto(`${origin}/graphql`);
    await page.waitForSelector('.graphiql-container', { timeout: 60_000 });
    expect(await page.title()).toContain('DeskQL');
    // biome-ignore lint/performance/useDomNodeTextContent: what the editor shows, not its hidden text
    await page.waitForFunction(() => document.body.innerText.includes('MonthAtAGlance'), undefined, { timeout: 30_000 });
    expect(cspViolations).toEqual([]);
    if (screenshots) await page.screenshot({ path: `${screenshots}/graphiql.png` });
    await page.close();
  });

  it('sent no request off this machine and logged no error in the page', () => {
    expect(requested.length).toBeGreaterThan(20);
    expect(requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
