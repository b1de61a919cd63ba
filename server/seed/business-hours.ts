// The demo help desk's business calendars and SLA policies: a default calendar in São Paulo
// (where the demo's tickets follow office hours), a Lisbon one for Technical and a New York
// one for Enterprise Success, national holidays, and one policy per priority with targets a
// real desk would set, so that attainment in the demo is neither 0% nor 100%.
import { checkHolidays, checkWeeklyHours } from '../business-hours/calendar-rules.js';
import { refreshTicketBusinessTime } from '../business-hours/ticket-business-time.js';
import type { SqlClient } from '../db/sql-client.js';

const HOUR = 3600;

const weekdays = (opens: string, closes: string) =>
  ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({ day, opens, closes }));

/** Fixed-date holidays (MM-DD) of every year the demo spans. */
const holidays = (dates: string[], years: number[]) => years.flatMap((year) => dates.map((date) => `${year}-${date}`));

export async function seedBusinessHours(sql: SqlClient, start: Date, until: Date): Promise<void> {
  const years: number[] = [];
  for (let year = start.getUTCFullYear(); year <= until.getUTCFullYear() + 1; year++) years.push(year);
  const calendars = [
    {
      externalId: 'demo-cal-sao-paulo',
      name: 'São Paulo office',
      timeZone: 'America/Sao_Paulo',
      isDefault: true,
      weeklyHours: [...weekdays('08:00', '12:00'), ...weekdays('13:00', '19:00'), { day: 'SATURDAY', opens: '09:00', closes: '13:00' }],
      holidays: holidays(['01-01', '04-21', '05-01', '09-07', '10-12', '11-02', '11-15', '11-20', '12-25'], years),
    },
    {
      externalId: 'demo-cal-lisbon',
      name: 'Lisbon engineering',
      timeZone: 'Europe/Lisbon',
      isDefault: false,
      weeklyHours: weekdays('09:00', '18:00'),
      holidays: holidays(['01-01', '04-25', '05-01', '06-10', '08-15', '10-05', '11-01', '12-01', '12-08', '12-25'], years),
    },
    {
      externalId: 'demo-cal-new-york',
      name: 'New York enterprise desk',
      timeZone: 'America/New_York',
      isDefault: false,
      weeklyHours: weekdays('07:00', '20:00'),
      holidays: holidays(['01-01', '07-04', '12-25'], years),
    },
  ];
  for (const c of calendars) {
    // Stored as the import stores them (checked, sorted), so an export imports back unchanged.
    const { hours } = checkWeeklyHours(c.weeklyHours);
    const { dates } = checkHolidays(c.holidays);
    await sql.query(
      `INSERT INTO business_calendar (external_id, name, time_zone, is_default, weekly_hours, holidays) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`,
      [c.externalId, c.name, c.timeZone, c.isDefault, JSON.stringify(hours), JSON.stringify(dates)],
    );
  }
  await sql.query(
    `UPDATE team SET business_calendar_id = (SELECT id FROM business_calendar WHERE external_id = CASE team.name
       WHEN 'Technical' THEN 'demo-cal-lisbon' WHEN 'Enterprise Success' THEN 'demo-cal-new-york' END)
     WHERE name IN ('Technical', 'Enterprise Success')`,
  );
  const policies: Array<[string, string, number, number, boolean]> = [
    ['URGENT', 'Urgent: answer within 15 business minutes, solve within 4 business hours', 0.25 * HOUR, 4 * HOUR, true],
    ['HIGH', 'High: answer within 30 business minutes, solve within 8 business hours', 0.5 * HOUR, 8 * HOUR, true],
    ['NORMAL', 'Normal: answer within 2 business hours, solve within 2 business days', 2 * HOUR, 16 * HOUR, true],
    ['LOW', 'Low: answer within a day, solve within 3 days (elapsed time)', 24 * HOUR, 3 * 24 * HOUR, false],
  ];
  for (const [priority, name, firstResponse, resolution, businessHours] of policies) {
    await sql.query(
      `INSERT INTO sla_policy (external_id, name, priority, first_response_target_seconds, resolution_target_seconds, business_hours)
       VALUES ($1, $2, $3::priority, $4, $5, $6)`,
      [`demo-sla-${priority.toLowerCase()}`, name, priority, firstResponse, resolution, businessHours],
    );
  }
  await refreshTicketBusinessTime(sql, 'all');
}
