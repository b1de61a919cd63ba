// npm run bench:dashboard: how fast the dashboard shows its numbers in a real browser.
// Starts `npm start`'s server as a child process on a fresh embedded database with the demo
// data (20,000 tickets unless --tickets says otherwise), opens http://…/ in Debian's Chromium
// (test/support/browser.ts) and reads two marks the page sets: the headline cards rendered,
// and everything (chart, tables) rendered, in ms from navigation start. The first load comes
// after the server's start (cold caches); then --runs loads, each with the HTTP cache cleared.
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/support/browser.js';
import { freePort } from '../test/support/free-port.js';
import { onLines, spawnServer } from '../test/support/server-process.js';

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '10' },
    preset: { type: 'string', default: '30d' },
  },
});
const runs = Number(values.runs);
const dataDir = mkdtempSync(path.join(tmpdir(), 'deskql-bench-dashboard-'));
const port = await freePort();
const child = spawnServer({
  DESKQL_DATA_DIR: dataDir,
  PORT: String(port),
  DESKQL_DEMO_TICKETS: values.tickets!,
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
});

async function waitUntilReady(): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    const answer = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
    if (answer?.ok) return;
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server did not become ready in 10 minutes');
}

interface Times {
  /** The page's script has run (HTML, bundle and CSS loaded). */
  script: number;
  /** The headline request's time in the network (request sent to response read). */
  headlineRequest: number;
  headline: number;
  complete: number;
}

async function load(page: Page, url: string): Promise<Times> {
  await page.goto(url);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 60_000 });
  return page.evaluate(() => {
    const graphql = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/graphql')) as PerformanceResourceTiming[];
    const headline = performance.getEntriesByName('deskql:headline')[0]!.startTime;
    // The request that finished last before the cards rendered is theirs.
    const request = graphql.filter((e) => e.responseEnd <= headline).sort((a, b) => b.responseEnd - a.responseEnd)[0];
    return {
      script: performance.getEntriesByName('deskql:start')[0]!.startTime,
      headlineRequest: request ? request.responseEnd - request.startTime : NaN,
      headline,
      complete: performance.getEntriesByName('deskql:rendered')[0]!.startTime,
    };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

let exitCode = 0;
const errors: string[] = [];
onLines(child.stderr!, (line) => errors.push(line));
const chromium = await launchChromium({ width: 1280, height: 900 }).catch((error: unknown) => {
  child.kill('SIGTERM');
  throw error;
});
try {
  await waitUntilReady();
  const url = `http://127.0.0.1:${port}/?preset=${values.preset}&tz=UTC`;
  const page = await chromium.browser.newPage();
  const cdp = await chromium.browser.newCDPSession(page);
  const first = await load(page, url);
  const all: Times[] = [];
  for (let i = 0; i < runs; i++) {
    await cdp.send('Network.clearBrowserCache');
    all.push(await load(page, url));
  }
  const sorted = (key: keyof Times) => all.map((t) => t[key]).sort((a, b) => a - b);
  const headline = sorted('headline');
  const complete = sorted('complete');
  const round = (n: number) => Math.round(n);
  const result = {
    tickets: Number(values.tickets),
    preset: values.preset,
    firstLoad: { headlineMs: round(first.headline), completeMs: round(first.complete) },
    runs,
    headlineMs: { p50: round(percentile(headline, 50)), p90: round(percentile(headline, 90)), max: round(headline.at(-1)!) },
    completeMs: { p50: round(percentile(complete, 50)), p90: round(percentile(complete, 90)), max: round(complete.at(-1)!) },
    scriptStartedMsP50: round(percentile(sorted('script'), 50)),
    headlineRequestMsP50: round(percentile(sorted('headlineRequest'), 50)),
    loadAverage: os.loadavg()[0]!.toFixed(1),
    cores: os.cpus().length,
  };
  console.log(`Dashboard (${values.preset}, ${result.tickets} demo tickets, embedded database), ms from navigation start:`);
  console.log(`  first load after start: cards ${result.firstLoad.headlineMs}, everything ${result.firstLoad.completeMs}`);
  console.log(
    `  ${runs} loads, HTTP cache cleared: cards p50 ${result.headlineMs.p50} p90 ${result.headlineMs.p90} max ${result.headlineMs.max}; everything p50 ${result.completeMs.p50} p90 ${result.completeMs.p90} max ${result.completeMs.max}`,
  );
  console.log(
    `  of which (p50): page script running at ${result.scriptStartedMsP50}, the cards' request ${result.headlineRequestMsP50} in the network`,
  );
  console.log(`  machine: ${result.cores} cores, load average ${result.loadAverage} (1 min) at the end`);
  console.log(JSON.stringify(result));
} catch (error) {
  console.error(error, errors.slice(-20).join('\n'));
  exitCode = 1;
} finally {
  await chromium.close();
  child.kill('SIGTERM');
  await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
