// What GraphQL security scanners (graphql-cop and the like) probe about who may ask: introspection
// without and with a key, and every way of sending no valid key. The scanned API is production-like
// (test/support/scanner-api.ts).
import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../../server/auth/api-keys.js';
import { as, codes, expectUnauthenticated, post, scanner, send, useScannerApi } from '../support/scanner-api.js';

useScannerApi();

describe('introspection', () => {
  it('is refused without a key: 401, UNAUTHENTICATED, no data', async () => {
    const answer = await post(getIntrospectionQuery());
    expectUnauthenticated(answer, /Authorization: Bearer <key>/);
    expect(answer.text).not.toContain('__schema');
  });

  it('works with a valid key (BI tools need it)', async () => {
    const answer = await post(getIntrospectionQuery({ descriptions: true }), {}, as('kpiReader'));
    expect(answer.status).toBe(200);
    expect(answer.body?.errors).toBeUndefined();
    expect(answer.body?.data.__schema.queryType.name).toBe('Query');
    expect(answer.body?.data.__schema.types.length).toBeGreaterThan(25);
  });

  it('refuses circular introspection (graphql-cop)', async () => {
    const answer = await post(
      'query { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }',
      {},
      as('admin'),
    );
    expect(answer.status).toBeLessThan(500);
    expect(answer.body?.data).toBeUndefined();
    expect(codes(answer)).toContain('GRAPHQL_VALIDATION_FAILED');
  });

  it('does not serve GraphiQL to browsers in production', async () => {
    const answer = await send({ method: 'GET', headers: { accept: 'text/html' } });
    expect(answer.text).not.toMatch(/graphiql/i);
  });
});

describe('authentication', () => {
  const query = '{ teams { totalCount } }';

  it('refuses a request without a key: 401 with WWW-Authenticate: Bearer and what to do', async () => {
    expectUnauthenticated(await post(query), /send the header "Authorization: Bearer <key>"/);
  });

  it.each([
    ['Basic x', 'Basic x'],
    ['Bearer alone', 'Bearer'],
    ['another scheme', 'Token dq_abc'],
    ['two keys', 'Bearer dq_a, Bearer dq_b'],
    ['10 KB with a second word', `Bearer ${'x'.repeat(10_000)} extra`],
  ])('refuses a malformed Authorization header (%s): 401, never 500', async (_label, header) => {
    expectUnauthenticated(await post(query, {}, { authorization: header }), /Bearer <key>|not valid/);
  });

  it('refuses "Bearer  not-a-key" and a well-formed unknown key: 401 saying what to do', async () => {
    expectUnauthenticated(await post(query, {}, { authorization: 'Bearer  not-a-key' }), /not valid.*ask an administrator/);
    const unknown = `dq_${Buffer.alloc(32, 7).toString('base64url')}`;
    expect(unknown).toMatch(/^dq_[A-Za-z0-9_-]{43}$/);
    expectUnauthenticated(await post(query, {}, { authorization: `Bearer ${unknown}` }), /not valid.*ask an administrator/);
  });

  it('refuses a revoked key at once: 401 saying it was revoked', async () => {
    const doomed = await createApiKey(scanner.api.db.sql, { name: 'doomed', scopes: ['kpis:read'] });
    const headers = { authorization: `Bearer ${doomed.key}` };
    expect((await post(query, {}, headers)).status).toBe(200);
    await revokeApiKey(scanner.api.db.sql, doomed.id);
    expectUnauthenticated(await post(query, {}, headers), /revoked.*ask an administrator for a new one/);
  });

  it('answers an unauthenticated caller 401 before any validation (no limit or suggestion messages)', async () => {
    const probes = [
      `{ ${Array.from({ length: 101 }, (_, i) => `a${i}: teams { totalCount }`).join(' ')} }`,
      `{ __typename ${'@include(if: true) '.repeat(50)} }`,
      `{ teams { ${'totalCount '.repeat(5001)} } }`,
      'fragment A on Query { ...B } fragment B on Query { ...A } { ...A }',
      '{ tickts { totalCount } }',
      'qwerty cop { abc }',
    ];
    for (const probe of probes) {
      const answer = await post(probe);
      expectUnauthenticated(answer, /Authorization: Bearer <key>/);
      expect(answer.text).not.toMatch(/limit|Did you mean|Syntax Error|fragment/i);
    }
  });
});
