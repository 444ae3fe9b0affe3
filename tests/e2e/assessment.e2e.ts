/**
 * Assessment forms in a real browser: a social worker fills the psychosocial assessment of a case on
 * a phone (360x740), is told which questions are missing, submits it, and the assessment stage of
 * the case completes; an administrator opens the form designer on a desktop and edits a draft.
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src/shared/contracts/cases.js';
import type { FormResponseSummary } from '../../src/shared/contracts/forms.js';
import { translate } from '../../src/shared/i18n/index.js';
import { apiAs, type E2E, type HttpSession, loginOverHttp, SCREENSHOT_DIR, startE2E } from '../support/browser.js';

const id = (key: string, vars?: Record<string, unknown>) => translate('id', key, vars);

/**
 * Browser noise that is expected: the session check answers 401 before login, and a submit with
 * missing answers is refused with a 400 (the test does that on purpose).
 */
function unexpectedErrors(e2e: E2E, page: Page): string[] {
  return e2e.pageErrors(page).filter((line) => !/status of 40[01]/.test(line));
}

/** What the screen shows now (the form is a full-screen dialog on a phone, which a full-page shot does not show well). */
const viewportShot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });

const radio = (scope: Locator, field: string, label: string) => scope.getByTestId(`form-field-${field}`).getByRole('radio', { name: label, exact: true });

describe('assessment forms in the browser', () => {
  let e2e: E2E;
  let admin: HttpSession;
  let worker: HttpSession;
  let head: HttpSession;
  let unitId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    admin = await e2e.setup();
    const orgs = await apiAs<{ items: { id: string; kind: string }[] }>(e2e, admin, 'GET', '/organizations');
    unitId = orgs.items.find((o) => o.kind === 'unit')!.id;
    const staff = async (name: string, username: string, role: string) => {
      await apiAs(e2e, admin, 'POST', '/users', { name, username, role, organizationId: unitId, password: `sementara-${username}` });
      const temporary = await loginOverHttp(e2e.baseUrl, username, `sementara-${username}`);
      await apiAs(e2e, temporary, 'POST', '/auth/password', { currentPassword: `sementara-${username}`, newPassword: `${username}-password-2026` });
      return loginOverHttp(e2e.baseUrl, username, `${username}-password-2026`);
    };
    worker = await staff('Rina Kartikasari', 'rina.peksos', 'social_worker');
    head = await staff('Bambang Sutrisno', 'bambang.kepala', 'head');
  }, 120_000);
  afterAll(() => e2e?.close());

  it('[SOCIAL_WORKER][ASSESSMENT]: a social worker fills the psychosocial assessment on a phone and the assessment stage completes', async () => {
    const c = await apiAs<CaseDetail>(e2e, worker, 'POST', '/intakes', {
      organizationId: unitId,
      source: 'satpol_pp_raid',
      arrivedAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
      categories: ['ppks_11'],
      client: { name: 'Sutrisno', nameQuality: 'full', sex: 'male', estimatedAge: 52 },
    });
    for (const stage of ['initial_identification', 'health_civil_check', 'family_tracing']) await apiAs(e2e, worker, 'POST', `/cases/${c.id}/stages/${stage}/complete`, {});

    const page = await e2e.newPhonePage({ session: worker });
    await page.goto(`/cases/${c.id}`);
    const section = page.getByTestId('forms-section');
    await section.getByText(id('forms.runtime.empty')).waitFor();
    // The form that completes the stage in progress is offered first.
    await expect.poll(() => section.getByTestId('case-form-template').inputValue()).toBe('Asesmen Psikososial');
    await section.getByTestId('case-form-start').click();

    const modal = page.getByRole('dialog');
    await modal.getByTestId('form-field-full_name').waitFor();
    await modal.getByTestId('form-field-full_name').fill('Sutrisno');
    await radio(modal, 'sex', 'Laki-laki').check();
    await modal.getByTestId('form-field-estimated_age').fill('52');
    // A birth date after today is not taken: the field says why (the server refuses it too).
    const birthDate = modal.getByTestId('form-field-birth_date');
    const today = await page.evaluate(() => new Date().toLocaleDateString('en-GB'));
    await birthDate.fill('20/10/2030');
    await birthDate.press('Tab');
    await modal.getByText(id('casesWeb.dates.afterMax', { date: today })).waitFor();
    expect(await birthDate.inputValue()).toBe('');
    // Auto-save: the draft is saved a moment after typing stops.
    await expect.poll(() => modal.getByTestId('case-form-save-state').textContent(), { timeout: 15_000 }).toBe(id('forms.runtime.saved'));
    await viewportShot(page, 'assessment-phone-filling');

    // Submitting too early names what is missing, next to the questions.
    await modal.getByTestId('case-form-submit').click();
    await modal.getByTestId('case-form-errors').waitFor();
    await expect.poll(() => modal.getByText(id('forms.problems.required')).count()).toBeGreaterThan(5);
    await viewportShot(page, 'assessment-phone-errors');

    await modal.getByTestId('form-field-referral_source').click();
    await page.getByRole('option', { name: 'Razia Satpol PP' }).click();
    await modal.getByTestId('form-field-presenting_problem').fill('Ditemukan tidur di emperan pasar, kehabisan bekal setelah merantau.');
    await modal.getByTestId('form-add-row-family_members').click();
    await modal.getByTestId('form-field-family_members-0-name').fill('Sumiati');
    await radio(modal, 'family_members-0-alive', 'Ya').check();
    await modal.getByTestId('form-field-family_members-0-whereabouts').fill('Lumajang');
    await radio(modal, 'physical_condition', 'Cukup').check();
    await radio(modal, 'orientation', 'Baik').check();
    // A condition: describing psychotic signs is asked only when there are any.
    await radio(modal, 'psychotic_signs', 'Ya').check();
    await modal.getByTestId('form-field-psychotic_description').waitFor();
    await radio(modal, 'psychotic_signs', 'Tidak').check();
    await expect.poll(() => modal.getByTestId('form-field-psychotic_description').count()).toBe(0);
    await radio(modal, 'civil_documents', 'Terdaftar, dokumen hilang').check();
    await modal.getByTestId('form-field-problems').fill('Kehabisan bekal, tidak punya KTP.');
    await modal.getByTestId('form-field-potentials').fill('Sehat, mau bekerja, ingat alamat kakak.');
    await modal.getByTestId('form-field-resources').fill('Kakak di Lumajang; Dinas Sosial Lumajang.');
    await modal.getByTestId('form-field-analysis').fill('Orang terlantar dengan keluarga yang dapat ditelusuri.');
    await radio(modal, 'recommended_plan', 'Dipulangkan ke keluarga/daerah asal').check();
    await modal.getByTestId('form-field-recommendation').fill('Pemulangan ke keluarga di Lumajang setelah penelusuran.');

    await modal.getByTestId('case-form-submit').click();
    const notice = modal.getByTestId('case-form-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(id('forms.runtime.stageCompleted', { stage: 'Asesmen klien' }).split(' ')[0]!);
    await viewportShot(page, 'assessment-phone-submitted');

    const after = await apiAs<CaseDetail>(e2e, worker, 'GET', `/cases/${c.id}`);
    expect(after.stages.find((s) => s.key === 'assessment')?.status).toBe('completed');
    expect(after.currentStageKey).toBe('assessment_report');
    const forms = await apiAs<{ items: FormResponseSummary[] }>(e2e, worker, 'GET', `/cases/${c.id}/forms`);
    expect(forms.items).toEqual([expect.objectContaining({ templateKey: 'psychosocial_assessment', status: 'submitted', version: 1 })]);

    // A submitted assessment is corrected, not edited: the change is recorded without its contents.
    await modal.getByTestId('case-form-correct').click();
    await modal.getByTestId('form-field-recommendation').fill('Pemulangan ke keluarga di Lumajang, didampingi TKSK.');
    await modal.getByTestId('case-form-save-correction').click();
    await modal.getByText(id('forms.runtime.corrected')).waitFor();
    // Read by the head: the administrator may not read the changes of a case (client data).
    const audit = await apiAs<{ items: { action: string; changes: Record<string, unknown> }[] }>(e2e, head, 'GET', `/audit?entityType=case&entityId=${c.id}&action=case.form_corrected`);
    expect(audit.items.map((e) => e.changes.fields)).toEqual([['recommendation']]);

    // Closing the form shows it as submitted in the case.
    await page.keyboard.press('Escape');
    await section.getByTestId('case-form-psychosocial_assessment').getByText(id('forms.runtime.submitted')).waitFor();
    await e2e.screenshot(page, 'assessment-phone-case');
    expect(unexpectedErrors(e2e, page)).toEqual([]);
  }, 120_000);

  it('[ADMIN][AUDIT]: the administrator sees who corrected the assessment and when, but not what the case record says; the head sees the changed question', async () => {
    const detailOf = (page: Page) =>
      page.getByRole('button', { name: id('web.audit.detailFor', { action: id('web.audit.actions.case.form_corrected') }) }).first();
    const page = await e2e.newDesktopPage({ session: admin });
    await page.goto('/audit');
    await detailOf(page).click();
    const dialog = page.getByRole('dialog', { name: id('web.audit.detailTitle') });
    await dialog.getByTestId('audit-changes-withheld').waitFor();
    await dialog.getByText('Rina Kartikasari').waitFor();
    expect(await dialog.textContent()).not.toContain('recommendation');
    await e2e.screenshot(page, 'audit-admin-withheld');
    expect(unexpectedErrors(e2e, page)).toEqual([]);

    const headPage = await e2e.newDesktopPage({ session: head });
    await headPage.goto('/audit');
    await detailOf(headPage).click();
    const headDialog = headPage.getByRole('dialog', { name: id('web.audit.detailTitle') });
    await headDialog.getByText('"recommendation"').waitFor();
    expect(await headDialog.getByTestId('audit-changes-withheld').count()).toBe(0);
    expect(unexpectedErrors(e2e, headPage)).toEqual([]);
  });

  it('[ADMIN][FORM_DESIGNER]: an administrator starts a draft of a template, adds a question and sees it in the preview', async () => {
    const page = await e2e.newDesktopPage({ session: admin });
    await page.goto('/settings/forms');
    const card = page.getByTestId('designer-template-follow_up_visit');
    await card.waitFor();
    await e2e.screenshot(page, 'form-designer-list');
    await card.getByTestId('designer-new-draft').click();
    await page.getByTestId('designer-structure').waitFor();
    await page.getByTestId('designer-add-field-0').click();
    const fields = page.locator('[data-testid^="designer-field-0-"][data-testid$="-label-id"]');
    const last = fields.last();
    await last.fill('Jumlah anggota keluarga yang ditemui');
    await page.getByTestId('designer-preview').getByText('Jumlah anggota keluarga yang ditemui').waitFor();
    await page.getByTestId('designer-save').click();
    await page.getByText(id('forms.designer.saved')).waitFor();
    await e2e.screenshot(page, 'form-designer-edit');
    await viewportShot(page, 'form-designer-edit-viewport');
    expect(unexpectedErrors(e2e, page)).toEqual([]);
  }, 120_000);
});
