/**
 * Reports in a real browser, desktop and phone: the head of the unit opens the monthly report for a
 * month with a case in it and downloads it as XLSX, which reads back with the figure on screen.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/shared/i18n/index.js';
import { apiAs, type E2E, type HttpSession, startE2E } from '../support/browser.js';

const id = (key: string, vars?: Record<string, unknown>) => translate('id', key, vars);
const ID_MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

async function userSession(e2e: E2E, admin: HttpSession, organizationId: string, user: { name: string; username: string; role: string }) {
  const temporary = `sementara-${user.username}`;
  const password = `${user.username}-password-2026`;
  await apiAs(e2e, admin, 'POST', '/users', { ...user, organizationId, password: temporary });
  const first = await e2e.login(user.username, temporary);
  await apiAs(e2e, first, 'POST', '/auth/password', { currentPassword: temporary, newPassword: password });
  return e2e.login(user.username, password);
}

describe('reports', () => {
  let e2e: E2E;
  let head: HttpSession;

  beforeAll(async () => {
    e2e = await startE2E();
    const admin = await e2e.setup();
    const orgs = await apiAs<{ items: { id: string; kind: string }[] }>(e2e, admin, 'GET', '/organizations');
    const unitId = orgs.items.find((o) => o.kind === 'unit')!.id;
    const officer = await userSession(e2e, admin, unitId, { name: 'Petugas Shelter', username: 'petugas.lap', role: 'shelter_officer' });
    head = await userSession(e2e, admin, unitId, { name: 'Kepala UPTD', username: 'kepala.lap', role: 'head' });
    await apiAs(e2e, officer, 'POST', '/intakes', {
      organizationId: unitId,
      source: 'satpol_pp_raid',
      arrivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      categories: ['ppks_12'],
      client: { name: 'Klien Laporan', sex: 'male', estimatedAge: 40 },
    });
  }, 120_000);
  afterAll(() => e2e?.close());

  for (const device of ['desktop', 'phone'] as const) {
    it(`[HEAD][REPORTS] the head opens the monthly report and downloads it as XLSX (${device})`, async () => {
      const page = device === 'desktop' ? await e2e.newDesktopPage({ session: head, acceptDownloads: true }) : await e2e.newPhonePage({ session: head, acceptDownloads: true });
      await page.goto('/reports');
      await page.getByRole('heading', { name: id('reports.web.title') }).waitFor();
      await page.getByRole('cell', { name: id('reports.summary.casesServed'), exact: true }).waitFor();
      // Nobody has answered the survey: the IKM row says so instead of showing an index of 0.
      await page.getByRole('cell', { name: id('reports.summary.noRespondents'), exact: true }).waitFor();
      // No case was closed: the outcomes table says there is nothing, instead of a bare header.
      await page.getByRole('cell', { name: id('reports.web.noRows'), exact: true }).first().waitFor();
      await e2e.screenshot(page, `reports-${device}`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-summary-xlsx').click()]);
      const file = await download.path();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file!);
      const rows: string[] = [];
      wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).join('|')));
      expect(rows[0]).toBe(id('reports.summary.title'));
      expect(rows).toContain(`${id('reports.summary.casesServed')}|1`);
      // No respondents: the export writes no index rather than an IKM of 0.
      expect(rows).toContain('IKM|-');
      // The period is typed as dd/mm/yyyy, in the app's language whatever the browser's own (a native
      // date field would want mm/dd/yyyy from this en-US browser), and the report follows it.
      const thisYear = new Date().getFullYear();
      const from = page.getByRole('textbox', { name: id('reports.web.from'), exact: true });
      const asked = page.waitForResponse((r) => r.url().includes('/api/reports/summary') && r.url().includes(`from=${thisYear}-01-01`));
      await from.fill(`01/01/${thisYear}`);
      await from.press('Tab');
      expect((await asked).status()).toBe(200);
      expect(await from.inputValue()).toBe(`01/01/${thisYear}`);
      await page.goto('/dashboard');
      await page.getByTestId('stat-cases-month').waitFor();
      await page.locator('.recharts-surface').first().waitFor();
      // Each category's name is written whole beside its count, also on a phone.
      const category = page.getByTestId('dashboard-categories').getByText(id('ppks.ppks_12'), { exact: true });
      await category.waitFor();
      const cut = await category.evaluate((el) => el.scrollWidth > el.clientWidth || el.getBoundingClientRect().right > window.innerWidth);
      expect(cut).toBe(false);
      // The month in words, as the head reads it (not "2026-12"); the server's month is Jakarta's.
      const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
      await page.getByText(`${ID_MONTHS[month - 1]} ${year}`).first().waitFor();
      // Nothing closed yet: the trend says so instead of drawing a median of 0 minutes.
      expect(await page.getByTestId('lead-trend-empty').textContent()).toBe(id('reports.web.dashboard.noClosedCases'));
      await e2e.screenshot(page, `dashboard-${device}`);
      expect(e2e.pageErrors(page)).toEqual([]);
    });
  }
});
