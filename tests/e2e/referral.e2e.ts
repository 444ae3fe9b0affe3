/**
 * A referral between two people in two browsers: a social worker at the shelter (desktop) writes and
 * sends a referral to a panti; the panti's officer (on a phone) accepts it and confirms the client's
 * arrival; the shelter's open page shows each answer without reloading. Also looks at the
 * institution directory and the field report form on both screen sizes.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src/shared/contracts/cases.js';
import { translate } from '../../src/shared/i18n/index.js';
import { apiAs, type E2E, type HttpSession, startE2E } from '../support/browser.js';

const id = (key: string, vars?: Record<string, unknown>) => translate('id', key, vars);

function unexpectedErrors(e2e: E2E, page: Page): string[] {
  return e2e.pageErrors(page).filter((line) => !/status of 401/.test(line));
}

async function createUser(e2e: E2E, admin: HttpSession, organizationId: string, name: string, username: string, role: string): Promise<HttpSession> {
  const temporary = `sementara-${username}-1`;
  const password = `${username}-password-2026`;
  await apiAs(e2e, admin, 'POST', '/users', { name, username, role, organizationId, password: temporary });
  const first = await e2e.login(username, temporary);
  await apiAs(e2e, first, 'POST', '/auth/password', { currentPassword: temporary, newPassword: password });
  return e2e.login(username, password);
}

async function shot(e2e: E2E, page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(150);
  return e2e.screenshot(page, name);
}

const statusOf = (page: Page) => page.getByTestId('referral-status').first();

describe('referral between the shelter and a panti', () => {
  let e2e: E2E;
  let admin: HttpSession;
  let worker: HttpSession;
  let partner: HttpSession;
  let pillar: HttpSession;
  let unitId: string;
  let pantiId: string;
  let kase: CaseDetail;

  beforeAll(async () => {
    e2e = await startE2E();
    admin = await e2e.setup();
    const orgs = await apiAs<{ items: { id: string; kind: string }[] }>(e2e, admin, 'GET', '/organizations');
    unitId = orgs.items.find((o) => o.kind === 'unit')!.id;
    const regencyId = orgs.items.find((o) => o.kind === 'regency')!.id;
    pantiId = (await apiAs<{ id: string }>(e2e, admin, 'POST', '/organizations', { parentId: regencyId, kind: 'partner', partnerType: 'panti', name: 'Panti Bina Laras Harapan' })).id;
    worker = await createUser(e2e, admin, unitId, 'Rahmat Hidayat', 'rahmat.peksos', 'social_worker');
    partner = await createUser(e2e, admin, pantiId, 'Dewi Lestari', 'dewi.panti', 'partner_officer');
    pillar = await createUser(e2e, admin, regencyId, 'Bagus Santoso', 'bagus.tksk', 'social_pillar');
    await apiAs(e2e, admin, 'PUT', `/institutions/${pantiId}`, { services: ['guidance'], categories: ['local_psychotic_homeless'], capacity: 60, contacts: [{ name: 'Dewi Lestari', role: 'Pekerja Sosial', phone: '0812 3456 7890' }] });
    kase = await apiAs<CaseDetail>(e2e, worker, 'POST', '/intakes', {
      organizationId: unitId,
      source: 'police',
      arrivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      categories: ['local_psychotic_homeless'],
      client: { name: 'Pak Darmo', sex: 'male', estimatedAge: 45 },
    });
  }, 180_000);
  afterAll(() => e2e?.close());

  it('the shelter sends, the panti accepts and confirms arrival, and the shelter sees it live', async () => {
    const shelter = await e2e.newDesktopPage({ session: worker });
    await shelter.goto(`/referrals/new?caseId=${kase.id}&to=${pantiId}`);
    await shelter.getByRole('heading', { name: id('referrals.web.new') }).waitFor();
    await shelter.getByLabel(new RegExp(`^${id('referrals.web.reason')}`)).fill('Klien psikotik, perlu rehabilitasi sosial jangka panjang di panti');
    await shelter.getByTestId('referral-create').click();
    await shelter.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    expect(await statusOf(shelter).getAttribute('data-status')).toBe('draft');
    await shelter.getByTestId('action-send').click();
    await statusOf(shelter).and(shelter.locator('[data-status="sent"]')).waitFor();
    await shot(e2e, shelter, 'referral-shelter-sent-desktop');

    const panti = await e2e.newPhonePage({ session: partner });
    await panti.goto('/referrals');
    await panti.getByRole('heading', { name: id('referrals.web.inboxTitle') }).waitFor();
    await shot(e2e, panti, 'referral-panti-inbox-phone');
    await panti.getByTestId('referral-card').filter({ hasText: 'Pak Darmo' }).click();
    await panti.getByTestId('action-accept').click();
    await panti.locator('[data-testid="referral-status"][data-status="accepted"]').first().waitFor();

    // The shelter's page, untouched since sending, now shows the answer.
    await shelter.locator('[data-testid="referral-status"][data-status="accepted"]').first().waitFor({ timeout: 15_000 });

    await panti.getByTestId('action-hand_over').click();
    const dialog = panti.getByRole('dialog');
    await dialog.getByLabel(new RegExp(`^${id('referrals.web.receivedBy')}`)).fill('Dewi Lestari');
    await dialog.getByTestId('confirm-hand_over').click();
    await dialog.waitFor({ state: 'detached' });
    await panti.locator('[data-testid="referral-status"][data-status="handed_over"]').first().waitFor();
    await panti.getByPlaceholder(id('referrals.web.writeMessage')).fill('Klien sudah tiba dan beristirahat.');
    await panti.getByTestId('send-message').click();
    await panti.getByTestId('referral-thread').getByText('Klien sudah tiba dan beristirahat.').waitFor();
    await shot(e2e, panti, 'referral-panti-detail-phone');

    await shelter.locator('[data-testid="referral-status"][data-status="handed_over"]').first().waitFor({ timeout: 15_000 });
    await shelter.getByTestId('referral-thread').getByText('Klien sudah tiba dan beristirahat.').waitFor({ timeout: 15_000 });
    await shelter.getByText(/diterima oleh Dewi Lestari/).waitFor();
    await shot(e2e, shelter, 'referral-shelter-handed-over-desktop');

    // The panti cannot open the case itself.
    await panti.goto(`/cases/${kase.id}`);
    await panti.getByRole('heading', { name: id('web.forbidden.title') }).waitFor();
    expect(unexpectedErrors(e2e, shelter)).toEqual([]);
    expect(unexpectedErrors(e2e, panti).filter((l) => !/status of 40[34]/.test(l))).toEqual([]);
  });

  it('the shelter lists referrals by institution and state, and finds institutions in the directory', async () => {
    const desktop = await e2e.newDesktopPage({ session: worker });
    await desktop.goto('/referrals');
    await desktop.getByTestId('referral-card').first().waitFor();
    await desktop.getByText(id('referrals.web.overview')).waitFor();
    await shot(e2e, desktop, 'referrals-list-desktop');
    await desktop.goto('/institutions');
    await desktop.getByText('BRSPDM "Margo Laras" Pati').waitFor();
    await shot(e2e, desktop, 'institutions-desktop');
    const phone = await e2e.newPhonePage({ session: worker });
    await phone.goto('/institutions');
    await phone.getByTestId('institution-search').fill('Harapan');
    await phone.getByTestId('institution-card').filter({ hasText: 'Panti Bina Laras Harapan' }).waitFor();
    await expect(phone.getByRole('link', { name: 'WhatsApp' }).first().getAttribute('href')).resolves.toContain('https://wa.me/6281234567890');
    await shot(e2e, phone, 'institutions-phone');
    expect(unexpectedErrors(e2e, desktop)).toEqual([]);
    expect(unexpectedErrors(e2e, phone)).toEqual([]);
  });

  it('a TKSK sends a field report from a phone and follows its outcome', async () => {
    const phone = await e2e.newPhonePage({ session: pillar });
    await phone.goto('/field-report');
    await phone.getByRole('heading', { name: id('referrals.fieldReport.title') }).waitFor();
    await phone.getByLabel(new RegExp(`^${id('fields.locationText')}`)).fill('Depan Pasar Baru');
    await phone.getByLabel(id('referrals.fieldReport.description')).fill('Bapak tua tidur di emperan toko, tampak bingung');
    const categories = phone.getByRole('combobox', { name: id('fields.categories'), exact: true });
    await categories.click();
    await categories.fill('Lansia');
    await phone.getByRole('option', { name: id('ppks.local_neglected_elderly') }).click();
    await categories.press('Escape');
    await phone.getByTestId('field-report-submit').click();
    await phone.getByTestId('field-report-sent').waitFor();
    await phone.getByTestId('own-field-report').first().waitFor();
    await shot(e2e, phone, 'field-report-phone');
    expect(unexpectedErrors(e2e, phone)).toEqual([]);
  });
});
