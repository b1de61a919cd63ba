// SQL metacharacters and huge strings in every string and ID argument, as scanners send them: each
// answer is data matching nothing or a client error, never a 500, and nothing is written. The
// scanned API is production-like (test/support/scanner-api.ts).
import { describe, expect, it } from 'vitest';
import { as, b64, codes, count, PERIOD, post, type Role, scanner, useScannerApi } from '../support/scanner-api.js';
import type { UntypedData } from '../support/test-api.js';

useScannerApi();

describe('SQL metacharacters and huge strings in arguments', () => {
  const HUGE = 'x'.repeat(100_000);
  const STRINGS: Array<[label: string, value: string]> = [
    ['quote OR', "' OR 1=1 --"],
    ['drop table', '"; DROP TABLE ticket; --'],
    ['stacked sleep', "'); SELECT pg_sleep(5); --"],
    ['backslash quote', "\\'; --"],
    ['LIKE wildcards', '%_%'],
    ['placeholder', '$1'],
    ['NUL byte', 'a\u0000b'],
    ['lone surrogate', '\uD800'],
    ['100 KB', HUGE],
  ];

  function idPayloads(typename: string): Array<[label: string, value: string]> {
    return [
      ['quote OR', "' OR '1'='1"],
      ['base64 of OR', b64(`${typename}:1 OR 1=1`)],
      ['base64 of quote', b64(`${typename}:1' OR '1'='1`)],
      ['base64 of drop', b64(`${typename}:1; DROP TABLE ticket`)],
      ['NUL byte', `${b64(`${typename}:1`)}\u0000`],
      ['100 KB', 'A'.repeat(100_000)],
      ['negative', b64(`${typename}:-1`)],
      ['beyond int4', b64(`${typename}:99999999999`)],
      ['unknown', b64(`${typename}:0`)],
    ];
  }

  const CURSORS: Array<[label: string, value: string]> = [
    ...STRINGS,
    ['forged cursor, number beyond int4', b64('GPC:N:99999999999')],
    ['forged cursor, string', b64("GPC:S:' OR 1=1 --")],
    ['forged cursor, JSON', b64('GPC:J:{"id":{"gt":0}}')],
    ['forged cursor, SQL', b64('GPC:N:1 OR 1=1')],
  ];

  /**
   * Sends `query` once per payload and lists every answer that is neither data matching
   * nothing (`empty` says so) nor a client error (BAD_USER_INPUT, a validation error, or a
   * 400 for a variable of the wrong type).
   */
  async function probe(
    payloads: Array<[string, string]>,
    query: string,
    variables: (value: string) => Record<string, unknown>,
    empty: (data: UntypedData) => boolean,
    key: Role = 'admin',
  ): Promise<string[]> {
    const problems: string[] = [];
    for (const [label, value] of payloads) {
      const answer = await post(query, variables(value), as(key));
      const errors = answer.body?.errors ?? [];
      const clientError =
        errors.length > 0 &&
        errors.every(
          (error) =>
            error.extensions?.code === 'BAD_USER_INPUT' || error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' || answer.status === 400,
        );
      const fine = answer.status < 500 && (errors.length === 0 ? answer.body?.data != null && empty(answer.body.data) : clientError);
      if (!fine) problems.push(`${label}: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
    }
    return problems;
  }

  const zero = (field: string) => (data: UntypedData) => data[field].totalCount === 0;

  it('tickets(filter: { categories }) as literals: no match', async () => {
    const literal = STRINGS.filter(([label]) => label !== 'lone surrogate')
      .map(([, value]) => JSON.stringify(value))
      .join(', ');
    const answer = await post(`{ tickets(filter: { categories: [${literal}] }) { totalCount } }`, {}, as('admin'));
    expect(answer.status).toBeLessThan(500);
    expect(codes(answer)).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('tickets(filter: { categories })', async () => {
    expect(
      await probe(
        STRINGS,
        'query ($v: [String!]) { tickets(filter: { categories: $v }) { totalCount } }',
        (v) => ({ v: [v] }),
        zero('tickets'),
      ),
    ).toEqual([]);
  });

  it('customers(filter: { segments })', async () => {
    expect(
      await probe(
        STRINGS,
        'query ($v: [String!]) { customers(filter: { segments: $v }) { totalCount } }',
        (v) => ({ v: [v] }),
        zero('customers'),
      ),
    ).toEqual([]);
  });

  it('kpis(filter: { categories })', async () => {
    const query =
      'query ($p: PeriodInput!, $v: [String!]) { kpis(period: $p, filter: { categories: $v }) { ticketCount nps { responses } } }';
    expect(
      await probe(
        STRINGS,
        query,
        (v) => ({ p: PERIOD, v: [v] }),
        (d) => d.kpis.ticketCount === 0,
      ),
    ).toEqual([]);
  });

  it('kpis(filter: { customerSegments })', async () => {
    const query =
      'query ($p: PeriodInput!, $v: [String!]) { kpis(period: $p, filter: { customerSegments: $v }) { ticketCount customersAtEnd } }';
    expect(
      await probe(
        STRINGS,
        query,
        (v) => ({ p: PERIOD, v: [v] }),
        (d) => d.kpis.ticketCount === 0 && d.kpis.customersAtEnd === 0,
      ),
    ).toEqual([]);
  });

  it('kpiSlices drill-down with filter: { categories }', async () => {
    const query =
      'query ($p: PeriodInput!, $v: [String!]) { kpiSlices(period: $p, filter: { categories: $v }) { tickets(first: 1) { totalCount } } }';
    expect(
      await probe(
        STRINGS,
        query,
        (v) => ({ p: PERIOD, v: [v] }),
        (d) => d.kpiSlices.every((s: UntypedData) => s.tickets.totalCount === 0),
      ),
    ).toEqual([]);
  });

  it('kpiSlices(period: { timeZone }): BAD_USER_INPUT', async () => {
    const zones: Array<[string, string]> = [['drop table', "UTC'; DROP TABLE ticket;--"], ...STRINGS];
    const query = 'query ($p: PeriodInput!) { kpiSlices(period: $p, granularity: DAY) { kpis { ticketCount } } }';
    expect(
      await probe(
        zones,
        query,
        (v) => ({ p: { ...PERIOD, timeZone: v } }),
        () => false,
      ),
    ).toEqual([]);
  });

  it('node(id:)', async () => {
    expect(
      await probe(
        idPayloads('Ticket'),
        'query ($id: ID!) { node(id: $id) { id } }',
        (v) => ({ id: v }),
        (d) => d.node === null,
      ),
    ).toEqual([]);
  });

  it.each([
    ['tickets(filter: { teamIds })', 'Team', 'query ($v: [ID!]) { tickets(filter: { teamIds: $v }) { totalCount } }', 'tickets'],
    ['tickets(filter: { assigneeIds })', 'Agent', 'query ($v: [ID!]) { tickets(filter: { assigneeIds: $v }) { totalCount } }', 'tickets'],
    [
      'tickets(filter: { customerIds })',
      'Customer',
      'query ($v: [ID!]) { tickets(filter: { customerIds: $v }) { totalCount } }',
      'tickets',
    ],
    ['agents(filter: { teamIds })', 'Team', 'query ($v: [ID!]) { agents(filter: { teamIds: $v }) { totalCount } }', 'agents'],
    [
      'surveyResponses(filter: { ticketIds })',
      'Ticket',
      'query ($v: [ID!]) { surveyResponses(filter: { ticketIds: $v }) { totalCount } }',
      'surveyResponses',
    ],
  ])('%s', async (_name, typename, query, field) => {
    expect(await probe(idPayloads(typename), query, (v) => ({ v: [v] }), zero(field))).toEqual([]);
  });

  it.each([
    ['kpis(filter: { teamIds })', 'Team', 'teamIds'],
    ['kpis(filter: { agentIds })', 'Agent', 'agentIds'],
  ])('%s', async (_name, typename, argument) => {
    const query = `query ($p: PeriodInput!, $v: [ID!]) { kpis(period: $p, filter: { ${argument}: $v }) { ticketCount } }`;
    expect(
      await probe(
        idPayloads(typename),
        query,
        (v) => ({ p: PERIOD, v: [v] }),
        (d) => d.kpis.ticketCount === 0,
      ),
    ).toEqual([]);
  });

  it('tickets(after:) and tickets(before:) cursors', async () => {
    const after = await probe(
      CURSORS,
      'query ($c: String) { tickets(first: 2, after: $c) { totalCount edges { node { id } } } }',
      (c) => ({ c }),
      (d) => d.tickets.edges.length === 0,
    );
    const before = await probe(
      CURSORS,
      'query ($c: String) { tickets(last: 2, before: $c) { totalCount edges { node { id } } } }',
      (c) => ({ c }),
      (d) => d.tickets.edges.length === 0,
    );
    expect([...after.map((p) => `after ${p}`), ...before.map((p) => `before ${p}`)]).toEqual([]);
  });

  it('orderBy and DateTime arguments', async () => {
    const orderBy = await probe(
      STRINGS,
      'query ($o: TicketOrder) { tickets(first: 1, orderBy: $o) { totalCount } }',
      (v) => ({ o: { field: v, direction: 'ASC' } }),
      () => false,
    );
    const literal = await post('{ tickets(orderBy: { field: "id; DROP TABLE ticket" }) { totalCount } }', {}, as('admin'));
    const dates = await probe(
      STRINGS,
      'query ($d: DateTime) { tickets(filter: { createdFrom: $d }) { totalCount } }',
      (d) => ({ d }),
      () => false,
    );
    expect([...orderBy, ...dates]).toEqual([]);
    expect(literal.status).toBeLessThan(500);
    expect(codes(literal)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('upsertTeam(input: { externalId, name, idempotencyKey })', async () => {
    // Writing a team named "' OR 1=1 --" is fine, and so are userErrors; failing with a 500 is not.
    const names = await probe(
      STRINGS,
      'mutation ($v: String!) { upsertTeam(input: { externalId: $v, name: $v }) { created userErrors { field message } } }',
      (v) => ({ v }),
      () => true,
      'writer',
    );
    const idempotencyKeys = await probe(
      STRINGS,
      'mutation ($v: String!) { upsertTeam(input: { externalId: "sec-idempotency", name: "Sec", idempotencyKey: $v }) { created } }',
      (v) => ({ v }),
      () => true,
      'writer',
    );
    expect([...names.map((p) => `name ${p}`), ...idempotencyKeys.map((p) => `idempotencyKey ${p}`)]).toEqual([]);
  });

  it('importRecords(input: { ndjson, dryRun: true }) with the strings as field values', async () => {
    const query =
      'mutation ($n: String!) { importRecords(input: { ndjson: $n, dryRun: true }) { ok errorCount userErrors { line field message } } }';
    const ndjson = (value: string) => JSON.stringify({ type: 'team', externalId: value.slice(0, 200), name: value });
    expect(
      await probe(
        STRINGS,
        query,
        (v) => ({ n: ndjson(v) }),
        () => true,
        'writer',
      ),
    ).toEqual([]);
  });

  it('leaves the ticket table intact', async () => {
    expect(await count('ticket')).toBe(scanner.ticketsAtStart);
    const answer = await post('{ tickets { totalCount } }', {}, as('admin'));
    expect(answer.body?.data.tickets.totalCount).toBe(scanner.ticketsAtStart);
  });
});
