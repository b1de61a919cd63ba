// Rules of calendars and SLA policies that span records (docs/kpis.md: at most one default
// calendar, at most one policy per priority), checked against the file and the database
// together before an import writes anything, and what an import must recompute afterwards.
import type { SqlClient } from '../db/sql-client.js';
import type { ValidRecord } from '../import/validate-record.js';
import type { BusinessTimeScope } from './ticket-business-time.js';

interface Seen {
  line: number;
  externalId: string;
}

/** Collects, line by line, what the cross-record rules and the recomputation need (externalIds only). */
export class BusinessHoursImportRules {
  private readonly defaults: Seen[] = [];
  private readonly calendars = new Set<string>();
  private readonly policies = new Map<string, Seen[]>();
  private readonly policyIds = new Set<string>();
  private readonly tickets: string[] = [];
  private readonly teams: string[] = [];

  see(line: number, record: ValidRecord): void {
    const { externalId, values } = record;
    if (record.type === 'calendar') {
      this.calendars.add(externalId);
      if (values.isDefault === true) this.defaults.push({ line, externalId });
    } else if (record.type === 'sla') {
      this.policyIds.add(externalId);
      const priority = values.priority as string;
      this.policies.set(priority, [...(this.policies.get(priority) ?? []), { line, externalId }]);
    } else if (record.type === 'ticket') {
      this.tickets.push(externalId);
    } else if (record.type === 'team') {
      this.teams.push(externalId);
    }
  }

  /** Problems as [line, field, reason]: a second default calendar, a second policy for a priority. */
  async problems(sql: SqlClient): Promise<Array<[number, string, string]>> {
    const problems: Array<[number, string, string]> = [];
    if (this.defaults.length > 0) {
      const others = await sql.query<{ external_id: string }>(
        'SELECT external_id FROM business_calendar WHERE is_default AND NOT (external_id = ANY($1::text[]))',
        [[...this.calendars]],
      );
      const holders = [...others.map((c) => `"${c.external_id}" (in the database)`)];
      for (const seen of this.defaults) {
        if (holders.length > 0) {
          problems.push([
            seen.line,
            'isDefault',
            `calendar ${holders[0]} is already the default; at most one calendar may be the default (set isDefault false on one of them)`,
          ]);
        }
        holders.push(`"${seen.externalId}" (line ${seen.line})`);
      }
    }
    if (this.policies.size > 0) {
      const existing = await sql.query<{ external_id: string; priority: string }>(
        'SELECT external_id, priority::text AS priority FROM sla_policy WHERE NOT (external_id = ANY($1::text[]))',
        [[...this.policyIds]],
      );
      for (const [priority, seen] of this.policies) {
        const holders = existing.filter((p) => p.priority === priority).map((p) => `"${p.external_id}" (in the database)`);
        for (const policy of seen) {
          if (holders.length > 0) {
            problems.push([
              policy.line,
              'priority',
              `SLA policy ${holders[0]} already covers priority ${priority}; at most one policy per priority`,
            ]);
          }
          holders.push(`"${policy.externalId}" (line ${policy.line})`);
        }
      }
    }
    return problems;
  }

  /** What the import's transaction must recompute once its records are written. */
  scope(): BusinessTimeScope {
    // Calendars and policies reach any ticket; so does a very large file, cheaper as one pass.
    if (this.calendars.size > 0 || this.policyIds.size > 0 || this.tickets.length > 100_000) return 'all';
    return { ticketExternalIds: this.tickets, teamExternalIds: this.teams };
  }
}
