// npm run bench:import: imports 1,000,000 generated tickets (with their customers, agents,
// interactions and surveys) as NDJSON into PostgreSQL, and compares the rate with
// PostgreSQL's own COPY of the same rows into an identical empty database.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:import [-- --tickets 1000000]
//
// DATABASE_URL names the server; the bench creates (and drops) its own databases on it. COPY
// reads server-side files, so the server must share this machine's /tmp (a local PostgreSQL).
import { createWriteStream, mkdtempSync, rmSync, statSync, chmodSync } from 'node:fs';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { applyMigrations } from '../server/db/migrations.js';
import { importNdjson } from '../server/import/import-ndjson.js';
import { RECORD_SPECS } from '../server/import/record-specs.js';
import { generateActivity } from '../server/seed/activity.js';
import { generateDirectory } from '../server/seed/directory.js';
import { Random } from '../server/seed/random.js';

const { values } = parseArgs({ options: { tickets: { type: 'string', default: '1000000' } } });
const tickets = Number(values.tickets);
const config = loadConfig();
if (!config.databaseUrl) {
  console.error('bench:import measures PostgreSQL: set DATABASE_URL (the bench creates its own databases on that server).');
  process.exit(2);
}
const serverUrl = config.databaseUrl;
const dir = mkdtempSync(path.join(os.tmpdir(), 'deskql-bench-import-'));
chmodSync(dir, 0o777); // the PostgreSQL server writes and reads the COPY files here
const file = path.join(dir, 'helpdesk.ndjson');

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
const urlOf = (name: string) => Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();

// 1. The file: the demo generator's help desk, written as NDJSON.
const until = new Date('2026-11-01T00:00:00Z');
const start = new Date(until.getTime() - 365 * 86_400_000);
let started = Date.now();
{
  const random = new Random(1);
  const { directory, traits } = generateDirectory(random, { agents: 125, customers: Math.round(tickets / 6), start, until });
  const out = createWriteStream(file);
  const write = async (record: Record<string, unknown>) => {
    if (!out.write(JSON.stringify(record) + '\n')) await once(out, 'drain');
  };
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const ext = (prefix: string, id: number | null) => (id === null ? null : `${prefix}-${id}`);
  for (const t of directory.teams) await write({ type: 'team', externalId: t.externalId, name: t.name });
  for (const a of directory.agents)
    await write({ type: 'agent', externalId: a.externalId, name: a.name, email: a.email, team: ext('demo-t', a.teamId), active: a.active });
  for (const c of directory.customers)
    await write({
      type: 'customer',
      externalId: c.externalId,
      name: c.name,
      email: c.email,
      segment: c.segment,
      createdAt: iso(c.createdAt),
      churnedAt: iso(c.churnedAt),
    });
  for (const a of directory.articles) await write({ type: 'article', externalId: a.externalId, title: a.title, url: a.url });
  for (const batch of generateActivity(random, directory, traits, { tickets, start, until, batchSize: 5000 })) {
    for (const t of batch.tickets) {
      await write({
        type: 'ticket',
        externalId: t.externalId,
        subject: t.subject,
        channel: t.channel,
        priority: t.priority,
        category: t.category,
        status: t.status,
        customer: ext('demo-c', t.customerId),
        assignee: ext('demo-a', t.assigneeId),
        team: ext('demo-t', t.teamId),
        createdAt: iso(t.createdAt),
        firstResponseAt: iso(t.firstResponseAt),
        resolvedAt: iso(t.resolvedAt),
        reopenCount: t.reopenCount,
        knowledgeArticle: ext('demo-kb', t.knowledgeArticleId),
      });
    }
    for (const i of batch.interactions) {
      await write({
        type: 'interaction',
        externalId: i.externalId,
        ticket: `demo-tk-${i.ticketId}`,
        agent: `demo-a-${i.agentId}`,
        startedAt: iso(i.startedAt),
        talkSeconds: i.talkSeconds,
        holdSeconds: i.holdSeconds,
        wrapUpSeconds: i.wrapUpSeconds,
        transferred: i.transferred,
      });
    }
    for (const s of batch.surveys) {
      await write({
        type: 'survey',
        externalId: s.externalId,
        kind: s.kind,
        score: s.score,
        customer: `demo-c-${s.customerId}`,
        ticket: ext('demo-tk', s.ticketId),
        respondedAt: iso(s.respondedAt),
        comment: s.comment,
      });
    }
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}
console.log(`Generated ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB of NDJSON in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// 2. The import, into an empty database, watching this process's memory.
const importDb = `deskql_bench_import_${process.pid}`;
const copyDb = `deskql_bench_copy_${process.pid}`;
await admin(`CREATE DATABASE ${importDb}`);
await admin(`CREATE DATABASE ${copyDb}`);
try {
  const db = await openDatabase({ databaseUrl: urlOf(importDb), dataDir: null, poolSize: 2 });
  await applyMigrations(db);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  started = Date.now();
  const report = await importNdjson(db, createInterface({ input: createReadStream(file), crlfDelay: Infinity }), {
    onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)),
  });
  const importSeconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  if (!report.ok) throw new Error(`import rejected: ${JSON.stringify(report.errors.slice(0, 3))}`);
  const rows = report.records;

  // 3. COPY of the same rows into an identical empty database.
  const tables = RECORD_SPECS.map((spec) => spec.table);
  const source = new pg.Client({ connectionString: urlOf(importDb) });
  await source.connect();
  for (const table of tables) await source.query(`COPY "${table}" TO '${path.join(dir, `${table}.csv`)}' (FORMAT csv)`);
  await source.end();
  await db.close();
  const target = await openDatabase({ databaseUrl: urlOf(copyDb), dataDir: null, poolSize: 2 });
  await applyMigrations(target);
  await target.close();
  const copyClient = new pg.Client({ connectionString: urlOf(copyDb) });
  await copyClient.connect();
  started = Date.now();
  await copyClient.query('BEGIN');
  for (const table of tables) await copyClient.query(`COPY "${table}" FROM '${path.join(dir, `${table}.csv`)}' (FORMAT csv)`);
  await copyClient.query('COMMIT');
  const copySeconds = (Date.now() - started) / 1000;
  await copyClient.end();

  const importRate = rows / importSeconds;
  const copyRate = rows / copySeconds;
  console.log(
    `\nImport benchmark: ${tickets.toLocaleString('en')} tickets, ${rows.toLocaleString('en')} records, PostgreSQL, ${os.cpus().length} cores\n`,
  );
  console.log('| method | seconds | rows/s | peak RSS |');
  console.log('|---|---:|---:|---:|');
  console.log(
    `| npm run import (validate, resolve, upsert, one transaction) | ${importSeconds.toFixed(1)} | ${Math.round(importRate).toLocaleString('en')} | ${(peak / 2 ** 20).toFixed(0)} MiB |`,
  );
  console.log(
    `| PostgreSQL COPY of the same rows (one transaction) | ${copySeconds.toFixed(1)} | ${Math.round(copyRate).toLocaleString('en')} | — |`,
  );
  console.log(`\nImport rate / COPY rate: ${(importRate / copyRate).toFixed(2)}`);
} finally {
  await admin(`DROP DATABASE IF EXISTS ${importDb} WITH (FORCE)`);
  await admin(`DROP DATABASE IF EXISTS ${copyDb} WITH (FORCE)`);
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
