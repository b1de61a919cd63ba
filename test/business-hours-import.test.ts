// Calendars, SLA policies and team calendars through the NDJSON import, the upsert mutations
// and the export: every rule of docs/kpis.md "Business hours" / "Service-level targets" is a
// named error on its line, a rejected file writes nothing, and an export imports back unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportNdjson } from '../server/import/export-ndjson.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;

const line = (record: Record<string, unknown>) => JSON.stringify(record);
const week = (opens: string, closes: string) =>
  ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({ day, opens, closes }));
const calendar = (externalId: string, fields: Record<string, unknown> = {}) =>
  line({ type: 'calendar', externalId, name: externalId, timeZone: 'Europe/Lisbon', weeklyHours: week('09:00', '18:00'), ...fields });
const sla = (externalId: string, priority: string, fields: Record<string, unknown> = {}) =>
  line({ type: 'sla', externalId, name: externalId, priority, firstResponseTargetSeconds: 3600, ...fields });

async function importRecords(ndjson: string) {
  const { importRecords: report } = await api.data(
    `mutation ($ndjson: String!) { importRecords(input: { ndjson: $ndjson }) { ok errorCount userErrors { line field message } } }`,
    { ndjson },
  );
  return report;
}

const counts = async () => {
  const [row] = await api.db.sql.query<{ calendars: number; policies: number; teams: number }>(
    'SELECT (SELECT count(*) FROM business_calendar)::int AS calendars, (SELECT count(*) FROM sla_policy)::int AS policies, (SELECT count(*) FROM team)::int AS teams',
  );
  return row;
};

beforeAll(async () => {
  api = await startTestApi();
  const report = await importRecords(
    [
      calendar('cal-lisbon', { isDefault: true, holidays: ['2026-12-25', '2026-06-10', '2026-12-25'] }),
      calendar('cal-late', {
        timeZone: 'asia/kathmandu',
        weeklyHours: [
          { day: 'SATURDAY', opens: '20:00', closes: '24:00' },
          { day: 'SATURDAY', opens: '08:00', closes: '12:00' },
        ],
      }),
      sla('sla-high', 'HIGH', { resolutionTargetSeconds: 28800 }),
      line({ type: 'team', externalId: 't-1', name: 'Tier 1', calendar: 'cal-late' }),
    ].join('\n'),
  );
  expect(report).toEqual({ ok: true, errorCount: 0, userErrors: [] });
});
afterAll(() => api.close());

describe('importing calendars and SLA policies', () => {
  it('stores them normalised: canonical zone, sorted hours and holidays without repeats, defaults applied', async () => {
    const { businessCalendars, slaPolicies } = await api.data(`{
      businessCalendars(first: 10) { edges { node { externalId timeZone isDefault weeklyHours { day opens closes } holidays } } }
      slaPolicies(first: 10) { edges { node { priority firstResponseTargetSeconds resolutionTargetSeconds businessHours } } }
    }`);
    expect(businessCalendars.edges.map((e: any) => e.node)).toEqual([
      {
        externalId: 'cal-late',
        timeZone: 'Asia/Kathmandu',
        isDefault: false,
        holidays: [],
        weeklyHours: [
          { day: 'SATURDAY', opens: '08:00', closes: '12:00' },
          { day: 'SATURDAY', opens: '20:00', closes: '24:00' },
        ],
      },
      {
        externalId: 'cal-lisbon',
        timeZone: 'Europe/Lisbon',
        isDefault: true,
        holidays: ['2026-06-10', '2026-12-25'],
        weeklyHours: week('09:00', '18:00'),
      },
    ]);
    expect(slaPolicies.edges.map((e: any) => e.node)).toEqual([
      { priority: 'HIGH', firstResponseTargetSeconds: 3600, resolutionTargetSeconds: 28800, businessHours: true },
    ]);
    // Both are Relay nodes.
    const ids = await api.data(`{ businessCalendars(first: 1) { edges { node { id } } } slaPolicies(first: 1) { edges { node { id } } } }`);
    const { calendar, policy } = await api.data(
      `query ($c: ID!, $p: ID!) { calendar: node(id: $c) { ... on BusinessCalendar { externalId } } policy: node(id: $p) { ... on SlaPolicy { externalId } } }`,
      { c: ids.businessCalendars.edges[0].node.id, p: ids.slaPolicies.edges[0].node.id },
    );
    expect({ calendar, policy }).toEqual({ calendar: { externalId: 'cal-late' }, policy: { externalId: 'sla-high' } });
  });

  it('names every broken rule by line and field, and writes nothing', async () => {
    const before = await counts();
    const report = await importRecords(
      [
        calendar('bad-1', {
          weeklyHours: [
            { day: 'MONDAY', opens: '09:00', closes: '12:00' },
            { day: 'MONDAY', opens: '11:30', closes: '14:00' },
          ],
        }),
        calendar('bad-2', { timeZone: 'Mars/Olympus_Mons' }),
        calendar('bad-3', { holidays: ['2026-02-30', 'tomorrow'] }),
        calendar('bad-4', {
          weeklyHours: [
            { day: 'FRIDAY', opens: '18:00', closes: '09:00' },
            { day: 'FUNDAY', opens: '24:00', closes: '25:00' },
          ],
        }),
        calendar('second-default', { isDefault: true }),
        sla('second-high', 'HIGH'),
        sla('low-a', 'LOW'),
        sla('low-b', 'LOW', { firstResponseTargetSeconds: 0 }),
        line({ type: 'team', externalId: 't-2', name: 'Tier 2', calendar: 'nowhere' }),
        calendar('bad-5', { weeklyHours: [] }),
      ].join('\n'),
    );
    expect(report.ok).toBe(false);
    expect(report.userErrors).toEqual([
      { line: 1, field: 'weeklyHours', message: 'MONDAY 09:00-12:00 overlaps MONDAY 11:30-14:00; intervals of one day must not overlap' },
      { line: 2, field: 'timeZone', message: 'must be an IANA time zone such as "America/Sao_Paulo", got "Mars/Olympus_Mons"' },
      {
        line: 3,
        field: 'holidays',
        message: '[0] must be a real local date "YYYY-MM-DD", got "2026-02-30"; [1] must be a real local date "YYYY-MM-DD", got "tomorrow"',
      },
      {
        line: 4,
        field: 'weeklyHours',
        message:
          '[0] opens at 18:00, which is not before it closes (09:00); [1].day must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY, got "FUNDAY"; ' +
          '[1].opens must be a local time "HH:MM" from 00:00 to 23:59, got "24:00"; [1].closes must be a local time "HH:MM" from 00:01 to 24:00, got "25:00"',
      },
      {
        line: 5,
        field: 'isDefault',
        message:
          'calendar "cal-lisbon" (in the database) is already the default; at most one calendar may be the default (set isDefault false on one of them)',
      },
      {
        line: 6,
        field: 'priority',
        message: 'SLA policy "sla-high" (in the database) already covers priority HIGH; at most one policy per priority',
      },
      { line: 8, field: 'firstResponseTargetSeconds', message: 'must be >= 1, got 0' },
      { line: 9, field: 'calendar', message: 'refers to calendar "nowhere", which is neither in this file nor in the database' },
      {
        line: 10,
        field: 'weeklyHours',
        message: 'must be a non-empty list of { "day": "MONDAY".."SUNDAY", "opens": "HH:MM", "closes": "HH:MM" }',
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('finds a second default and a second policy within one file too, and allows moving the default in one file', async () => {
    const report = await importRecords(
      [
        sla('n-1', 'NORMAL'),
        sla('n-2', 'NORMAL'),
        calendar('a', { isDefault: true }),
        calendar('cal-lisbon', { isDefault: true }),
        calendar('b', { isDefault: true }),
      ].join('\n'),
    );
    expect(report.userErrors).toEqual([
      { line: 2, field: 'priority', message: 'SLA policy "n-1" (line 1) already covers priority NORMAL; at most one policy per priority' },
      {
        line: 4,
        field: 'isDefault',
        message:
          'calendar "a" (line 3) is already the default; at most one calendar may be the default (set isDefault false on one of them)',
      },
      {
        line: 5,
        field: 'isDefault',
        message:
          'calendar "a" (line 3) is already the default; at most one calendar may be the default (set isDefault false on one of them)',
      },
    ]);
    // The default moves when the file also clears the old one.
    const moved = await importRecords([calendar('cal-lisbon', { isDefault: false }), calendar('cal-new', { isDefault: true })].join('\n'));
    expect(moved).toEqual({ ok: true, errorCount: 0, userErrors: [] });
    const defaults = await api.db.sql.query<{ external_id: string }>('SELECT external_id FROM business_calendar WHERE is_default');
    expect(defaults).toEqual([{ external_id: 'cal-new' }]);
  });

  it('upsert mutations answer userErrors with the same rules', async () => {
    const { upsertSlaPolicy, upsertBusinessCalendar } = await api.data(`mutation {
      upsertSlaPolicy(input: { externalId: "sla-high-2", name: "x", priority: HIGH, firstResponseTargetSeconds: 60 }) { slaPolicy { id } userErrors { field message } }
      upsertBusinessCalendar(input: { externalId: "c-x", name: "x", timeZone: "UTC", weeklyHours: [{ day: MONDAY, opens: "9:00", closes: "17:00" }] }) {
        businessCalendar { id } userErrors { field message } }
    }`);
    expect(upsertSlaPolicy).toEqual({
      slaPolicy: null,
      userErrors: [
        {
          field: ['input', 'priority'],
          message: 'SLA policy "sla-high" (in the database) already covers priority HIGH; at most one policy per priority',
        },
      ],
    });
    expect(upsertBusinessCalendar).toEqual({
      businessCalendar: null,
      userErrors: [{ field: ['input', 'weeklyHours'], message: '[0].opens must be a local time "HH:MM" from 00:00 to 23:59, got "9:00"' }],
    });
  });

  it('exports calendars, policies and team calendars as lines that import back unchanged', async () => {
    const lines: string[] = [];
    for await (const text of exportNdjson(api.db)) lines.push(text);
    const records = lines.map((text) => JSON.parse(text));
    expect(
      records
        .filter((r) => r.type === 'calendar')
        .map((r) => r.externalId)
        .sort(),
    ).toEqual(['cal-late', 'cal-lisbon', 'cal-new']);
    expect(records.find((r) => r.externalId === 'cal-late')).toEqual({
      type: 'calendar',
      externalId: 'cal-late',
      name: 'cal-late',
      timeZone: 'Asia/Kathmandu',
      isDefault: false,
      weeklyHours: [
        { day: 'SATURDAY', opens: '08:00', closes: '12:00' },
        { day: 'SATURDAY', opens: '20:00', closes: '24:00' },
      ],
      holidays: [],
    });
    expect(records.find((r) => r.type === 'sla')).toEqual({
      type: 'sla',
      externalId: 'sla-high',
      name: 'sla-high',
      priority: 'HIGH',
      firstResponseTargetSeconds: 3600,
      resolutionTargetSeconds: 28800,
      businessHours: true,
    });
    expect(records.find((r) => r.type === 'team')).toEqual({ type: 'team', externalId: 't-1', name: 'Tier 1', calendar: 'cal-late' });
    const { importRecords: again } = await api.data(
      `mutation ($ndjson: String!) { importRecords(input: { ndjson: $ndjson }) { ok summary { type created updated unchanged } } }`,
      { ndjson: lines.join('\n') },
    );
    expect(again.ok).toBe(true);
    expect(again.summary.filter((s: any) => ['calendar', 'sla', 'team'].includes(s.type))).toEqual([
      { type: 'calendar', created: 0, updated: 0, unchanged: 3 },
      { type: 'sla', created: 0, updated: 0, unchanged: 1 },
      { type: 'team', created: 0, updated: 0, unchanged: 1 },
    ]);
  });
});
