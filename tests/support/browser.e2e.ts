/**
 * Self-test of the browser harness: the server starts from dist/web, Chromium opens it on a phone and
 * a desktop viewport, a session made over HTTP signs a page in, and screenshots are written.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type E2E, PHONE, startE2E } from './browser.js';

describe('browser harness', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('serves the built web app and the API on one origin', async () => {
    const health = await fetch(`${e2e.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: { kind: 'pglite', reachable: true } });

    const index = await fetch(`${e2e.baseUrl}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('opens the app on a phone and a desktop, signed in, and saves screenshots', async () => {
    const admin = await e2e.setup();
    expect(admin.me.user.role).toBe('admin');

    for (const [kind, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      const page = kind === 'phone' ? await e2e.newPhonePage({ session: admin }) : await e2e.newDesktopPage({ session: admin });
      const response = await page.goto('/');
      expect(response?.status()).toBe(200);
      expect(page.viewportSize()).toEqual(viewport);

      // The page's own fetches carry the session cookie set by the harness.
      const me = await page.evaluate(async () => {
        const res = await fetch('/api/auth/me');
        return { status: res.status, body: await res.json() };
      });
      expect(me.status).toBe(200);
      expect(me.body.user.username).toBe(admin.me.user.username);

      const file = await e2e.screenshot(page, `harness-${kind}`);
      expect(existsSync(file)).toBe(true);
    }
  });
});
