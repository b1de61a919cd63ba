// The SQL a person would write by hand for each benchmarked operation: conventional
// date_trunc buckets and GROUP BY, one statement per KPI family, run concurrently. The KPI
// engine's latency over HTTP is compared against running these directly.

export interface HandWrittenQuery {
  text: string;
  values: unknown[];
}

const frt = 'extract(epoch FROM t.first_response_at - t.created_at)';
const res = 'extract(epoch FROM t.resolved_at - t.created_at)';
const aht = 'i.talk_seconds + i.hold_seconds + i.wrap_up_seconds';
const stats = (e: string) =>
  `count(${e}), avg(${e}), percentile_cont(0.5) WITHIN GROUP (ORDER BY ${e}), percentile_cont(0.9) WITHIN GROUP (ORDER BY ${e})`;

interface Shape {
  /** Bucket expression for a timestamp column, or null for the whole period. */
  bucket: ((column: string) => string) | null;
  /** Group expressions per fact. */
  ticketGroup: string | null;
  interactionGroup: string | null;
  surveyGroup: string | null;
  /** Extra condition on tickets (e.g. the page of agents). */
  ticketWhere?: string;
  interactionWhere?: string;
  surveyWhere?: string;
}

function select(shape: Shape, column: string, group: string | null): { cols: string; groupBy: string } {
  const parts = [shape.bucket ? shape.bucket(column) : null, group].filter((p): p is string => p !== null);
  return {
    cols: parts.length ? parts.join(', ') + ',' : '',
    groupBy: parts.length ? `GROUP BY ${parts.map((_, i) => i + 1).join(', ')}` : '',
  };
}

export function created(shape: Shape): HandWrittenQuery {
  const s = select(shape, 't.created_at', shape.ticketGroup);
  return {
    text: `SELECT ${s.cols} count(*), ${stats(frt)}, count(*) FILTER (WHERE t.knowledge_article_id IS NOT NULL)
      FROM ticket t WHERE t.created_at >= $1 AND t.created_at < $2 ${shape.ticketWhere ?? ''} ${s.groupBy}`,
    values: [],
  };
}

export function resolved(shape: Shape): HandWrittenQuery {
  const s = select(shape, 't.resolved_at', shape.ticketGroup);
  return {
    text: `SELECT ${s.cols} count(*), ${stats(res)} FROM ticket t WHERE t.resolved_at >= $1 AND t.resolved_at < $2 ${shape.ticketWhere ?? ''} ${s.groupBy}`,
    values: [],
  };
}

export function firstContact(shape: Shape): HandWrittenQuery {
  const s = select(shape, 't.resolved_at', shape.ticketGroup);
  return {
    text: `SELECT ${s.cols} count(*) FILTER (WHERE ia.n = 1 AND NOT ia.tr AND t.reopen_count = 0), count(*)
      FROM ticket t JOIN LATERAL (SELECT count(*) n, bool_or(transferred) tr FROM interaction i WHERE i.ticket_id = t.id) ia ON ia.n > 0
      WHERE t.resolved_at >= $1 AND t.resolved_at < $2 ${shape.ticketWhere ?? ''} ${s.groupBy}`,
    values: [],
  };
}

export function handleTime(shape: Shape): HandWrittenQuery {
  const s = select(shape, 'i.started_at', shape.interactionGroup);
  return {
    text: `SELECT ${s.cols} ${stats(aht)}, avg(i.talk_seconds), avg(i.hold_seconds), avg(i.wrap_up_seconds)
      FROM interaction i JOIN agent a ON a.id = i.agent_id JOIN ticket t ON t.id = i.ticket_id
      WHERE i.started_at >= $1 AND i.started_at < $2 ${shape.interactionWhere ?? ''} ${s.groupBy}`,
    values: [],
  };
}

export function surveys(shape: Shape): HandWrittenQuery {
  const s = select(shape, 's.responded_at', shape.surveyGroup);
  return {
    text: `SELECT ${s.cols}
        count(*) FILTER (WHERE s.kind = 'NPS' AND s.score >= 9), count(*) FILTER (WHERE s.kind = 'NPS' AND s.score <= 6),
        count(*) FILTER (WHERE s.kind = 'NPS'), count(*) FILTER (WHERE s.kind = 'CSAT' AND s.score >= 4),
        count(*) FILTER (WHERE s.kind = 'CSAT'), avg(s.score) FILTER (WHERE s.kind = 'CSAT'),
        count(*) FILTER (WHERE s.kind = 'CES' AND s.score >= 5), count(*) FILTER (WHERE s.kind = 'CES'), avg(s.score) FILTER (WHERE s.kind = 'CES')
      FROM survey_response s LEFT JOIN ticket t ON t.id = s.ticket_id
      WHERE s.responded_at >= $1 AND s.responded_at < $2 ${shape.surveyWhere ?? ''} ${s.groupBy}`,
    values: [],
  };
}

/** Backlog at the end of the period: or, with buckets, at the end of each bucket. */
export function backlog(shape: Shape, granularity: string | null): HandWrittenQuery {
  const group = shape.ticketGroup ? `, ${shape.ticketGroup}` : '';
  if (!granularity) {
    return {
      // $1 (the period start) does not matter for a backlog at the end; typed so both parameters bind.
      text: `SELECT count(*) ${group} FROM ticket t WHERE $1::timestamptz < $2 AND t.created_at < $2 AND (t.resolved_at IS NULL OR t.resolved_at >= $2) ${shape.ticketWhere ?? ''}
        ${group ? `GROUP BY ${shape.ticketGroup}` : ''}`,
      values: [],
    };
  }
  return {
    text: `SELECT e.at ${group}, count(t.id)
      FROM (SELECT least(g + interval '1 ${granularity}', $2::timestamptz) AS at FROM generate_series(date_trunc('${granularity}', $1::timestamptz, 'UTC'), $2::timestamptz - interval '1 microsecond', interval '1 ${granularity}') g) e
      JOIN ticket t ON t.created_at < e.at AND (t.resolved_at IS NULL OR t.resolved_at >= e.at)
      GROUP BY 1 ${group}`,
    values: [],
  };
}

export function customers(): HandWrittenQuery {
  return {
    text: `SELECT
        count(*) FILTER (WHERE created_at < $1 AND (churned_at IS NULL OR churned_at >= $1)),
        count(*) FILTER (WHERE created_at < $2 AND (churned_at IS NULL OR churned_at >= $2)),
        count(*) FILTER (WHERE created_at >= $1 AND created_at < $2),
        count(*) FILTER (WHERE created_at < $1 AND churned_at >= $1 AND churned_at < $2)
      FROM customer`,
    values: [],
  };
}

export const monthTeam: Shape = {
  bucket: (column) => `date_trunc('month', ${column}, 'UTC')`,
  ticketGroup: 't.team_id',
  interactionGroup: 'a.team_id',
  surveyGroup: 't.team_id',
};

export const dayChannel: Shape = {
  bucket: (column) => `date_trunc('day', ${column}, 'UTC')`,
  ticketGroup: 't.channel',
  interactionGroup: 't.channel',
  surveyGroup: 't.channel',
};

export const wholePeriod: Shape = { bucket: null, ticketGroup: null, interactionGroup: null, surveyGroup: null };

export function agentPage(agentIds: number[]): Shape {
  const ids = `(${agentIds.join(',')})`;
  return {
    bucket: null,
    ticketGroup: 't.assignee_id',
    interactionGroup: 'i.agent_id',
    surveyGroup: 't.assignee_id',
    ticketWhere: `AND t.assignee_id IN ${ids}`,
    interactionWhere: `AND i.agent_id IN ${ids}`,
    surveyWhere: `AND t.assignee_id IN ${ids}`,
  };
}

/** Business time and SLA attainment read from the per-ticket values stored at write time (ticket_business_time). */
export function businessHours(shape: Shape): HandWrittenQuery[] {
  const created = select(shape, 't.created_at', shape.ticketGroup);
  const resolvedAt = select(shape, 't.resolved_at', shape.ticketGroup);
  const sla = (
    m: string,
  ) => `count(*) FILTER (WHERE b.${m}_met), count(*) FILTER (WHERE NOT b.${m}_met OR (b.${m}_met IS NULL AND b.${m}_target IS NOT NULL AND b.${m}_breach_at < now())),
    count(*) FILTER (WHERE b.${m}_met IS NULL AND b.${m}_target IS NOT NULL AND (b.${m}_breach_at IS NULL OR b.${m}_breach_at >= now()))`;
  return [
    {
      text: `SELECT ${created.cols} ${stats('b.first_response_seconds')}, ${sla('first_response_sla')}, ${sla('resolution_sla')}
        FROM ticket t JOIN ticket_business_time b ON b.ticket_id = t.id WHERE t.created_at >= $1 AND t.created_at < $2 ${shape.ticketWhere ?? ''} ${created.groupBy}`,
      values: [],
    },
    {
      text: `SELECT ${resolvedAt.cols} ${stats('b.resolution_seconds')}
        FROM ticket t JOIN ticket_business_time b ON b.ticket_id = t.id WHERE t.resolved_at >= $1 AND t.resolved_at < $2 ${shape.ticketWhere ?? ''} ${resolvedAt.groupBy}`,
      values: [],
    },
  ];
}

export const monthPriority: Shape = {
  bucket: (column) => `date_trunc('month', ${column}, 'UTC')`,
  ticketGroup: 't.priority',
  interactionGroup: null,
  surveyGroup: null,
};

const saoPaulo = (field: string, column: string) => `extract(${field} FROM ${column} AT TIME ZONE 'America/Sao_Paulo')`;

/** A weekday × hour heatmap in São Paulo time, each fact by its own timestamp. */
export const weekdayHour: Shape = {
  bucket: (column) => saoPaulo('isodow', column),
  ticketGroup: saoPaulo('hour', 't.created_at'),
  interactionGroup: saoPaulo('hour', 'i.started_at'),
  surveyGroup: saoPaulo('hour', 's.responded_at'),
};

export const monthAgent: Shape = {
  bucket: (column) => `date_trunc('month', ${column}, 'UTC')`,
  ticketGroup: 't.assignee_id',
  interactionGroup: 'i.agent_id',
  surveyGroup: 't.assignee_id',
};
