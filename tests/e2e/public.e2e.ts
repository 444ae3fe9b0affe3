/**
 * The public face in a real browser on a phone (360x740): a member of the public reads a shelter's
 * service page without signing in, follows the link to the satisfaction survey and answers it;
 * then the head of the unit, signed in, sees the answer counted in the IKM. Staff pages (survey
 * results, publications, public-page settings) are photographed on a phone and a desktop.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/shared/i18n/index.js';
import { SURVEY_ELEMENTS } from '../../src/shared/survey/ikm.js';
import { apiAs, type E2E, type HttpSession, startE2E } from '../support/browser.js';

const id = (key: string, vars?: Record<string, unknown>) => translate('id', key, vars);

/** Wait until every image on the page has loaded and decoded (the QR code, the image preview). */
async function imagesLoaded(page: Page) {
  await page.waitForFunction(() => [...document.images].length > 0 && [...document.images].every((i) => i.complete && i.naturalWidth > 0), undefined, { timeout: 20_000 });
}

const unexpectedErrors = (e2e: E2E, page: Page) => e2e.pageErrors(page).filter((line) => !/status of 401/.test(line));

describe('the public face of a shelter on a phone', () => {
  let e2e: E2E;
  let admin: HttpSession;
  let unitId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    admin = await e2e.setup();
    const orgs = await apiAs<{ items: { id: string; kind: string }[] }>(e2e, admin, 'GET', '/organizations');
    unitId = orgs.items.find((o) => o.kind === 'unit')!.id;
    await apiAs(e2e, admin, 'PUT', `/public-profile?organizationId=${unitId}`, {
      slug: 'rumah-singgah-probolinggo',
      description: 'Rumah singgah menerima dan melayani PPKS terlantar selama 24 jam, gratis, sampai kembali ke keluarga.',
      servesWhom: 'Gelandangan, pengemis, orang terlantar di perjalanan, lansia dan anak terlantar.',
      requirements: 'Surat pengantar dari instansi pengantar\nBila ada: KTP atau Kartu Keluarga',
      handoverInstructions: 'Hubungi telepon piket sebelum berangkat\nBawa surat keterangan dari Polsek',
      dutyPhone: '(0335) 421 112',
      whatsapp: '6281234567890',
      openingHours: 'Setiap hari, 24 jam',
      latitude: -7.7543,
      longitude: 113.2159,
      isPublished: true,
    });
    const year = new Date().getFullYear();
    await apiAs(e2e, admin, 'POST', `/survey/periods?organizationId=${unitId}`, { name: `SKM ${year}`, startsOn: `${year}-01-01`, endsOn: `${year}-12-31` });
    await apiAs(e2e, admin, 'POST', '/users', { name: 'Drs. Slamet Riyadi', username: 'slamet.kepala', role: 'head', organizationId: unitId, password: 'sementara-kepala-1' });
    // The head replaces the temporary password once, as at a first login.
    const first = await e2e.login('slamet.kepala', 'sementara-kepala-1');
    await apiAs(e2e, first, 'POST', '/auth/password', { currentPassword: 'sementara-kepala-1', newPassword: 'kepala-password-2026' });
  }, 120_000);
  afterAll(() => e2e?.close());

  it('[PUBLIC][READ_SERVICE]: a member of the public reads the service page and its flow without signing in', async () => {
    const page = await e2e.newPhonePage();
    const res = await page.goto('/layanan/rumah-singgah-probolinggo');
    expect(res?.status()).toBe(200);
    await expect(page.title()).resolves.toContain('Layanan Rumah Singgah');
    await page.getByRole('heading', { name: id('public.page.flow') }).waitFor();
    for (const stage of ['Penerimaan klien', 'Asesmen klien', 'Terminasi']) expect(await page.getByText(stage, { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: id('public.page.call') }).getAttribute('href')).toBe('tel:0335421112');
    // Nothing overflows sideways on a 360 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await e2e.screenshot(page, 'public-service-phone');
    expect(e2e.pageErrors(page)).toEqual([]);
  });

  it('[PUBLIC][SURVEY]: the public answers the satisfaction survey once from a phone', async () => {
    const page = await e2e.newPhonePage();
    await page.goto('/layanan/rumah-singgah-probolinggo');
    await page.getByRole('link', { name: id('public.page.survey') }).first().click();
    await page.waitForURL('**/survei/rumah-singgah-probolinggo');
    for (const element of SURVEY_ELEMENTS) await page.locator(`input[name="${element}"][value="4"]`).check();
    // U3 "waktu" gets a 3: every NRR 4 except one 3 → Σ 35 → IKM 97.22
    await page.locator('input[name="u3"][value="3"]').check();
    await page.selectOption('#respondentType', 'family');
    await page.selectOption('#ageGroup', '40_49');
    await page.selectOption('#sex', 'male');
    await page.selectOption('#education', 'smp');
    await page.fill('#suggestion', 'Petugasnya ramah sekali.');
    await e2e.screenshot(page, 'public-survey-phone');
    await page.getByRole('button', { name: id('survey.page.submit') }).click();
    await page.waitForURL('**/survei/rumah-singgah-probolinggo?done=1');
    await page.getByRole('heading', { name: id('survey.page.thanks') }).waitFor();
    // Coming back on the same phone: already answered.
    await page.goto('/survei/rumah-singgah-probolinggo');
    await page.getByText(id('survey.page.alreadyAnswered')).waitFor();
    expect(e2e.pageErrors(page)).toEqual([]);
  });

  it('[HEAD][SURVEY_RESULTS]: the head sees the answer in the IKM', async () => {
    const head = await e2e.login('slamet.kepala', 'kepala-password-2026');
    const page = await e2e.newPhonePage({ session: head });
    await page.goto('/survey');
    await page.getByTestId('ikm-value').waitFor();
    expect(await page.getByTestId('ikm-value').textContent()).toContain('97,22');
    await page.getByText(`A · ${id('survey.grades.A')}`).waitFor();
    await page.getByText('Petugasnya ramah sekali.', { exact: false }).waitFor();
    await imagesLoaded(page);
    await e2e.screenshot(page, 'survey-results-phone');
    const desktop = await e2e.newDesktopPage({ session: head });
    await desktop.goto('/survey');
    await desktop.getByTestId('ikm-value').waitFor();
    await e2e.screenshot(desktop, 'survey-results-desktop');
    // The monthly report counts the answer as well, its index written as Indonesian writes numbers.
    await desktop.goto('/reports');
    await desktop.getByRole('cell', { name: `97,22 (A) · ${id('reports.summary.respondentsCount_other', { count: 1 })}`, exact: true }).waitFor();
    await e2e.screenshot(desktop, 'reports-with-ikm-desktop');
    await desktop.goto('/publications');
    await desktop.getByText(id('publications.web.bannerA3')).waitFor();
    await imagesLoaded(desktop);
    await e2e.screenshot(desktop, 'publications-desktop');
    await page.goto('/publications');
    await page.getByText(id('publications.web.bannerRoll')).waitFor();
    await e2e.screenshot(page, 'publications-phone');
    expect(unexpectedErrors(e2e, page)).toEqual([]);
    expect(unexpectedErrors(e2e, desktop)).toEqual([]);
  });

  it('[ADMIN][PUBLIC_SETTINGS]: the administrator edits the public page on a phone', async () => {
    const page = await e2e.newPhonePage({ session: admin });
    await page.goto('/settings/public');
    const slug = page.getByLabel(id('fields.slug'));
    await slug.waitFor();
    expect(await slug.inputValue()).toBe('rumah-singgah-probolinggo');
    await page.getByLabel(id('fields.openingHours')).fill('Setiap hari, 24 jam (piket malam)');
    await page.getByRole('button', { name: id('public.settings.save') }).first().click();
    await page.getByText(id('public.settings.saved')).waitFor();
    await e2e.screenshot(page, 'public-settings-phone');
    const publicPage = await e2e.newPhonePage();
    await publicPage.goto('/layanan/rumah-singgah-probolinggo');
    await publicPage.getByText('Setiap hari, 24 jam (piket malam)').waitFor();
    expect(unexpectedErrors(e2e, page)).toEqual([]);
  });
});
