/**
 * The assessment report and the case conference in a real browser (desktop): the social worker
 * generates the report and submits it, the head approves it (it gets its letter number), then the
 * social worker records a case conference with a plan item for a colleague, whose home page shows it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src/shared/contracts/cases.js';
import { translate } from '../../src/shared/i18n/index.js';
import { apiAs, type E2E, type HttpSession, startE2E } from '../support/browser.js';

const id = (key: string, vars?: Record<string, unknown>) => translate('id', key, vars);

/** A user made by the administrator, signed in over HTTP with the temporary password replaced. */
async function userSession(e2e: E2E, admin: HttpSession, organizationId: string, user: { name: string; username: string; role: string; nip?: string }) {
  const temporary = `sementara-${user.username}`;
  const password = `${user.username}-password-2026`;
  await apiAs(e2e, admin, 'POST', '/users', { ...user, organizationId, password: temporary });
  const first = await e2e.login(user.username, temporary);
  await apiAs(e2e, first, 'POST', '/auth/password', { currentPassword: temporary, newPassword: password });
  return e2e.login(user.username, password);
}

function unexpectedErrors(e2e: E2E, page: Page): string[] {
  return e2e.pageErrors(page).filter((line) => !/status of 40[14]/.test(line));
}

describe('assessment report and case conference', () => {
  let e2e: E2E;
  let worker: HttpSession;
  let head: HttpSession;
  let colleague: HttpSession;
  let caseId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    const admin = await e2e.setup();
    const orgs = await apiAs<{ items: { id: string; kind: string }[] }>(e2e, admin, 'GET', '/organizations');
    const unitId = orgs.items.find((o) => o.kind === 'unit')!.id;
    await apiAs(e2e, admin, 'PUT', `/letters/settings?organizationId=${unitId}`, {
      placeName: 'Probolinggo',
      headPosition: 'Kepala UPTD Rumah Singgah',
      headRank: 'Pembina (IV/a)',
      patterns: { assessment_report: { pattern: '400.9/{seq}/425.108/{year}', seqPadding: 3, code: '' } },
    });
    worker = await userSession(e2e, admin, unitId, { name: 'Rina Kartikasari', username: 'rina.peksos', role: 'social_worker', nip: '198702142010012003' });
    head = await userSession(e2e, admin, unitId, { name: 'Bambang Sutrisno', username: 'bambang.kepala', role: 'head', nip: '196805121994031007' });
    colleague = await userSession(e2e, admin, unitId, { name: 'Yusuf Hidayat', username: 'yusuf.peksos', role: 'social_worker' });
    const c = await apiAs<CaseDetail>(e2e, worker, 'POST', '/intakes', {
      organizationId: unitId,
      source: 'community_complaint',
      arrivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      categories: ['ppks_11'],
      client: { name: 'Sukardi bin Salim', sex: 'male', estimatedAge: 58 },
    });
    caseId = c.id;
  }, 120_000);
  afterAll(() => e2e?.close());

  it('the social worker generates and submits the report; the head approves it and it gets its number', async () => {
    const page = await e2e.newDesktopPage({ session: worker });
    await page.goto(`/cases/${caseId}`);
    const section = page.getByTestId('assessment-report-section');
    await section.getByTestId('report-generate').click();
    const report = section.getByTestId('assessment-report');
    await expect.poll(() => report.getAttribute('data-status')).toBe('draft');

    await report.getByTestId('report-edit').click();
    await page.getByTestId('report-analysis').fill('Klien orang terlantar yang kehabisan bekal; keluarga di Lumajang.');
    await page.getByTestId('report-recommendation').fill('Dipulangkan kepada anaknya di Lumajang.');
    await page.getByTestId('report-save').click();
    await report.getByText('Dipulangkan kepada anaknya di Lumajang.').waitFor();
    await report.getByTestId('report-submit').click();
    await expect.poll(() => report.getAttribute('data-status')).toBe('submitted');
    expect(unexpectedErrors(e2e, page)).toEqual([]);
    await page.context().close();

    const headPage = await e2e.newDesktopPage({ session: head });
    await headPage.goto(`/cases/${caseId}`);
    const headReport = headPage.getByTestId('assessment-report');
    await headReport.getByTestId('report-approve').click();
    await headPage.getByTestId('report-approve-confirm').click();
    await expect.poll(() => headReport.getAttribute('data-status')).toBe('approved');
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date());
    await headReport.getByText(`400.9/001/425.108/${year}`).waitFor();
    await e2e.screenshot(headPage, 'assessment-report-approved-desktop');

    // The PDF the link downloads is the approved report.
    const href = await headReport.getByTestId('report-download').getAttribute('href');
    const pdf = await headPage.evaluate(async (url) => {
      const res = await fetch(url!);
      return { status: res.status, type: res.headers.get('content-type'), size: (await res.arrayBuffer()).byteLength };
    }, href);
    expect(pdf).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(pdf.size).toBeGreaterThan(1000);
    expect(unexpectedErrors(e2e, headPage)).toEqual([]);
    await headPage.context().close();
  });

  it('the social worker records a case conference with a plan item; the colleague sees it on the home page', async () => {
    const page = await e2e.newDesktopPage({ session: worker });
    await page.goto(`/cases/${caseId}`);
    const section = page.getByTestId('case-conference-section');
    await section.getByTestId('conference-new').click();
    await page.getByTestId('conference-place').fill('Ruang rapat UPTD Rumah Singgah');
    await page.getByTestId('conference-users').click();
    await page.getByRole('option', { name: 'Bambang Sutrisno' }).click();
    await page.getByRole('option', { name: 'Rina Kartikasari' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('add-external').click();
    await page.getByTestId('external-name').fill('Agus Salim');
    await page.getByTestId('external-institution').fill('TKSK Kecamatan Kademangan');
    await page.getByTestId('conference-decision').fill('Dipulangkan ke Lumajang setelah keluarga dihubungi.');
    await page.getByTestId('conference-summary').fill('Klien dibahas bersama TKSK.');
    await page.getByTestId('add-plan-item').click();
    await page.getByTestId('plan-activity').fill('Menghubungi anak klien di Lumajang');
    await page.getByTestId('plan-responsible').click();
    await page.getByRole('option', { name: 'Yusuf Hidayat' }).click();
    await e2e.screenshot(page, 'case-conference-form-desktop');
    await page.getByTestId('conference-save').click();

    const card = section.getByTestId('conference-card');
    await card.getByText('Menghubungi anak klien di Lumajang').waitFor();
    expect(await card.getAttribute('data-status')).toBe('planned');
    await e2e.screenshot(page, 'case-conference-on-case-desktop');
    expect(unexpectedErrors(e2e, page)).toEqual([]);
    await page.context().close();

    const colleaguePage = await e2e.newDesktopPage({ session: colleague });
    await colleaguePage.goto('/');
    const mine = colleaguePage.getByTestId('my-plan-items');
    await mine.getByText('Menghubungi anak klien di Lumajang').waitFor();
    await mine.getByText(id('caseConferences.web.mine')).waitFor();
    expect(await mine.getByTestId('plan-item').getAttribute('data-late')).toBe('false');
    await e2e.screenshot(colleaguePage, 'my-plan-items-home-desktop');
    await colleaguePage.goto('/case-conferences');
    await colleaguePage.getByTestId('conference-card').first().waitFor();
    await e2e.screenshot(colleaguePage, 'case-conferences-page-desktop');
    expect(unexpectedErrors(e2e, colleaguePage)).toEqual([]);
    await colleaguePage.context().close();
  });
});
