// GET /kpis.csv: the kpiTable answer as CSV (RFC 4180: CRLF line ends, quotes where needed, a
// header row of the columns' snake_case names, ISO 8601 dates, an empty cell for null) for
// spreadsheets, pandas and Grafana. The URL parameters become the variables of one kpiTable
// operation that is sent through this same Yoga instance as a POST to /graphql with the
// caller's own headers, so authentication, scope checks, the cost limit and rate limit, and
// team restrictions (row-level security) apply exactly as to any GraphQL request: there is no
// second path into the data to keep in step. Rows are written to the response in chunks as
// they are serialised.
import { stringify } from 'csv-stringify/sync';
import type { Plugin } from 'graphql-yoga';

export const KPI_CSV_PATH = '/kpis.csv';

const DOCUMENT = /* GraphQL */ `
  query KpiTableCsv($period: PeriodInput!, $granularity: Granularity, $groupBy: [KpiDimension!], $filter: KpiFilter,
                    $orderBy: KpiSliceOrder, $first: Int, $kpis: [KpiOrderKey!]!) {
    kpiTable(period: $period, granularity: $granularity, groupBy: $groupBy, filter: $filter, orderBy: $orderBy, first: $first, kpis: $kpis) {
      columns { name }
      rows
    }
  }`;

/** URL parameters: single values, and comma-separated lists. */
const SINGLE = ['from', 'to', 'timeZone', 'granularity', 'orderBy', 'direction', 'first'] as const;
const LISTS = ['kpis', 'groupBy', 'agentIds', 'teamIds', 'channels', 'priorities', 'categories', 'customerSegments'] as const;
const FILTER_LISTS = ['agentIds', 'teamIds', 'channels', 'priorities', 'categories', 'customerSegments'] as const;

/** Rows serialised per chunk written to the response. */
const ROWS_PER_CHUNK = 200;

type Cell = string | number | boolean | null;

export interface KpiCsvOptions {
  /** Where GraphQL is served, and how to send a request through this server's own pipeline. */
  graphqlEndpoint: string;
  /** The CSRF header (csrf-protection.ts): a request without a key must carry it. */
  csrfHeader: string;
  fetch: (request: Request) => Promise<Response> | Response;
}

export function useKpiCsv(options: KpiCsvOptions): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== KPI_CSV_PATH) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(
          problem(405, 'METHOD_NOT_ALLOWED', `${KPI_CSV_PATH} answers GET only, with the arguments as URL parameters`, {
            allow: 'GET, HEAD',
          }),
        );
        return;
      }
      // A page on another site can make a browser send this GET, but never with an Authorization
      // header: a keyed request cannot be forged. One without a key (the embedded demo's
      // anonymous reads) must carry the CSRF header, as a GET to /graphql must.
      if (!request.headers.has('authorization') && !request.headers.has(options.csrfHeader)) {
        endResponse(
          problem(
            403,
            'CSRF_HEADER_MISSING',
            `A request without a key needs the header "${options.csrfHeader}" (any value): it protects against cross-site request forgery`,
          ),
        );
        return;
      }
      const variables = variablesOf(url.searchParams);
      if (typeof variables === 'string') {
        endResponse(problem(400, 'BAD_USER_INPUT', variables));
        return;
      }
      const headers = new Headers({ 'content-type': 'application/json', accept: 'application/json' });
      for (const name of ['authorization', 'x-request-id']) {
        const value = request.headers.get(name);
        if (value !== null) headers.set(name, value);
      }
      const inner = new Request(new URL(options.graphqlEndpoint, url), {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: DOCUMENT, operationName: 'KpiTableCsv', variables }),
      });
      const answer = await options.fetch(inner);
      const body = (await answer.json().catch(() => null)) as {
        data?: { kpiTable?: { columns: Array<{ name: string }>; rows: Cell[][] } | null } | null;
        errors?: Array<{ extensions?: { code?: string } }>;
      } | null;
      const table = body?.data?.kpiTable;
      if (!table || body?.errors?.length) {
        // The GraphQL errors as they are (code, message), with the status they mean over HTTP.
        const status = answer.status !== 200 ? answer.status : statusOf(body?.errors?.[0]?.extensions?.code);
        const keep = ['retry-after', 'www-authenticate'].flatMap((name) =>
          answer.headers.has(name) ? [[name, answer.headers.get(name)!]] : [],
        );
        endResponse(Response.json(body ?? { errors: [{ message: 'Unexpected error.' }] }, { status, headers: Object.fromEntries(keep) }));
        return;
      }
      const csvHeaders = {
        'content-type': 'text/csv; charset=utf-8; header=present',
        'content-disposition': 'inline; filename="kpis.csv"',
        'cache-control': 'no-store',
      };
      endResponse(
        new Response(
          request.method === 'HEAD'
            ? null
            : csvStream(
                table.columns.map((c) => c.name),
                table.rows,
              ),
          { status: 200, headers: csvHeaders },
        ),
      );
    },
  };
}

function csvStream(header: string[], rows: Cell[][]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const serialise = (records: Cell[][]) =>
    encoder.encode(
      stringify(records, {
        record_delimiter: 'windows',
        // true/false rather than csv-stringify's 1/empty; null and undefined are empty cells by default.
        cast: { boolean: (value) => (value ? 'true' : 'false'), number: (value) => String(value) },
      }),
    );
  let next = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(serialise([header]));
    },
    pull(controller) {
      if (next >= rows.length) {
        controller.close();
        return;
      }
      controller.enqueue(serialise(rows.slice(next, next + ROWS_PER_CHUNK)));
      next += ROWS_PER_CHUNK;
    },
  });
}

/** The kpiTable variables of the URL parameters, or a message saying what to change. */
function variablesOf(params: URLSearchParams): Record<string, unknown> | string {
  const known = new Set<string>([...SINGLE, ...LISTS]);
  for (const name of new Set(params.keys())) {
    if (!known.has(name)) return `Unknown parameter "${name}"; ${KPI_CSV_PATH} takes ${[...known].join(', ')}`;
    if (params.getAll(name).length > 1)
      return `Parameter "${name}" is given more than once; lists are comma-separated (e.g. groupBy=TEAM,CHANNEL)`;
  }
  // An empty parameter (direction=) counts as absent.
  const single = (name: (typeof SINGLE)[number]) => params.get(name) || undefined;
  const list = (name: (typeof LISTS)[number]) => {
    const value = params.get(name);
    return value === null
      ? undefined
      : value
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item !== '');
  };
  const from = single('from');
  const to = single('to');
  const kpis = list('kpis');
  if (!from || !to)
    return 'Parameters "from" and "to" are required: ISO 8601 instants with an offset, e.g. from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z';
  if (!kpis?.length) return 'Parameter "kpis" is required: the KPIs wanted as columns, comma-separated, e.g. kpis=TICKET_COUNT,CSAT';
  const orderBy = single('orderBy');
  const direction = single('direction');
  if ((orderBy === undefined) !== (direction === undefined))
    return 'Parameters "orderBy" and "direction" go together, e.g. orderBy=CSAT&direction=DESC';
  const first = single('first');
  if (first !== undefined && !/^\d{1,9}$/.test(first)) return `Parameter "first" must be a whole number; got "${first}"`;
  const filter: Record<string, string[]> = {};
  for (const name of FILTER_LISTS) {
    const values = list(name);
    if (values) filter[name] = values;
  }
  return {
    period: { from, to, ...(single('timeZone') ? { timeZone: single('timeZone') } : {}) },
    granularity: single('granularity'),
    groupBy: list('groupBy'),
    filter: Object.keys(filter).length ? filter : undefined,
    orderBy: orderBy ? { kpi: orderBy, direction } : undefined,
    first: first === undefined ? undefined : Number(first),
    kpis,
  };
}

function statusOf(code: string | undefined): number {
  switch (code) {
    case 'BAD_USER_INPUT':
    case 'GRAPHQL_VALIDATION_FAILED':
      return 400;
    case 'SERVICE_UNAVAILABLE':
      return 503;
    default:
      return 500;
  }
}

function problem(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ errors: [{ message, extensions: { code } }] }, { status, headers });
}
