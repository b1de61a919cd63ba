// What GraphQL security scanners probe through GET and browser-sendable POSTs: mutations over GET
// and the CSRF header. The scanned API is production-like (test/support/scanner-api.ts).
import { describe, expect, it } from 'vitest';
import { createDeskqlYoga, CSRF_HEADER } from '../../server/yoga.js';
import { as, count, DEMO, get, post, scanner, send, teamExists, upsertTeam, useScannerApi } from '../support/scanner-api.js';

useScannerApi();

describe('GET and CSRF', () => {
  const csrf = { [CSRF_HEADER]: '1' };

  it('refuses a mutation sent with GET (405 or 4xx), writing nothing', async () => {
    const teams = await count('team');
    const answer = await get(upsertTeam('get-mutation'), { ...as('admin'), ...csrf });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body?.data).toBeUndefined();
    expect(await count('team')).toBe(teams);
    expect(await teamExists('get-mutation')).toBe(false);
  });

  it('refuses a GET query without the CSRF header: 403', async () => {
    const answer = await get('{ teams { totalCount } }', as('admin'));
    expect(answer.status).toBe(403);
    expect(answer.body?.data).toBeUndefined();
  });

  it('serves a GET query with the CSRF header and a key', async () => {
    const answer = await get('{ teams { totalCount } }', { ...as('admin'), ...csrf });
    expect(answer.status).toBe(200);
    expect(answer.body?.data.teams.totalCount).toBeGreaterThan(0);
  });

  it('serves a POST application/json with a key', async () => {
    const answer = await post('{ teams { totalCount } }', {}, as('admin'));
    expect(answer.status).toBe(200);
    expect(answer.body?.data.teams.totalCount).toBeGreaterThan(0);
  });

  it.each([
    ['application/x-www-form-urlencoded', (q: string) => `query=${encodeURIComponent(q)}`],
    ['text/plain', (q: string) => JSON.stringify({ query: q })],
    [
      'multipart/form-data; boundary=xyz',
      (q: string) => `--xyz\r\nContent-Disposition: form-data; name="query"\r\n\r\n${q}\r\n--xyz--\r\n`,
    ],
  ])('refuses a POST with content-type %s (what a form on another site sends), executing nothing', async (contentType, encode) => {
    const externalId = `form-${contentType.split(/[/;]/)[1]}`;
    const teams = await count('team');
    for (const headers of [as('admin'), {}]) {
      const answer = await send({
        method: 'POST',
        headers: { 'content-type': contentType, ...headers },
        body: encode(upsertTeam(externalId)),
      });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.body?.data).toBeUndefined();
    }
    // The embedded demo (anonymous reads) refuses it too.
    const demo = createDeskqlYoga({ db: scanner.api.db, ...DEMO });
    const fromDemo = await send(
      { method: 'POST', headers: { 'content-type': contentType }, body: encode('{ tickets { totalCount } }') },
      demo,
    );
    expect(fromDemo.status).toBe(403);
    expect(await count('team')).toBe(teams);
    expect(await teamExists(externalId)).toBe(false);
  });
});
