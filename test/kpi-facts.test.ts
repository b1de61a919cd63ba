// The KPI facts prepared at write time (migration kpi_facts, docs/kpi-facts.md) stay right
// whatever writes them: after a seed, then a random mix of imports and upsert mutations that
// add and change tickets, interactions, surveys, agents' teams and customers' segments, every
// stored fact is recomputed from the raw records and must match exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../server/seed/seed.js';
import { ndjson } from './support/ndjson.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await seedDatabase(api.db, { tickets: 300, seed: 5, until: new Date('2026-06-01T00:00:00Z'), days: 60, agents: 12, customers: 40 });
});
afterAll(() => api.close());

/** Rows whose stored facts differ from the facts recomputed from the raw records. */
async function wrongFacts(): Promise<Record<string, unknown[]>> {
  const q = (sql: string) => api.db.sql.query<Record<string, unknown>>(sql);
  return {
    tickets: await q(`
      SELECT t.id FROM ticket t
      JOIN customer c ON c.id = t.customer_id
      LEFT JOIN (SELECT ticket_id, count(*)::int AS n, count(*) FILTER (WHERE transferred)::int AS x FROM interaction GROUP BY ticket_id) d
        ON d.ticket_id = t.id
      WHERE t.first_response_ms IS DISTINCT FROM (extract(epoch FROM t.first_response_at - t.created_at) * 1000)::bigint
         OR t.resolution_ms IS DISTINCT FROM (extract(epoch FROM t.resolved_at - t.created_at) * 1000)::bigint
         OR t.customer_segment IS DISTINCT FROM c.segment
         OR t.interaction_count <> coalesce(d.n, 0)
         OR t.transferred_interaction_count <> coalesce(d.x, 0)`),
    interactions: await q(`
      SELECT i.id FROM interaction i
      JOIN ticket t ON t.id = i.ticket_id JOIN customer c ON c.id = t.customer_id JOIN agent a ON a.id = i.agent_id
      WHERE i.handle_seconds <> i.talk_seconds + i.hold_seconds + i.wrap_up_seconds
         OR i.agent_team_id IS DISTINCT FROM a.team_id
         OR i.ticket_channel IS DISTINCT FROM t.channel OR i.ticket_priority IS DISTINCT FROM t.priority
         OR i.ticket_category IS DISTINCT FROM t.category OR i.ticket_customer_id IS DISTINCT FROM t.customer_id
         OR i.customer_segment IS DISTINCT FROM c.segment`),
    surveys: await q(`
      SELECT s.id FROM survey_response s
      JOIN customer c ON c.id = s.customer_id LEFT JOIN ticket t ON t.id = s.ticket_id
      WHERE s.customer_segment IS DISTINCT FROM c.segment
         OR s.ticket_assignee_id IS DISTINCT FROM t.assignee_id OR s.ticket_team_id IS DISTINCT FROM t.team_id
         OR s.ticket_channel IS DISTINCT FROM t.channel OR s.ticket_priority IS DISTINCT FROM t.priority
         OR s.ticket_category IS DISTINCT FROM t.category`),
    businessTimes: await q(`
      SELECT b.ticket_id FROM ticket_business_time b JOIN ticket t ON t.id = b.ticket_id
      WHERE (b.created_at, b.resolved_at, b.assignee_id, b.team_id, b.channel, b.priority, b.category, b.customer_segment, b.customer_id)
         IS DISTINCT FROM (t.created_at, t.resolved_at, t.assignee_id, t.team_id, t.channel, t.priority, t.category, t.customer_segment, t.customer_id)`),
  };
}

const NO_WRONG_FACTS = { tickets: [], interactions: [], surveys: [], businessTimes: [] };

/** The dimension keys every record is rolled up by (migration kpi_daily_rollups), as SQL over alias x. */
const keys = (agent: string, team: string, channel: string, priority: string, category: string, segment: string) => `
  CROSS JOIN LATERAL (VALUES ('ALL', ''), ('AGENT', deskql_rollup_key(${agent}::text)), ('TEAM', deskql_rollup_key(${team}::text)),
    ('CHANNEL', deskql_rollup_key(${channel}::text)), ('PRIORITY', deskql_rollup_key(${priority}::text)),
    ('CATEGORY', deskql_rollup_key(${category})), ('CUSTOMER_SEGMENT', deskql_rollup_key(${segment}))) AS k(dim, key)`;
const ticketKeys = keys('t.assignee_id', 't.team_id', 't.channel', 't.priority', 't.category', 't.customer_segment');
const interactionKeys = keys(
  'i.agent_id',
  'i.agent_team_id',
  'i.ticket_channel',
  'i.ticket_priority',
  'i.ticket_category',
  'i.customer_segment',
);
const surveyKeys = keys(
  's.ticket_assignee_id',
  's.ticket_team_id',
  's.ticket_channel',
  's.ticket_priority',
  's.ticket_category',
  's.customer_segment',
);
const day = (column: string) => `(${column} AT TIME ZONE 'UTC')::date`;

/**
 * The daily rollups recomputed from the raw records, each as a query with the rollup table's
 * columns (rows whose measures are all zero are left out of both sides: they are harmless).
 */
const RECOMPUTED_ROLLUPS: Record<string, { table: string; zero: string; raw: string }> = {
  created: {
    table: 'SELECT * FROM kpi_day_created',
    zero: 'tickets = 0 AND frt_count = 0 AND frt_ms = 0 AND answered = 0',
    raw: `SELECT k.dim, ${day('t.created_at')}, k.key, count(*)::int, count(t.first_response_ms)::int,
            coalesce(sum(t.first_response_ms), 0)::bigint, count(t.knowledge_article_id)::int
          FROM ticket t ${ticketKeys} GROUP BY 1, 2, 3`,
  },
  resolved: {
    table: 'SELECT * FROM kpi_day_resolved',
    zero: 'resolved = 0 AND res_count = 0 AND res_ms = 0 AND fcr_all = 0 AND fcr_yes = 0',
    raw: `SELECT k.dim, ${day('t.resolved_at')}, k.key, count(*)::int, count(t.resolution_ms)::int, coalesce(sum(t.resolution_ms), 0)::bigint,
            count(*) FILTER (WHERE t.interaction_count > 0)::int,
            count(*) FILTER (WHERE t.interaction_count = 1 AND t.transferred_interaction_count = 0 AND t.reopen_count = 0)::int
          FROM ticket t ${ticketKeys} WHERE t.resolved_at IS NOT NULL GROUP BY 1, 2, 3`,
  },
  handle: {
    table: 'SELECT * FROM kpi_day_handle',
    zero: 'n = 0 AND talk = 0 AND hold = 0 AND wrap_up = 0',
    raw: `SELECT k.dim, ${day('i.started_at')}, k.key, count(*)::int, sum(i.talk_seconds)::bigint, sum(i.hold_seconds)::bigint,
            sum(i.wrap_up_seconds)::bigint FROM interaction i ${interactionKeys} GROUP BY 1, 2, 3`,
  },
  surveys: {
    table: 'SELECT * FROM kpi_day_surveys',
    zero: 'n = 0 AND nps_responses = 0 AND csat_responses = 0 AND ces_responses = 0 AND csat_sum = 0 AND ces_sum = 0',
    raw: `SELECT k.dim, ${day('s.responded_at')}, k.key, count(*)::int,
            count(*) FILTER (WHERE s.kind = 'NPS')::int, count(*) FILTER (WHERE s.kind = 'NPS' AND s.score >= 9)::int,
            count(*) FILTER (WHERE s.kind = 'NPS' AND s.score BETWEEN 7 AND 8)::int, count(*) FILTER (WHERE s.kind = 'NPS' AND s.score <= 6)::int,
            count(*) FILTER (WHERE s.kind = 'CSAT')::int, count(*) FILTER (WHERE s.kind = 'CSAT' AND s.score >= 4)::int,
            coalesce(sum(s.score) FILTER (WHERE s.kind = 'CSAT'), 0)::bigint,
            count(*) FILTER (WHERE s.kind = 'CES')::int, count(*) FILTER (WHERE s.kind = 'CES' AND s.score >= 5)::int,
            coalesce(sum(s.score) FILTER (WHERE s.kind = 'CES'), 0)::bigint
          FROM survey_response s ${surveyKeys} GROUP BY 1, 2, 3`,
  },
  durations: {
    table: `SELECT d.metric, d.dim, d.day, d.key, (u.i - 1)::int AS bin, u.n FROM kpi_day_durations d
            CROSS JOIN LATERAL unnest(d.counts) WITH ORDINALITY AS u(n, i)`,
    zero: 'n = 0',
    raw: `SELECT 'frt', k.dim, ${day('t.created_at')}, k.key, deskql_duration_bin(t.first_response_ms)::int, count(*)::int
            FROM ticket t ${ticketKeys} WHERE t.first_response_ms IS NOT NULL AND k.dim <> 'AGENT' GROUP BY 1, 2, 3, 4, 5
          UNION ALL
          SELECT 'res', k.dim, ${day('t.resolved_at')}, k.key, deskql_duration_bin(t.resolution_ms)::int, count(*)::int
            FROM ticket t ${ticketKeys} WHERE t.resolution_ms IS NOT NULL AND k.dim <> 'AGENT' GROUP BY 1, 2, 3, 4, 5
          UNION ALL
          SELECT 'aht', k.dim, ${day('i.started_at')}, k.key, deskql_duration_bin(i.handle_seconds * 1000::bigint)::int, count(*)::int
            FROM interaction i ${interactionKeys} WHERE k.dim <> 'AGENT' GROUP BY 1, 2, 3, 4, 5`,
  },
};

/** Per rollup table, how many rows differ from their recomputation from the raw records (either way). */
async function wrongRollups(): Promise<Record<string, number>> {
  const wrong: Record<string, number> = {};
  for (const [name, { table, zero, raw }] of Object.entries(RECOMPUTED_ROLLUPS)) {
    const stored = `SELECT * FROM (${table}) AS r WHERE NOT (${zero})`;
    const recomputed = `SELECT * FROM (${raw}) AS x`;
    const [row] = await api.db.sql.query<{ n: number }>(
      `SELECT ((SELECT count(*) FROM (${stored} EXCEPT ${recomputed}) a) + (SELECT count(*) FROM (${recomputed} EXCEPT ${stored}) b))::int AS n`,
    );
    wrong[name] = row!.n;
  }
  return wrong;
}

const NO_WRONG_ROLLUPS = { created: 0, resolved: 0, handle: 0, surveys: 0, durations: 0 };

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    int: (n: number) => Math.floor(next() * n),
  };
}

const iso = (value: unknown) => (value === null ? null : new Date(value as string).toISOString());

/** The import record of an existing ticket, interaction or survey, as the import format writes it. */
async function recordOf(type: 'ticket' | 'interaction' | 'survey' | 'agent' | 'customer', id: number): Promise<Record<string, unknown>> {
  const one = async (sql: string) => (await api.db.sql.query<Record<string, any>>(sql, [id]))[0]!;
  switch (type) {
    case 'ticket': {
      const t =
        await one(`SELECT t.*, c.external_id AS customer, a.external_id AS assignee, tm.external_id AS team, k.external_id AS article
        FROM ticket t JOIN customer c ON c.id = t.customer_id LEFT JOIN agent a ON a.id = t.assignee_id
        LEFT JOIN team tm ON tm.id = t.team_id LEFT JOIN knowledge_article k ON k.id = t.knowledge_article_id WHERE t.id = $1`);
      return {
        type,
        externalId: t.external_id,
        subject: t.subject,
        channel: t.channel,
        priority: t.priority,
        category: t.category,
        status: t.status,
        customer: t.customer,
        assignee: t.assignee,
        team: t.team,
        createdAt: iso(t.created_at),
        firstResponseAt: iso(t.first_response_at),
        resolvedAt: iso(t.resolved_at),
        reopenCount: t.reopen_count,
        knowledgeArticle: t.article,
      };
    }
    case 'interaction': {
      const i = await one(`SELECT i.*, t.external_id AS ticket, a.external_id AS agent FROM interaction i
        JOIN ticket t ON t.id = i.ticket_id JOIN agent a ON a.id = i.agent_id WHERE i.id = $1`);
      return {
        type,
        externalId: i.external_id,
        ticket: i.ticket,
        agent: i.agent,
        startedAt: iso(i.started_at),
        talkSeconds: i.talk_seconds,
        holdSeconds: i.hold_seconds,
        wrapUpSeconds: i.wrap_up_seconds,
        transferred: i.transferred,
      };
    }
    case 'survey': {
      const s = await one(`SELECT s.*, c.external_id AS customer, t.external_id AS ticket FROM survey_response s
        JOIN customer c ON c.id = s.customer_id LEFT JOIN ticket t ON t.id = s.ticket_id WHERE s.id = $1`);
      return {
        type,
        externalId: s.external_id,
        kind: s.kind,
        score: s.score,
        customer: s.customer,
        ticket: s.ticket,
        respondedAt: iso(s.responded_at),
        comment: s.comment,
      };
    }
    case 'agent': {
      const a = await one('SELECT a.*, t.external_id AS team FROM agent a LEFT JOIN team t ON t.id = a.team_id WHERE a.id = $1');
      return { type, externalId: a.external_id, name: a.name, email: a.email, team: a.team, active: a.active };
    }
    case 'customer': {
      const c = await one('SELECT * FROM customer WHERE id = $1');
      return {
        type,
        externalId: c.external_id,
        name: c.name,
        email: c.email,
        segment: c.segment,
        createdAt: iso(c.created_at),
        churnedAt: iso(c.churned_at),
      };
    }
  }
}

const UPSERT_NAME = {
  ticket: 'Ticket',
  interaction: 'Interaction',
  survey: 'SurveyResponse',
  agent: 'Agent',
  customer: 'Customer',
} as const;

/** Writes records by import (several at once) or by upsert mutation (one), as a client would. */
async function write(batch: Array<Record<string, unknown>>, byMutation: boolean): Promise<void> {
  // A record picked twice in one batch: the later change wins (a file names each record once).
  const records = [...new Map(batch.map((record) => [`${record.type}:${record.externalId}`, record])).values()];
  if (!byMutation) {
    const { importRecords } = await api.data(
      'mutation ($i: ImportRecordsInput!) { importRecords(input: $i) { ok userErrors { line field message } } }',
      {
        i: { ndjson: ndjson(records) },
      },
    );
    expect(importRecords.userErrors).toEqual([]);
    return;
  }
  for (const { type, ...input } of records) {
    const name = UPSERT_NAME[type as keyof typeof UPSERT_NAME];
    const result = await api.data(`mutation ($i: Upsert${name}Input!) { upsert${name}(input: $i) { userErrors { field message } } }`, {
      i: input,
    });
    expect(result[`upsert${name}`].userErrors).toEqual([]);
  }
}

describe('KPI facts prepared at write time', () => {
  it('are right after the seed', async () => {
    expect(await wrongFacts()).toEqual(NO_WRONG_FACTS);
    expect(await wrongRollups()).toEqual(NO_WRONG_ROLLUPS);
    const [{ n }] = (await api.db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM ticket WHERE interaction_count > 0')) as [
      { n: number },
    ];
    expect(n).toBeGreaterThan(0);
    const [{ b }] = (await api.db.sql.query<{ b: number }>('SELECT count(*)::int AS b FROM ticket_business_time')) as [{ b: number }];
    expect(b).toBeGreaterThan(0);
  });

  it('stay right after a random mix of imports and upsert mutations', async () => {
    const seed = Number(process.env.FACTS_SEED ?? Date.now() % 100_000);
    const rnd = random(seed);
    const ids = async (table: string) => (await api.db.sql.query<{ id: number }>(`SELECT id FROM ${table} ORDER BY id`)).map((r) => r.id);
    const externals = async (table: string) =>
      (await api.db.sql.query<{ external_id: string }>(`SELECT external_id FROM ${table} ORDER BY id`)).map((r) => r.external_id);
    const teams = await externals('team');
    const segments = ['enterprise', 'smb', 'startup', null];
    let serial = 0;
    for (let round = 0; round < 12; round++) {
      const batch: Array<Record<string, unknown>> = [];
      for (let n = 0; n < 6; n++) {
        const kind = rnd.int(8);
        if (kind === 0) {
          // A ticket's dimensions and timestamps change.
          const ticket = await recordOf('ticket', rnd.pick(await ids('ticket')));
          const created = new Date(ticket.createdAt as string).getTime();
          batch.push({
            ...ticket,
            channel: rnd.pick(['EMAIL', 'CHAT', 'PHONE', 'WEB', 'SOCIAL']),
            priority: rnd.pick(['LOW', 'NORMAL', 'HIGH', 'URGENT']),
            category: rnd.pick(['billing', 'login', null]),
            customer: rnd.pick(await externals('customer')),
            assignee: rnd.pick([...(await externals('agent')), null]),
            team: rnd.pick([...teams, null]),
            firstResponseAt: new Date(created + 1000 + rnd.int(90_000_000)).toISOString(),
            resolvedAt: rnd.next() < 0.5 ? null : new Date(created + 90_000_001 + rnd.int(1_000_000)).toISOString(),
            status: 'SOLVED',
          });
        } else if (kind === 1) {
          // A new interaction on an existing ticket.
          batch.push({
            type: 'interaction',
            externalId: `fact-i-${seed}-${serial++}`,
            ticket: rnd.pick(await externals('ticket')),
            agent: rnd.pick(await externals('agent')),
            startedAt: '2026-05-02T10:00:00.123Z',
            talkSeconds: rnd.int(900),
            holdSeconds: rnd.int(60),
            wrapUpSeconds: rnd.int(120),
            transferred: rnd.next() < 0.3,
          });
        } else if (kind === 2) {
          // An interaction moves to another ticket, or changes its transfer flag and durations.
          const interaction = await recordOf('interaction', rnd.pick(await ids('interaction')));
          batch.push({
            ...interaction,
            ticket: rnd.next() < 0.5 ? rnd.pick(await externals('ticket')) : interaction.ticket,
            transferred: !interaction.transferred,
            talkSeconds: rnd.int(700),
          });
        } else if (kind === 3) {
          // An agent moves to another team (or to none).
          batch.push({ ...(await recordOf('agent', rnd.pick(await ids('agent')))), team: rnd.pick([...teams, null]) });
        } else if (kind === 4) {
          // A customer changes segment.
          batch.push({ ...(await recordOf('customer', rnd.pick(await ids('customer')))), segment: rnd.pick(segments) });
        } else if (kind === 5) {
          // A survey is moved to another ticket, or unlinked.
          const survey = await recordOf('survey', rnd.pick(await ids('survey_response')));
          batch.push({ ...survey, ticket: rnd.next() < 0.3 ? null : rnd.pick(await externals('ticket')) });
        } else if (kind === 6) {
          // A new ticket, with a first interaction in the same file.
          const externalId = `fact-t-${seed}-${serial++}`;
          batch.push({
            type: 'ticket',
            externalId,
            subject: 'New',
            channel: 'WEB',
            priority: 'HIGH',
            category: null,
            status: 'OPEN',
            customer: rnd.pick(await externals('customer')),
            assignee: null,
            team: rnd.pick(teams),
            createdAt: '2026-05-03T08:00:00.500Z',
            firstResponseAt: '2026-05-03T08:03:00.250Z',
            resolvedAt: null,
            reopenCount: 0,
            knowledgeArticle: null,
          });
          batch.push({
            type: 'interaction',
            externalId: `fact-i-${seed}-${serial++}`,
            ticket: externalId,
            agent: rnd.pick(await externals('agent')),
            startedAt: '2026-05-03T08:03:00Z',
            talkSeconds: 30,
            holdSeconds: 0,
            wrapUpSeconds: 5,
            transferred: false,
          });
        } else {
          // A new survey on a ticket.
          batch.push({
            type: 'survey',
            externalId: `fact-s-${seed}-${serial++}`,
            kind: 'CSAT',
            score: 1 + rnd.int(5),
            customer: rnd.pick(await externals('customer')),
            ticket: rnd.pick(await externals('ticket')),
            respondedAt: '2026-05-04T12:00:00Z',
            comment: null,
          });
        }
      }
      // Records referring to one written in the same batch need it first: imports resolve that themselves.
      const byMutation = rnd.next() < 0.4 && !batch.some((r) => String(r.externalId).startsWith('fact-t-'));
      await write(batch, byMutation);
    }
    expect(await wrongFacts(), `replay with FACTS_SEED=${seed}`).toEqual(NO_WRONG_FACTS);
    expect(await wrongRollups(), `replay with FACTS_SEED=${seed}`).toEqual(NO_WRONG_ROLLUPS);
  });

  it('a SQL write outside the API is kept right too', async () => {
    await api.db.sql.query(
      "UPDATE ticket SET channel = 'PHONE', category = 'raw-sql' WHERE id IN (SELECT id FROM ticket ORDER BY id LIMIT 20)",
    );
    await api.db.sql.query('DELETE FROM interaction WHERE id IN (SELECT id FROM interaction ORDER BY id LIMIT 10)');
    await api.db.sql.query('DELETE FROM survey_response WHERE id IN (SELECT id FROM survey_response ORDER BY id DESC LIMIT 10)');
    await api.db.sql.query(
      "UPDATE ticket SET resolved_at = resolved_at + interval '36 hours' WHERE resolved_at IS NOT NULL AND id % 7 = 0",
    );
    expect(await wrongFacts()).toEqual(NO_WRONG_FACTS);
    expect(await wrongRollups()).toEqual(NO_WRONG_ROLLUPS);
  });
});
