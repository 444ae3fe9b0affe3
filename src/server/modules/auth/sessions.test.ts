/**
 * The session hook on every API request: a live session signs the request in; an expired one, one of
 * a deactivated user, or a deleted one does not; writes need the session's CSRF token and a same-site
 * Origin; the idle window slides at most once a minute.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeResponse } from '../../../shared/contracts/auth.js';
import { api, buildUserSession, createTestApp, expectError, expectJson, request, type SetupResult, setupInstance, type TestApp } from '../../../../tests/support/app.js';
import { testDbKind } from '../../../../tests/support/env.js';
import { hashToken } from './sessions.repository.js';

describe(`sessions (${testDbKind()})`, () => {
  let app: TestApp;
  let admin: SetupResult;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await setupInstance(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  const tokenOf = (cookie: string) => hashToken(cookie.split('=')[1]);
  const sessionRow = async (cookie: string) => {
    const result = (await app.testDatabase.db.execute(sql`select last_seen_at, expires_at from sessions where token_hash = ${tokenOf(cookie)}`)) as unknown as {
      rows: { last_seen_at: string | Date; expires_at: string | Date }[];
    };
    return result.rows[0];
  };

  it('signs a request in with a live session and names its user and organization', async () => {
    const { session, user } = await buildUserSession(app, admin.session, { role: 'shelter_officer' });
    const me = expectJson<MeResponse>(await api(app, session).get('/api/auth/me'), 200);
    expect(me.user).toMatchObject({ id: user.id, role: 'shelter_officer', organization: { id: admin.me.user.organization.id } });
  });

  it('refuses an expired session, as judged by the database clock', async () => {
    const { session } = await buildUserSession(app, admin.session, { role: 'social_worker' });
    await app.testDatabase.db.execute(sql`update sessions set expires_at = now() - interval '1 second' where token_hash = ${tokenOf(session.cookie)}`);
    expectError(await api(app, session).get('/api/auth/me'), 401);
  });

  it("refuses the session of a deactivated user, and a deleted session", async () => {
    const { session, user } = await buildUserSession(app, admin.session, { role: 'social_worker' });
    expectJson(await api(app, session).get('/api/auth/me'), 200);
    await app.testDatabase.db.execute(sql`update users set is_active = false where id = ${user.id}`);
    expectError(await api(app, session).get('/api/auth/me'), 401);

    const other = await buildUserSession(app, admin.session, { role: 'social_worker' });
    await app.testDatabase.db.execute(sql`delete from sessions where token_hash = ${tokenOf(other.session.cookie)}`);
    expectError(await api(app, other.session).get('/api/auth/me'), 401);
  });

  it('requires the CSRF token of the same session on writes, and a same-site Origin', async () => {
    const { session } = await buildUserSession(app, admin.session, { role: 'social_worker' });
    const other = await buildUserSession(app, admin.session, { role: 'social_worker' });
    const body = { language: 'en' };
    const without = await request(app, null, 'PUT', '/api/auth/language', body, { headers: { cookie: session.cookie } });
    expect(expectError(without, 403).code).toBe('auth.csrf');
    const wrong = await request(app, null, 'PUT', '/api/auth/language', body, { headers: { cookie: session.cookie, 'x-csrf-token': other.session.csrfToken } });
    expect(expectError(wrong, 403).code).toBe('auth.csrf');
    const crossSite = await request(app, session, 'PUT', '/api/auth/language', body, { headers: { origin: 'https://evil.example' } });
    expect(expectError(crossSite, 403).code).toBe('auth.csrf');
    expect(expectJson(await api(app, session).put('/api/auth/language', body), 200)).toEqual({ ok: true });
    expect(expectJson<MeResponse>(await api(app, session).get('/api/auth/me'), 200).user.language).toBe('en');
  });

  it('slides the idle window at most once a minute', async () => {
    const { session } = await buildUserSession(app, admin.session, { role: 'social_worker' });
    const before = await sessionRow(session.cookie);
    expectJson(await api(app, session).get('/api/auth/me'), 200);
    // Seen less than a minute ago: the row is left alone.
    expect(new Date((await sessionRow(session.cookie)).expires_at).getTime()).toBe(new Date(before.expires_at).getTime());

    await app.testDatabase.db.execute(sql`update sessions set last_seen_at = now() - interval '2 minutes' where token_hash = ${tokenOf(session.cookie)}`);
    const res = await api(app, session).get('/api/auth/me');
    expectJson(res, 200);
    const after = await sessionRow(session.cookie);
    expect(new Date(after.expires_at).getTime()).toBeGreaterThan(new Date(before.expires_at).getTime());
    expect(Date.now() - new Date(after.last_seen_at).getTime()).toBeLessThan(60_000);
    expect(String(res.headers['set-cookie'])).toContain('singgah_session=');
  });
});
