/**
 * The worklist drawn by the server (src/server/http/first-screen.ts) in a real browser: readable and
 * usable before the app's code has run (here: with script switched off), then replaced by the app's
 * own page with the same cases, started on the data in the page (no second request for it), without
 * a Content-Security-Policy complaint about the script loader, at both sizes; a search typed into the
 * drawn page before the app took over is kept.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/shared/i18n/index.js';
import { apiAs, type E2E, type HttpSession, startE2E } from '../support/browser.js';

const id = (key: string, vars?: Record<string, unknown>) => translate('id', key, vars);

/** Browser noise that is expected: none here but a 401 of a signed-out check. */
function unexpectedErrors(e2e: E2E, page: Page): string[] {
  return e2e.pageErrors(page).filter((line) => !/status of 401/.test(line));
}

const CLIENTS = [
  { name: 'Pak Darto Wiyono', aliases: ['Mbah Darto'], categories: ['ppks_11'] },
  { name: 'Bu Sulastri', aliases: [], categories: ['ppks_12', 'ppks_06'] },
  { name: 'Anak laki-laki kaos merah', aliases: [], categories: ['ppks_04'] },
];

describe('the worklist drawn by the server', () => {
  let e2e: E2E;
  let officer: HttpSession;
  /** Case numbers, newest first (the open list's order). */
  let numbers: string[];

  beforeAll(async () => {
    e2e = await startE2E();
    const admin = await e2e.setup();
    const orgs = await apiAs<{ items: { id: string; kind: string }[] }>(e2e, admin, 'GET', '/organizations');
    const unitId = orgs.items.find((o) => o.kind === 'unit')?.id;
    await apiAs(e2e, admin, 'POST', '/users', { name: 'Siti Aminah', username: 'siti.shelter', role: 'shelter_officer', organizationId: unitId, password: 'sementara-siti-1' });
    const first = await e2e.login('siti.shelter', 'sementara-siti-1');
    await apiAs(e2e, first, 'POST', '/auth/password', { currentPassword: 'sementara-siti-1', newPassword: 'siti-password-2026' });
    officer = await e2e.login('siti.shelter', 'siti-password-2026');
    numbers = [];
    for (const [i, client] of CLIENTS.entries()) {
      const arrivedAt = Date.now() - (CLIENTS.length - i) * 3_600_000;
      const created = await apiAs<{ caseNumber: string }>(e2e, officer, 'POST', '/intakes', {
        organizationId: unitId,
        source: 'community_complaint',
        arrivedAt: new Date(arrivedAt).toISOString(),
        categories: client.categories,
        client: { name: client.name, aliases: client.aliases, nameQuality: 'partial', sex: 'male', estimatedAge: 40 },
      });
      numbers.unshift(created.caseNumber);
    }
  }, 120_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it('[FIRST_SCREEN][NO_SCRIPT]: on a phone without script the worklist reads, its lists, search and links work', async () => {
    const page = await e2e.newPhonePage({ session: officer, javaScriptEnabled: false });
    await page.goto('/cases');
    const cards = page.getByTestId('first-screen-card');
    await expect(cards.count()).resolves.toBe(CLIENTS.length);
    // Newest first, as the app lists them, each with its client, category and current stage.
    for (const [i, number] of numbers.entries()) await expect(cards.nth(i).textContent()).resolves.toContain(number);
    const darto = cards.filter({ hasText: 'Pak Darto Wiyono' });
    await expect(darto.textContent()).resolves.toContain(id('casesWeb.aka', { names: 'Mbah Darto' }));
    await expect(darto.textContent()).resolves.toContain(id('ppks.ppks_11'));
    await expect(darto.textContent()).resolves.toContain(id('casesWeb.list.currentStage'));
    await expect(page.getByTestId('first-screen-total').textContent()).resolves.toBe(id('casesWeb.list.total', { count: CLIENTS.length }));
    // The note says what works without script, not that nothing does.
    // (Playwright's text locators skip <noscript>, so the note is found by its class.)
    await expect(page.locator('noscript .fs-noscript').textContent()).resolves.toBe(id('casesWeb.list.noScript'));
    await expect(page.locator('.fs-noscript').isVisible()).resolves.toBe(true);
    // …and no progress bar runs for an app that will not load.
    await expect(page.locator('.boot-progress').isVisible()).resolves.toBe(false);
    await expect(page.content()).resolves.not.toContain('Singgah memerlukan JavaScript.');
    await e2e.screenshot(page, 'first-screen-worklist-no-script-phone');

    // Another list is a link: the closed list is empty.
    await page.getByRole('link', { name: id('casesWeb.lists.closed') }).click();
    await page.waitForURL('**/cases?list=closed');
    await page.getByText(id('casesWeb.list.empty.closed')).waitFor();
    await expect(page.getByTestId('first-screen-card').count()).resolves.toBe(0);

    // The search is a form: it sends the list along.
    await page.getByRole('link', { name: id('casesWeb.lists.open') }).click();
    await page.getByRole('searchbox', { name: id('casesWeb.list.search') }).fill('sulastri');
    await page.getByRole('searchbox', { name: id('casesWeb.list.search') }).press('Enter');
    await page.waitForURL(/q=sulastri/);
    await expect(page.getByTestId('first-screen-card').count()).resolves.toBe(1);
    await expect(page.getByTestId('first-screen-card').textContent()).resolves.toContain('Bu Sulastri');

    // A card opens its case.
    await page.getByTestId('first-screen-card').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  });

  for (const kind of ['phone', 'desktop'] as const) {
    it(`[FIRST_SCREEN][TAKEOVER]: on a ${kind} the app replaces the drawn worklist with the same cases, from the page's own data`, async () => {
      const page = kind === 'phone' ? await e2e.newPhonePage({ session: officer }) : await e2e.newDesktopPage({ session: officer });
      const worklistRequests: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/cases') worklistRequests.push(request.url());
      });
      const document = page.waitForResponse((response) => new URL(response.url()).pathname === '/cases');
      await page.goto('/cases');
      const html = await (await document).text();
      // The page as it arrived had the cases drawn, in the order the app shows them.
      const drawn = [...html.matchAll(/data-testid="first-screen-(?:card|row)"[\s\S]*?(RS-\d{4}-\d{4})/g)].map((match) => match[1]);
      expect(drawn.slice(0, numbers.length)).toEqual(numbers);

      const appItems = page.getByTestId(kind === 'phone' ? 'case-card' : 'case-row');
      await appItems.nth(numbers.length - 1).waitFor();
      await expect(page.getByTestId('first-screen').count()).resolves.toBe(0);
      const shown = await appItems.allTextContents();
      expect(shown.map((text) => /RS-\d{4}-\d{4}/.exec(text)?.[0])).toEqual(numbers);
      // The app started on the data in the page: it did not ask for the worklist again.
      expect(worklistRequests).toEqual([]);
      // No script refused by the Content-Security-Policy (the loader is allowed by its hash), no error.
      expect(unexpectedErrors(e2e, page)).toEqual([]);
      await e2e.screenshot(page, `first-screen-worklist-app-${kind}`);
    });
  }

  it('[FIRST_SCREEN][SEARCH_KEPT]: a search typed before the app took over is kept and applied', async () => {
    const page = await e2e.newPhonePage({ session: officer });
    // Hold the app's entry script back until the search is typed into the drawn page.
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    // The held script delays the page's load event, so only wait for the document.
    await page.goto('/cases', { waitUntil: 'domcontentloaded' });
    await page.getByRole('searchbox', { name: id('casesWeb.list.search') }).fill('darto');
    release();
    await page.waitForURL(/[?&]q=darto/);
    const cards = page.getByTestId('case-card');
    await cards.first().waitFor();
    await expect.poll(() => cards.count()).toBe(1);
    await expect(cards.first().textContent()).resolves.toContain('Pak Darto Wiyono');
    await expect(page.getByRole('searchbox', { name: id('casesWeb.list.search') }).inputValue()).resolves.toBe('darto');
    expect(unexpectedErrors(e2e, page)).toEqual([]);
  });
});
