/**
 * Smoke test: the real app on a fresh test database answers, sees its database, and starts out
 * waiting for first-run setup. It fails whenever the database or app harness breaks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, expectError, expectJson, login, setupInstance, type TestApp } from './support/app.js';
import { testDbKind } from './support/env.js';
import { ADMIN } from './support/fixtures.js';

describe(`smoke (${testDbKind()})`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('GET /healthz reports the database reachable', async () => {
    const health = expectJson<{ status: string; database: { kind: string; reachable: boolean } }>(await api(app).get('/healthz'), 200);
    expect(health).toEqual({ status: 'ok', database: { kind: testDbKind(), reachable: true } });
  });

  it('a fresh database needs setup', async () => {
    const status = expectJson<{ needsSetup: boolean }>(await api(app).get('/api/setup/status'), 200);
    expect(status).toEqual({ needsSetup: true });
  });

  it('setup signs the administrator in, and then closes', async () => {
    const admin = await setupInstance(app);
    expect(admin.me.user.role).toBe('admin');
    expect(admin.adminCookie).toMatch(/^singgah_session=/);

    const me = expectJson<{ user: { username: string } }>(await api(app, admin.session).get('/api/auth/me'), 200);
    expect(me.user.username).toBe(admin.admin.username);
    expect(expectJson<{ needsSetup: boolean }>(await api(app).get('/api/setup/status'), 200)).toEqual({ needsSetup: false });

    // A second setup is refused.
    expect(expectError(await api(app).post('/api/setup', admin.body), 409).code).toBe('setup.closed');
  });

  it('a write without the CSRF token is refused', async () => {
    const admin = await login(app, ADMIN.username, ADMIN.password);
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: admin.cookie }, payload: {} });
    expect(expectError(res, 403).code).toBe('auth.csrf');
  });
});
