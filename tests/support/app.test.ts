/**
 * Self-test of the app harness: setup, login, the request helpers and the factories work against
 * the real app, and enough users can be signed in within one file without tripping rate limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserView } from '../../src/shared/contracts/users.js';
import {
  api,
  buildOrganization,
  buildUser,
  buildUserSession,
  createTestApp,
  expectError,
  expectJson,
  listen,
  login,
  type SetupResult,
  setupInstance,
  type TestApp,
} from './app.js';
import { testDbKind } from './env.js';

describe(`app harness (${testDbKind()})`, () => {
  let app: TestApp;
  let admin: SetupResult;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await setupInstance(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('exposes the database and configuration the app runs on', async () => {
    expect(app.testDatabase.kind).toBe(testDbKind());
    await app.testDatabase.ping();
    expect(app.testConfig.databaseUrl).toBeUndefined();
  });

  it('signs the administrator in again with login()', async () => {
    const session = await login(app, admin.admin.username, admin.admin.password);
    expect(session.me.user.id).toBe(admin.me.user.id);
    expect(session.cookie).not.toBe(admin.adminCookie);
  });

  it('creates organizations and users, and signs many users in', async () => {
    const unit = await buildOrganization(app, admin.session);
    expect(unit.kind).toBe('unit');

    const plain = await buildUser(app, admin.session, { role: 'viewer', organizationId: unit.id });
    expect(plain.user).toMatchObject({ role: 'viewer', organizationId: unit.id, mustChangePassword: true });

    // More sign-ins and password changes than the per-IP rate limits allow from one address.
    const sessions = [];
    for (let i = 0; i < 12; i++) {
      sessions.push(await buildUserSession(app, admin.session, { role: 'social_worker' }));
    }
    for (const { session, user } of sessions) {
      expect(session.me.user.id).toBe(user.id);
      expect(session.me.user.mustChangePassword).toBe(false);
    }

    const list = expectJson<{ items: UserView[]; total: number }>(await api(app, admin.session).get('/api/users', { query: { limit: 200 } }), 200);
    expect(list.total).toBeGreaterThanOrEqual(14);
  });

  it('sends the session cookie and the CSRF token with writes', async () => {
    const session = await login(app, admin.admin.username, admin.admin.password);
    expect(expectJson(await api(app, session).post('/api/auth/logout'), 200)).toEqual({ ok: true });
    // The session is gone afterwards.
    expect(expectError(await api(app, session).get('/api/auth/me'), 401).code).toBeTruthy();
  });

  it('serves real HTTP with listen()', async () => {
    const other = await createTestApp();
    try {
      const baseUrl = await listen(other);
      const res = await fetch(`${baseUrl}/api/setup/status`);
      expect(await res.json()).toEqual({ needsSetup: true });
    } finally {
      await other.close();
    }
  });
});
