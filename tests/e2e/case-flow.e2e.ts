/**
 * The case flow in a real browser: a shelter officer receives a client on a desktop and, with a
 * social worker, takes the case through all twelve stages to termination; on a phone (360x740) an
 * officer receives three people from a Satpol PP raid and finds their cases in the worklist.
 *
 * One server for the file; the tests run in order and build on each other (the raid test expects
 * the users made by the first). Users are made over the API by the administrator with temporary
 * passwords, and change them at their first login in the browser, as on a shelter's first day.
 */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/shared/i18n/index.js';
import { DEFAULT_SOP } from '../../src/shared/workflow/default-sop.js';
import { apiAs, type E2E, type HttpSession, startE2E } from '../support/browser.js';
import { choose, chooseMany, escapeRegExp } from '../support/mantine.js';

const id = (key: string, vars?: Record<string, unknown>) => translate('id', key, vars);

const OFFICER = { name: 'Siti Aminah', username: 'siti.shelter', temporary: 'sementara-siti-1', password: 'siti-password-2026' };
const WORKER = { name: 'Rahmat Hidayat', username: 'rahmat.peksos', temporary: 'sementara-rahmat-1', password: 'rahmat-password-2026' };

/** A 1x1 PNG: the server recognises images by their first bytes. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A woman's NIK from Kademangan, Kota Probolinggo (35.74.01): born 17 August 1985 (day 17 + 40). */
const CLIENT_NIK = '3574015708850001';

/** Browser noise that is expected: the session check answers 401 before login. */
function unexpectedErrors(e2e: E2E, page: Page): string[] {
  return e2e.pageErrors(page).filter((line) => !/status of 401/.test(line));
}

async function createUser(e2e: E2E, admin: HttpSession, organizationId: string, user: typeof OFFICER, role: string) {
  await apiAs(e2e, admin, 'POST', '/users', { name: user.name, username: user.username, role, organizationId, password: user.temporary });
}

/** Log in through the login page; at the first login the temporary password must be replaced. */
async function logIn(page: Page, user: typeof OFFICER, firstTime: boolean) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: id('fields.username') }).fill(user.username);
  await page.getByLabel(new RegExp(`^${id('fields.password')}`)).fill(firstTime ? user.temporary : user.password);
  await page.getByRole('button', { name: id('web.login.submit') }).click();
  if (firstTime) {
    await page.waitForURL('**/change-password');
    await page.getByLabel(new RegExp(`^${id('fields.currentPassword')}`)).fill(user.temporary);
    await page.getByLabel(new RegExp(`^${id('fields.newPassword')}`)).fill(user.password);
    await page.getByLabel(new RegExp(`^${id('web.fields.confirmPassword')}`)).fill(user.password);
    await page.getByRole('button', { name: id('web.changePassword.submit') }).click();
  }
  await page.getByRole('heading', { name: id('web.home.welcome', { name: user.name }) }).waitFor();
}

/** What the worklist may add, gzipped, to the scripts of the home page when it is the first page opened. */
const WORKLIST_EXTRA_JS_BUDGET = 60 * 1024;

/** Open `path` in a fresh page and add up the gzipped size of every script it loaded. */
async function scriptBytes(page: Page, path: string, heading: string): Promise<number> {
  const sizes: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') sizes.push(response.body().then((body) => gzipSync(body).length, () => 0));
  });
  await page.goto(path);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  return (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
}

/** A full-page screenshot from the top, so the fixed header is drawn where it belongs. */
async function shot(e2e: E2E, page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(150);
  return e2e.screenshot(page, name);
}

const stage = (page: Page, key: string) => page.getByTestId(`stage-${key}`);
const stageStatus = (page: Page, key: string) => stage(page, key).getAttribute('data-status');
const stageName = (key: string) => DEFAULT_SOP.find((s) => s.key === key)?.name.id ?? key;

async function expectStatuses(page: Page, expected: Record<string, string>) {
  for (const [key, status] of Object.entries(expected)) {
    await expect.poll(() => stageStatus(page, key), { message: `stage ${key}` }).toBe(status);
  }
}

async function completeStage(page: Page, key: string, notes?: string) {
  await stage(page, key).getByRole('button', { name: id('casesWeb.stages.complete') }).click();
  const dialog = page.getByRole('dialog', { name: id('casesWeb.stages.completeTitle', { stage: stageName(key) }) });
  if (notes) await dialog.getByRole('textbox', { name: id('casesWeb.stages.notes') }).fill(notes);
  await dialog.getByRole('button', { name: id('casesWeb.stages.complete') }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect.poll(() => stageStatus(page, key)).toBe('completed');
}

async function skipStage(page: Page, key: string, reason: string) {
  await stage(page, key).getByRole('button', { name: id('casesWeb.stages.skip') }).click();
  const dialog = page.getByRole('dialog', { name: id('casesWeb.stages.skipTitle', { stage: stageName(key) }) });
  // The reason is required: an empty one is refused before anything is sent.
  await dialog.getByRole('button', { name: id('casesWeb.stages.skip') }).click();
  await dialog.getByText(id('validation.required')).waitFor();
  await dialog.getByRole('textbox', { name: id('fields.reason') }).fill(reason);
  await dialog.getByRole('button', { name: id('casesWeb.stages.skip') }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect.poll(() => stageStatus(page, key)).toBe('skipped');
}

describe('case flow', () => {
  let e2e: E2E;
  let caseUrl = '';
  let unitName = '';

  beforeAll(async () => {
    e2e = await startE2E();
    const admin = await e2e.setup();
    // Both work in the shelter unit that setup created under the Dinas Sosial.
    const { items } = await apiAs<{ items: { id: string; kind: string; name: string }[] }>(e2e, admin, 'GET', '/organizations');
    const unit = items.find((org) => org.kind === 'unit');
    if (!unit) throw new Error('setup made no shelter unit');
    unitName = unit.name;
    await createUser(e2e, admin, unit.id, OFFICER, 'shelter_officer');
    await createUser(e2e, admin, unit.id, WORKER, 'social_worker');
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('[CASES][FULL_FLOW]: on a desktop, an officer receives a client and, with a social worker, takes the case through all 12 stages to termination', async () => {
    // --- The officer's first login, then the intake form from the menu.
    const officer = await e2e.newDesktopPage();
    await logIn(officer, OFFICER, true);
    await officer.getByRole('navigation').getByRole('link', { name: id('casesWeb.nav.intake') }).click();
    await officer.getByRole('heading', { name: id('casesWeb.intake.title') }).waitFor();
    await shot(e2e, officer, 'cases-intake-empty-desktop');

    // Sending it empty shows what is missing next to the inputs.
    await officer.getByRole('button', { name: id('casesWeb.intake.submit') }).click();
    await officer.getByText(id('casesWeb.intake.fixErrors')).waitFor();
    expect(await officer.getByText(id('validation.required')).count()).toBeGreaterThanOrEqual(3);
    // The first of them, far above the button, is brought into view.
    const inView = () =>
      officer
        .locator('[aria-invalid="true"]')
        .first()
        .evaluate((el) => {
          const box = el.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        });
    await expect.poll(inView, { timeout: 5_000 }).toBe(true);

    await choose(officer, officer, id('fields.source'), id('enums.case_sources.police'));
    await officer.getByRole('textbox', { name: id('casesWeb.intake.broughtByName') }).fill('Bripka Joko Susilo');
    await officer.getByRole('textbox', { name: id('casesWeb.intake.broughtByAgency') }).fill('Polsek Kademangan');
    await officer.getByRole('textbox', { name: id('casesWeb.intake.letterNumber') }).fill('SK/12/XI/2026');
    await officer.getByRole('textbox', { name: id('fields.foundLocation') }).fill('Terminal Bayuangga');

    // No returning client by that name yet.
    await officer.getByRole('searchbox', { name: id('casesWeb.clientSearch.label') }).fill('Sulastri');
    await officer.getByText(id('casesWeb.clientSearch.none')).waitFor();

    await officer.getByRole('textbox', { name: id('casesWeb.intake.name') }).fill('Sulastri');
    await officer.getByRole('combobox', { name: id('fields.aliases') }).fill('Bu Las');
    await officer.getByRole('combobox', { name: id('fields.aliases') }).press('Enter');
    await officer.getByRole('radio', { name: id('enums.sexes.male') }).check();
    await officer.getByRole('textbox', { name: id('fields.nik') }).fill(CLIENT_NIK);
    // The NIK says a woman born 17 Aug 1985; the recorded sex differs: an orange warning, not a block.
    const nikCheck = officer.getByTestId('nik-check');
    await nikCheck.waitFor();
    await expect(nikCheck.textContent()).resolves.toContain(id('enums.sexes.female'));
    await officer.getByTestId('nik-sex-mismatch').waitFor();
    await officer.getByRole('radio', { name: id('enums.sexes.female') }).check();
    await officer.getByTestId('nik-sex-mismatch').waitFor({ state: 'detached' });

    await choose(officer, officer, id('casesWeb.region.province'), 'Jawa Timur', 'jawa tim');
    await choose(officer, officer, id('casesWeb.region.regency'), 'Kota Probolinggo', 'probolinggo');
    await choose(officer, officer, id('casesWeb.region.district'), 'Kademangan');
    await officer.getByRole('textbox', { name: id('casesWeb.intake.physicalDescription') }).fill('Perempuan ±40 tahun, berkerudung cokelat, membawa tas plastik.');
    await chooseMany(officer, officer, id('fields.categories'), [id('ppks.local_stranded_traveller'), id('ppks.ppks_23')]);
    await officer.getByRole('textbox', { name: id('casesWeb.intake.presentingProblem') }).fill('Kehabisan bekal dalam perjalanan pulang ke Jember.');
    await shot(e2e, officer, 'cases-intake-desktop');
    await officer.getByRole('button', { name: id('casesWeb.intake.submit') }).click();

    // --- The case page: reception done by the intake itself, identification running.
    await officer.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseUrl = new URL(officer.url()).pathname;
    await officer.getByRole('heading', { name: 'Sulastri', level: 1 }).waitFor();
    const caseNumber = (await officer.getByTestId('case-number').textContent()) ?? '';
    expect(caseNumber).toMatch(/-\d{4}-\d{4}$/);
    await expect(officer.getByTestId('case-status').textContent()).resolves.toBe(id('enums.case_statuses.open'));
    await expectStatuses(officer, { reception: 'completed', initial_identification: 'in_progress', health_civil_check: 'pending', termination: 'pending' });
    await expect(officer.getByTestId('client-card').textContent()).resolves.toContain('Kademangan');
    await expect(officer.getByTestId('intake-facts').textContent()).resolves.toContain('Polsek Kademangan');
    // Reception cannot be skipped, and nothing but the stage in progress has actions.
    await expect(stage(officer, 'initial_identification').getByRole('button', { name: id('casesWeb.stages.skip') }).count()).resolves.toBe(0);
    await expect(stage(officer, 'health_civil_check').getByRole('button').count()).resolves.toBe(0);
    await shot(e2e, officer, 'cases-case-new-desktop');

    await completeStage(officer, 'initial_identification', 'Identitas dari KTP yang dibawa klien.');

    // The health check is recorded in its section, which opens by itself at this stage.
    const health = officer.getByTestId('records-health');
    await health.getByRole('button', { name: id('casework.actions.record_health_check') }).click();
    const healthDialog = officer.getByRole('dialog', { name: id('casework.actions.record_health_check') });
    await healthDialog.getByRole('textbox', { name: id('fields.bloodPressure') }).fill('120/80');
    await healthDialog.getByRole('textbox', { name: id('fields.pulse') }).fill('84');
    await choose(officer, healthDialog, id('fields.mentalState'), id('enums.mental_states.calm'));
    await healthDialog.getByRole('button', { name: id('web.common.save') }).click();
    await healthDialog.waitFor({ state: 'detached' });
    await health.getByTestId('health-check').getByText(`${id('fields.bloodPressure')} 120/80 mmHg`, { exact: false }).waitFor();

    await completeStage(officer, 'health_civil_check', 'Tensi 120/80, sehat. NIK terdaftar.');
    await expectStatuses(officer, { family_tracing: 'in_progress' });
    await expect(stage(officer, 'initial_identification').textContent()).resolves.toContain(OFFICER.name);

    // --- The social worker finds the case waiting for their role.
    const worker = await e2e.newDesktopPage();
    await logIn(worker, WORKER, true);
    await worker.getByRole('navigation').getByRole('link', { name: id('casesWeb.nav.cases'), exact: true }).click();
    await worker.getByRole('heading', { name: id('casesWeb.list.title') }).waitFor();
    await worker.getByRole('tab', { name: id('casesWeb.lists.waiting_for_me') }).click();
    await worker.waitForURL(/list=waiting_for_me/);
    const row = worker.getByTestId('case-row').filter({ hasText: 'Sulastri' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(stageName('family_tracing'));
    await expect(row.textContent()).resolves.toContain('Bu Las');
    await shot(e2e, worker, 'cases-worklist-desktop');
    await row.getByRole('link', { name: caseNumber }).click();
    await worker.waitForURL(`**${caseUrl}`);

    // The family is reached by the police on the way: no tracing needed; no conference; a referral.
    await skipStage(worker, 'family_tracing', 'Keluarga sudah dihubungi Polsek sebelum klien diantar.');
    await completeStage(worker, 'assessment', 'Masalah: kehabisan bekal. Potensi: sehat, mandiri. Sumber: keluarga di Jember.');
    await completeStage(worker, 'assessment_report');
    await skipStage(worker, 'case_conference', 'Kasus sederhana, cukup keputusan pekerja sosial.');
    await completeStage(worker, 'referral', 'Surat ke Dinas Sosial Kabupaten Jember.');
    await skipStage(worker, 'rehabilitation', 'Klien langsung dipulangkan.');
    // The return home is recorded with who received her, and the handover record is a PDF.
    const reunification = worker.getByTestId('records-reunification');
    await reunification.getByRole('button', { name: id('casework.actions.record_reunification') }).click();
    const returnDialog = worker.getByRole('dialog', { name: id('casework.actions.record_reunification') });
    await choose(worker, returnDialog, id('fields.destinationType'), id('enums.reunification_destinations.family'));
    await returnDialog.getByRole('textbox', { name: id('fields.destinationName') }).fill('Keluarga Bapak Slamet, Jember');
    await returnDialog.getByRole('textbox', { name: id('fields.receivedByName') }).fill('Slamet');
    await returnDialog.getByRole('textbox', { name: id('fields.receivedByRelation') }).fill('Anak');
    await returnDialog.getByRole('button', { name: id('web.common.save') }).click();
    await returnDialog.waitFor({ state: 'detached' });
    const handover = reunification.getByRole('link', { name: id('casework.actions.download_handover') });
    const pdf = await worker.evaluate(async (href) => (await fetch(href)).headers.get('content-type'), (await handover.getAttribute('href')) ?? '');
    expect(pdf).toBe('application/pdf');
    await completeStage(worker, 'reunification', 'Diantar ke Terminal Tawang Alun, dijemput anaknya.');
    await completeStage(worker, 'monitoring_evaluation', 'Telepon keluarga: klien sudah di rumah.');
    await expectStatuses(worker, { termination: 'in_progress' });
    await shot(e2e, worker, 'cases-case-before-termination-desktop');

    // --- Termination: outcome, then a confirmation, then the case is closed for good.
    await stage(worker, 'termination').getByRole('button', { name: id('casesWeb.terminate.action') }).click();
    const dialog = worker.getByRole('dialog');
    await dialog.getByRole('button', { name: id('casesWeb.terminate.action') }).click();
    await dialog.getByText(id('validation.required')).waitFor();
    await choose(worker, dialog, id('fields.outcome'), id('enums.termination_outcomes.reunified_family'));
    await dialog.getByRole('textbox', { name: id('casesWeb.terminate.notes') }).fill('Klien kembali ke keluarga di Jember.');
    await dialog.getByRole('button', { name: id('casesWeb.terminate.action') }).click();
    await dialog.getByText(id('casesWeb.terminate.confirmTitle')).waitFor();
    await dialog.getByRole('button', { name: id('casesWeb.terminate.confirm') }).click();
    await dialog.waitFor({ state: 'detached' });

    await expect.poll(() => worker.getByTestId('case-status').textContent()).toBe(id('enums.case_statuses.closed'));
    await expectStatuses(worker, {
      reception: 'completed',
      initial_identification: 'completed',
      health_civil_check: 'completed',
      family_tracing: 'skipped',
      assessment: 'completed',
      assessment_report: 'completed',
      case_conference: 'skipped',
      referral: 'completed',
      rehabilitation: 'skipped',
      reunification: 'completed',
      monitoring_evaluation: 'completed',
      termination: 'completed',
    });
    await expect(worker.getByTestId('termination-outcome').textContent()).resolves.toBe(id('enums.termination_outcomes.reunified_family'));
    await expect(worker.getByRole('button', { name: id('casesWeb.stages.complete') }).count()).resolves.toBe(0);
    await expect(worker.getByTestId('case-terminate').count()).resolves.toBe(0);
    // The history tells the story in Indonesian, with the skip reasons.
    const events = worker.getByTestId('case-events');
    await events.getByText(id('casesWeb.timeline.actions.case.terminated')).waitFor();
    const [before, after] = id('casesWeb.timeline.showAll', { count: 999 }).split('999');
    await worker.getByRole('button', { name: new RegExp(`^${escapeRegExp(before)}\\d+${escapeRegExp(after)}$`) }).click();
    await events.getByText(id('casesWeb.timeline.actions.case.health_check_recorded')).waitFor();
    await expect(events.getByText(id('casesWeb.timeline.actions.case.stage_skipped')).count()).resolves.toBe(3);
    await expect(events.textContent()).resolves.toContain('Klien langsung dipulangkan.');
    await shot(e2e, worker, 'cases-case-closed-desktop');

    // The officer's page, left open, shows the closed case after a refresh, and the closed list has it.
    await officer.goto('/cases?list=closed');
    await officer.getByTestId('case-row').filter({ hasText: 'Sulastri' }).waitFor();

    // The same case on a phone.
    const phone = await e2e.newPhonePage({ session: await e2e.login(WORKER.username, WORKER.password) });
    await phone.goto(caseUrl);
    await phone.getByRole('heading', { name: 'Sulastri', level: 1 }).waitFor();
    await expectStatuses(phone, { termination: 'completed' });
    await shot(e2e, phone, 'cases-case-closed-phone');

    for (const page of [officer, worker, phone]) expect(unexpectedErrors(e2e, page)).toEqual([]);
  }, 240_000);

  it('[CASES][RAID_INTAKE]: on a phone, an officer receives three people from a Satpol PP raid and finds their new cases in the worklist', async () => {
    const page = await e2e.newPhonePage({ session: await e2e.login(OFFICER.username, OFFICER.password) });
    await page.goto('/');
    await page.getByRole('button', { name: id('web.nav.open') }).click();
    await page.getByRole('navigation').getByRole('link', { name: id('casesWeb.nav.raid') }).click();
    await page.getByRole('heading', { name: id('casesWeb.raid.title') }).waitFor();

    // The source is preset to the raid; the unit is the officer's only one (chosen once the list of
    // units has loaded, so it is waited for).
    await expect(page.getByRole('combobox', { name: id('fields.source') }).inputValue()).resolves.toBe(id('enums.case_sources.satpol_pp_raid'));
    await expect.poll(() => page.getByRole('combobox', { name: id('casesWeb.intake.unit') }).inputValue()).toBe(unitName);
    await page.getByRole('textbox', { name: id('casesWeb.intake.broughtByAgency') }).fill('Satpol PP Kota Probolinggo');
    await page.getByRole('textbox', { name: id('casesWeb.raid.location') }).fill('Alun-alun Kota Probolinggo');
    await chooseMany(page, page, id('casesWeb.raid.defaultCategories'), [id('ppks.ppks_11'), id('ppks.ppks_12')]);

    // Three people: Enter after a name adds the next person and puts the cursor in their name.
    const people = [
      { name: 'Pak Darto', sex: 'male', age: '60' },
      { name: 'Ibu berkerudung biru', sex: 'female', age: '45' },
      { name: 'Anak laki-laki kaos merah', sex: 'male', age: '12' },
    ];
    const names = page.getByTestId('raid-person-name');
    for (const [index, person] of people.entries()) {
      if (index > 0) await expect(names.nth(index).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await names.nth(index).fill(person.name);
      const card = page.getByTestId('raid-person').nth(index);
      await card.getByText(id(`casesWeb.sexShort.${person.sex}`), { exact: true }).click();
      await card.getByRole('textbox', { name: id('casesWeb.raid.age') }).fill(person.age);
      if (index < people.length - 1) await names.nth(index).press('Enter');
    }
    await expect(page.getByTestId('raid-person').count()).resolves.toBe(3);
    // A photo of the first person, from the phone's camera.
    await page.getByTestId('raid-person').nth(0).getByTestId('raid-person-photo').setInputFiles({ name: 'darto.png', mimeType: 'image/png', buffer: TINY_PNG });
    await page.getByTestId('raid-person').nth(0).getByRole('img', { name: id('casesWeb.raid.photoOf', { number: 1 }) }).waitFor();
    // The child gets his own category instead of the shared ones.
    const child = page.getByTestId('raid-person').nth(2);
    await child.getByRole('button', { name: `+ ${id('casesWeb.raid.addOwnCategories')}` }).click();
    await chooseMany(page, child, id('casesWeb.raid.ownCategories'), [id('ppks.ppks_04')]);
    await shot(e2e, page, 'cases-raid-phone');

    await page.getByRole('button', { name: id('casesWeb.raid.submit', { count: 3 }) }).click();
    await page.getByText(id('casesWeb.raid.doneTitle', { count: 3 })).waitFor();
    const result = page.getByTestId('raid-result');
    await expect(result.getByRole('link', { name: id('casesWeb.raid.openCase') }).count()).resolves.toBe(3);
    for (const person of people) await result.getByText(person.name).waitFor();
    await result.getByTestId('raid-photo-done').waitFor();
    await expect(result.getByTestId('raid-photo-done').count()).resolves.toBe(1);
    await shot(e2e, page, 'cases-raid-result-phone');

    // The worklist of today has the three new cases, as cards on a phone.
    await page.getByRole('link', { name: id('casesWeb.raid.toWorklist') }).click();
    await page.getByRole('heading', { name: id('casesWeb.list.title') }).waitFor();
    await expect(page.getByRole('tab', { name: id('casesWeb.lists.new_today') }).getAttribute('aria-selected')).resolves.toBe('true');
    for (const person of people) await page.getByTestId('case-card').filter({ hasText: person.name }).waitFor();
    // The shared categories went to the adults, the child's own to him.
    const adultCard = page.getByTestId('case-card').filter({ hasText: people[0].name });
    await expect(adultCard.textContent()).resolves.toContain(id('ppks.ppks_11'));
    await expect(adultCard.textContent()).resolves.toContain(id('ppks.ppks_12'));
    const childCard = page.getByTestId('case-card').filter({ hasText: people[2].name });
    await expect(childCard.textContent()).resolves.toContain(id('ppks.ppks_04'));
    await expect(childCard.textContent()).resolves.toContain(stageName('initial_identification'));
    await shot(e2e, page, 'cases-worklist-phone');

    // Search is typo tolerant: "Darta" finds Pak Darto.
    await page.getByRole('searchbox', { name: id('casesWeb.list.search') }).fill('Darta');
    await page.waitForURL(/q=Darta/);
    await expect.poll(() => page.getByTestId('case-card').count()).toBe(1);
    await page.getByTestId('case-card').filter({ hasText: 'Pak Darto' }).click();
    await page.getByRole('heading', { name: 'Pak Darto', level: 1 }).waitFor();
    await expectStatuses(page, { reception: 'completed', initial_identification: 'in_progress' });
    await expect(page.getByTestId('intake-facts').textContent()).resolves.toContain('Alun-alun Kota Probolinggo');
    // His photo is with the case.
    await page.getByRole('button', { name: id('attachments.title') }).click();
    await page.getByTestId('case-attachments').getByRole('img').waitFor();
    await shot(e2e, page, 'cases-case-new-phone');

    expect(unexpectedErrors(e2e, page)).toEqual([]);
  }, 180_000);

  it('[CASES][RETURNING_CLIENT]: a returning client is found by search and gets a second case; a stale page is told when someone else moved the case on', async () => {
    const officer = await e2e.newDesktopPage({ session: await e2e.login(OFFICER.username, OFFICER.password) });
    await officer.goto('/cases/new');
    await officer.getByRole('heading', { name: id('casesWeb.intake.title') }).waitFor();
    // A typo still finds her, with her last case.
    await officer.getByRole('searchbox', { name: id('casesWeb.clientSearch.label') }).fill('Sulastry');
    await officer.getByRole('button', { name: id('casesWeb.clientSearch.chooseNamed', { name: 'Sulastri' }) }).click();
    await officer.getByTestId('selected-client').waitFor();
    // Her identity is already on record: no identity fields to fill again.
    await expect(officer.getByRole('textbox', { name: id('casesWeb.intake.name') }).count()).resolves.toBe(0);
    await choose(officer, officer, id('fields.source'), id('enums.case_sources.walk_in'));
    await chooseMany(officer, officer, id('fields.categories'), [id('ppks.local_stranded_traveller')]);
    await officer.getByRole('button', { name: id('casesWeb.intake.submit') }).click();
    await officer.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await officer.getByRole('heading', { name: 'Sulastri', level: 1 }).waitFor();
    const secondCaseUrl = new URL(officer.url()).pathname;
    expect(secondCaseUrl).not.toBe(caseUrl);
    // The first case is listed, and links back.
    await officer.getByTestId('previous-cases').getByRole('link').first().waitFor();
    expect(await officer.getByTestId('previous-cases').getByRole('link').first().getAttribute('href')).toBe(caseUrl);

    // The social worker has the case open while the officer completes the identification.
    const worker = await e2e.newDesktopPage({ session: await e2e.login(WORKER.username, WORKER.password) });
    await worker.goto(secondCaseUrl);
    await expectStatuses(worker, { initial_identification: 'in_progress' });
    await completeStage(officer, 'initial_identification');

    await stage(worker, 'initial_identification').getByRole('button', { name: id('casesWeb.stages.complete') }).click();
    const dialog = worker.getByRole('dialog');
    await dialog.getByRole('button', { name: id('casesWeb.stages.complete') }).click();
    const conflict = dialog.getByTestId('case-conflict');
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain(id('casesWeb.stages.notCurrent', { stage: stageName('initial_identification') }));
    await shot(e2e, worker, 'cases-conflict-desktop');
    await dialog.getByRole('button', { name: id('web.common.cancel') }).click();
    // Behind the dialog the page was brought up to date.
    await expectStatuses(worker, { initial_identification: 'completed', health_civil_check: 'in_progress' });

    expect(unexpectedErrors(e2e, officer)).toEqual([]);
    // The refused request itself is the only error the worker's browser reports.
    expect(unexpectedErrors(e2e, worker).filter((line) => !/status of 409/.test(line))).toEqual([]);
  }, 120_000);

  it('[CASES][SCREENS]: the worklist, intake and raid pages at both sizes; the worklist loads little more than home', async () => {
    const session = await e2e.login(OFFICER.username, OFFICER.password);

    // A client who arrived five days ago (received an hour later) and is still at identification: the
    // case and its stage are overdue, flagged in red.
    const { items } = await apiAs<{ items: { id: string; kind: string }[] }>(e2e, session, 'GET', '/organizations');
    const arrivedAt = Date.now() - 5 * 24 * 3_600_000;
    await apiAs(e2e, session, 'POST', '/intakes', {
      organizationId: items.find((org) => org.kind === 'unit')?.id,
      source: 'community_complaint',
      arrivedAt: new Date(arrivedAt).toISOString(),
      receptionCompletedAt: new Date(arrivedAt + 3_600_000).toISOString(),
      // Long category names: the desktop table's other columns take the width, the flag must still read whole.
      categories: ['local_psychotic_homeless', 'ppks_06', 'ppks_07'],
      client: { name: 'Mbah Karto Wiryo Sudarmo Hadiningrat', aliases: ['Mbah Karto dari Terminal Bayuangga'], nameQuality: 'partial', sex: 'male', estimatedAge: 70 },
    });
    for (const open of [() => e2e.newPhonePage({ session }), () => e2e.newDesktopPage({ session })]) {
      const page = await open();
      await page.goto('/cases?list=overdue');
      const flagged = page.getByTestId(page.viewportSize()?.width === 360 ? 'case-card' : 'case-row').filter({ hasText: 'Mbah Karto' });
      await flagged.getByTestId('overdue-flag').first().waitFor();
      const color = await flagged.getByTestId('overdue-flag').first().evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(color).toMatch(/^rgb\((2[0-9]{2}), ([0-9]{1,2}), ([0-9]{1,2})\)$/);
      // The flag's words are shown whole, also in the desktop table's narrow last column.
      // On a desktop also at 1024 px, an older office PC's screen, where the table is at its narrowest.
      for (const width of page.viewportSize()?.width === 360 ? [360] : [1366, 1024]) {
        if (width === 1024) await page.setViewportSize({ width, height: 768 });
        const label = await flagged
          .getByTestId('overdue-flag')
          .first()
          .evaluate((el) => {
            const text = el.querySelector<HTMLElement>('.mantine-Badge-label') ?? el;
            return { text: text.textContent, scrollWidth: text.scrollWidth, clientWidth: text.clientWidth };
          });
        // Cards say the case is late; the desktop table says which: here its stage (identification).
        expect(label.text).toBe(id(width === 360 ? 'casesWeb.overdue.case' : 'casesWeb.overdue.stage'));
        expect(label.scrollWidth, `overdue flag cut off at ${width} px`).toBeLessThanOrEqual(label.clientWidth);
        // …and in sight without scrolling the table sideways.
        const box = await flagged.getByTestId('overdue-flag').first().boundingBox();
        expect((box?.x ?? Number.POSITIVE_INFINITY) + (box?.width ?? 0), `overdue flag out of sight at ${width} px`).toBeLessThanOrEqual(width);
      }
      await shot(e2e, page, `cases-worklist-overdue-${page.viewportSize()?.width === 360 ? 'phone' : 'desktop'}`);
    }

    // The case pages load on demand: opening the worklist first costs little more than opening home.
    const home = await scriptBytes(await e2e.newPhonePage({ session }), '/', id('web.home.welcome', { name: OFFICER.name }));
    const worklist = await scriptBytes(await e2e.newPhonePage({ session }), '/cases', id('casesWeb.list.title'));
    expect(worklist - home).toBeLessThanOrEqual(WORKLIST_EXTRA_JS_BUDGET);

    for (const [kind, open] of [
      ['phone', () => e2e.newPhonePage({ session })],
      ['desktop', () => e2e.newDesktopPage({ session })],
    ] as const) {
      const page = await open();
      await page.goto('/cases?list=all');
      await page.getByTestId(kind === 'phone' ? 'case-card' : 'case-row').first().waitFor();
      await shot(e2e, page, `cases-worklist-all-${kind}`);
      // The worklists' strip fades at its right edge while lists lie beyond it: on a phone until it is
      // scrolled to the end; on a desktop, where all fit, not at all.
      await page.goto('/cases');
      await page.getByTestId(kind === 'phone' ? 'case-card' : 'case-row').first().waitFor();
      const strip = page.getByRole('tablist', { name: id('casesWeb.list.worklists') });
      const atEnd = () => strip.evaluate((el) => el.hasAttribute('data-at-end'));
      if (kind === 'phone') {
        await page.waitForTimeout(300);
        expect(await atEnd()).toBe(false);
        await strip.evaluate((el) => {
          el.scrollLeft = el.scrollWidth;
        });
      }
      await expect.poll(atEnd, { timeout: 5_000 }).toBe(true);
      await page.goto('/cases/new');
      await page.getByRole('heading', { name: id('casesWeb.intake.title') }).waitFor();
      await shot(e2e, page, `cases-intake-empty-${kind}`);
      // A birth date the field cannot take is not dropped without a word: it says why.
      const birthDate = page.getByRole('textbox', { name: id('fields.birthDate') });
      const today = await page.evaluate(() => new Date().toLocaleDateString('en-GB'));
      for (const [typed, problem] of [
        ['15/08/2031', id('casesWeb.dates.afterMax', { date: today })],
        ['31/02/1990', id('casesWeb.dates.unreadable')],
      ]) {
        await birthDate.fill(typed);
        await birthDate.press('Tab');
        await page.getByText(problem).waitFor();
      }
      // Typing a date it takes clears the message.
      await birthDate.fill('17/08/1985');
      await birthDate.press('Tab');
      expect(await page.getByText(id('casesWeb.dates.unreadable')).count()).toBe(0);
      expect(await birthDate.inputValue()).toBe('17/08/1985');
      // A NIK that cannot be right is warned about as the NIK (its digits 7–8 are a birth date, which the
      // bare message would seem to blame on the birth date field).
      await page.getByRole('textbox', { name: id('fields.nik') }).fill('1234567890123456');
      await page.getByTestId('nik-check').getByText(id('casesWeb.nik.checkNik', { problem: '' }).trim(), { exact: false }).waitFor();
      await page.goto('/cases/raid');
      await page.getByRole('heading', { name: id('casesWeb.raid.title') }).waitFor();
      await shot(e2e, page, `cases-raid-empty-${kind}`);
      // Nothing wider than the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(unexpectedErrors(e2e, page)).toEqual([]);
    }
  }, 120_000);
});
