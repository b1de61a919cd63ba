// What GraphQL security scanners probe with oversized documents: alias, directive, depth, token
// and cost overloading, circular fragments, syntax errors, and batching. The scanned API is
// production-like (test/support/scanner-api.ts).
import { describe, expect, it } from 'vitest';
import { as, codes, count, post, send, upsertTeam, useScannerApi } from '../support/scanner-api.js';

useScannerApi();

describe('document limits, with a key', () => {
  async function expectRefused(query: string, message: RegExp) {
    const answer = await post(query, {}, as('admin'));
    expect(answer.status).toBeLessThan(500);
    const data = answer.body?.data;
    expect(data === undefined ? 'no data' : `data with ${Object.keys(data ?? {}).length} fields`).toBe('no data');
    expect(answer.body?.errors?.[0]?.message).toMatch(message);
    return answer;
  }

  it('refuses 16 aliases of a field (alias overloading), naming the limit', async () => {
    await expectRefused(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: teams { totalCount }`).join(' ')} }`, /aliases limit of 15/i);
  });

  it("refuses graphql-cop's alias overloading probe: 101 aliases of __typename", async () => {
    await expectRefused(`query { ${Array.from({ length: 101 }, (_, i) => `alias${i}:__typename \n`).join('')} }`, /aliases limit of 15/i);
  });

  it('refuses directive overloading (50 × @include on __typename), naming the limit', async () => {
    await expectRefused(`{ ${'__typename @include(if: true) '.repeat(50)} }`, /directives limit of 20/i);
    await expectRefused(`{ __typename ${'@include(if: true) '.repeat(50)} }`, /directives limit of 20/i);
  });

  it('refuses nesting deeper than 12, naming the limit', async () => {
    let selection = 'subject';
    for (let i = 0; i < 5; i++) selection = `customer { tickets(first: 1) { edges { node { ${selection} } } } }`;
    await expectRefused(`{ tickets(first: 1) { edges { node { ${selection} } } } }`, /depth limit of 12/i);
  });

  it('refuses a huge document (more than 5000 tokens), naming the limit', async () => {
    await expectRefused(`{ teams { ${'totalCount '.repeat(5001)} } }`, /token limit of 5000/i);
  });

  it('refuses an operation over the cost limit, naming it', async () => {
    const scalars = 'subject priority status channel category createdAt resolvedAt firstResponseAt reopenCount externalId id';
    const nested = 'customer { tickets(first: 100) { edges { node { ...T assignee { tickets { edges { node { ...T } } } } } } } }';
    const roots = ['a', 'b', 'c', 'd'].map((alias) => `${alias}: tickets(first: 100) { edges { node { ...L } } }`).join(' ');
    await expectRefused(`fragment T on Ticket { ${scalars} } fragment L on Ticket { ${nested} } { ${roots} }`, /cost limit of 20000/i);
  });

  it('refuses circular fragments with a validation error, and serves the next request', async () => {
    const answer = await expectRefused(
      'fragment A on Query { ...B } fragment B on Query { ...A } { ...A }',
      /Cannot spread fragment "A" within itself/,
    );
    expect(codes(answer)).toContain('GRAPHQL_VALIDATION_FAILED');
    const next = await post('{ teams { totalCount } }', {}, as('admin'));
    expect(next.body?.data.teams.totalCount).toBeGreaterThan(0);
  });

  it('answers a syntax error without exception details (graphql-cop "unhandled error")', async () => {
    const answer = await post('qwerty cop { abc }', {}, as('admin'));
    expect(answer.status).toBeLessThan(500);
    expect(codes(answer)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(answer.text).not.toMatch(/exception|stacktrace|tracing/i);
  });
});

describe('batching', () => {
  it('refuses a JSON array of 10 operations (4xx) and executes none of them', async () => {
    const teams = await count('team');
    const batch = Array.from({ length: 10 }, (_, i) => ({ query: upsertTeam(`batch-${i}`) }));
    const answer = await send({
      method: 'POST',
      headers: { 'content-type': 'application/json', ...as('writer') },
      body: JSON.stringify(batch),
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(Array.isArray(answer.body)).toBe(false);
    expect(answer.body?.errors?.[0]?.message).toMatch(/batching/i);
    expect(await count('team')).toBe(teams);
  });
});
