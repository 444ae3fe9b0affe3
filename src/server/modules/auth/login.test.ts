import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUserSession, createTestApp, expectError, login, nextClientAddress, request, setupInstance, type TestApp } from '../../../../tests/support/app.js';

/** Wrong passwords lock an account for a while; the count holds when guesses arrive all at once. */
describe('login lockout', () => {
  let app: TestApp;
  let admin: Awaited<ReturnType<typeof setupInstance>>['session'];

  beforeAll(async () => {
    app = await createTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' } });
    admin = (await setupInstance(app)).session;
  });
  afterAll(() => app?.close());

  const attempt = (username: string, password: string) =>
    request(app, null, 'POST', '/api/auth/login', { username, password }, { remoteAddress: nextClientAddress() });

  it('locks the account at the third wrong password, and says for how long, even to the right one', async () => {
    const { username, password } = await buildUserSession(app, admin, { role: 'social_worker' });
    for (let i = 0; i < 2; i++) expect(expectError(await attempt(username, 'salah-sandi'), 401).code).toBe('auth.invalid_credentials');
    // Not locked yet: the right password still works, and starts the count again.
    await login(app, username, password);
    for (let i = 0; i < 3; i++) expectError(await attempt(username, 'salah-sandi'), 401);
    const locked = expectError(await attempt(username, password), 423);
    expect(locked.code).toBe('auth.locked');
    expect(locked.message).toContain('15');
  });

  it('counts every wrong password of a burst sent at once', async () => {
    const { username, password } = await buildUserSession(app, admin, { role: 'social_worker' });
    const burst = await Promise.all(Array.from({ length: 8 }, () => attempt(username, 'tebak-tebakan')));
    expect(burst.map((res) => res.statusCode).every((status) => status === 401 || status === 423)).toBe(true);
    expect(expectError(await attempt(username, password), 423).code).toBe('auth.locked');
  });
});
