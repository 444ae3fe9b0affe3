/**
 * What the server lets out of its hands: API answers are not kept by browsers or proxies, large ZIP
 * bodies are taken by the bundle import only, a ZIP bomb is refused unread, and request lines are
 * logged without the query strings that carry names and NIKs.
 */
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, expectError, nextClientAddress, type TestApp, type TestSession } from '../../../tests/support/app.js';
import { buildShelterWorld } from '../../../tests/support/shelter-fixtures.js';
import { requestForLog } from '../app.js';

async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('what the server lets out', () => {
  let app: TestApp;
  let officer: TestSession;
  let head: TestSession;
  beforeAll(async () => {
    app = await createTestApp();
    ({ officer, head } = await buildShelterWorld(app));
  });
  afterAll(() => app?.close());

  it('API answers with personal data are never stored by a browser or proxy; the public JSON keeps its own caching', async () => {
    const cases = await api(app, officer).get('/api/cases');
    expect(cases.statusCode).toBe(200);
    expect(cases.headers['cache-control']).toBe('private, no-store');
    const refused = await api(app, null).get('/api/cases');
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['cache-control']).toBe('private, no-store');
    expect((await app.inject({ method: 'GET', url: '/healthz' })).headers['cache-control']).toBeUndefined();
  });

  it('a ZIP body is taken by the bundle import only: anywhere else it is refused as a type, not read', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024);
    const res = await app.inject({ method: 'POST', url: '/api/intakes', payload: big, headers: { 'content-type': 'application/zip' }, remoteAddress: nextClientAddress() });
    expect(res.statusCode).toBe(415);
  });

  it('a bundle of too many files is refused before it is unpacked', async () => {
    const files = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`f${i}.csv`, 'id\n']));
    const res = await app.inject({
      method: 'POST',
      url: '/api/interchange/import',
      payload: await zipOf(files),
      headers: { 'content-type': 'application/zip', cookie: head.cookie, 'x-csrf-token': head.csrfToken },
    });
    expect(expectError(res, 400)).toMatchObject({ code: 'interchange.invalid_bundle', message: expect.stringContaining('lebih dari 64 berkas') });
  });

  it('a request line is logged without its query string', () => {
    expect(requestForLog({ method: 'GET', url: '/api/clients/nik-check?nik=3574011204860001&birthDate=1986-04-12', ip: '10.0.0.7' })).toEqual({
      method: 'GET',
      url: '/api/clients/nik-check',
      remoteAddress: '10.0.0.7',
    });
  });
});
