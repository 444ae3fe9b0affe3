/**
 * The shelter board and changes after intake, in a real browser. The administrator sets up a room
 * with three beds over the API; a shelter officer admits a case's client to a bed from the case
 * page, finds them on the occupancy board, corrects the client's name, adds a family contact and
 * assigns a social worker (desktop); on a phone (360x740) the officer admits a second client, reads
 * the board, and sees the overdue count and the follow-ups due on the home page.
 *
 * One server for the file; the tests run in order (the phone test expects the first bed taken).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src/shared/contracts/cases.js';
import { translate } from '../../src/shared/i18n/index.js';
import { apiAs, type E2E, type HttpSession, SCREENSHOT_DIR, startE2E } from '../support/browser.js';
import { choose } from '../support/mantine.js';

const id = (key: string, vars?: Record<string, unknown>) => translate('id', key, vars);

const OFFICER = { name: 'Siti Aminah', username: 'siti.shelter', temporary: 'sementara-siti-1', password: 'siti-password-2026' };
const WORKER = { name: 'Rahmat Hidayat', username: 'rahmat.peksos', temporary: 'sementara-rahmat-1', password: 'rahmat-password-2026' };
const ROOM = 'Kamar Melati';

/** Browser noise that is expected: the session check answers 401 before login. */
function unexpectedErrors(e2e: E2E, page: Page): string[] {
  return e2e.pageErrors(page).filter((line) => !/status of 401/.test(line));
}

/** A user made by the administrator, who has replaced the temporary password; returns a fresh session. */
async function createUser(e2e: E2E, admin: HttpSession, organizationId: string, user: typeof OFFICER, role: string): Promise<HttpSession> {
  await apiAs(e2e, admin, 'POST', '/users', { name: user.name, username: user.username, role, organizationId, password: user.temporary });
  const first = await e2e.login(user.username, user.temporary);
  await apiAs(e2e, first, 'POST', '/auth/password', { currentPassword: user.temporary, newPassword: user.password });
  return e2e.login(user.username, user.password);
}

/** A full-page screenshot from the top, so the fixed header is drawn where it belongs. */
async function shot(e2e: E2E, page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(150);
  return e2e.screenshot(page, name);
}

/** On the case page: open the shelter section of the records and put the client on `bed`. */
async function admitFromCasePage(page: Page, bed: string) {
  const section = page.getByTestId('records-shelter');
  const toggle = section.getByRole('button', { name: id('shelter.title') });
  const admit = section.getByRole('button', { name: id('shelter.admit') });
  // Open the section unless it is open: the case page may still be settling, and a click that
  // landed on a section drawn again closed would otherwise leave the button hidden for good.
  await expect
    .poll(
      async () => {
        if (await admit.isVisible()) return true;
        if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
        return admit.isVisible();
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  await admit.click();
  const dialog = page.getByRole('dialog', { name: id('shelter.admit') });
  await choose(page, dialog, id('shelter.chooseBed'), `${ROOM} · ${bed}`);
  await dialog.getByRole('button', { name: id('web.common.save') }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('shelter-stay').getByText(`${ROOM} · ${bed}`).waitFor();
}

const totals = async (page: Page) => ({
  beds: await page.getByTestId('total-beds').locator('p').nth(1).textContent(),
  occupied: await page.getByTestId('total-occupied').locator('p').nth(1).textContent(),
  free: await page.getByTestId('total-free').locator('p').nth(1).textContent(),
});

describe('shelter board and changes after intake', () => {
  let e2e: E2E;
  let officer: HttpSession;
  let first: CaseDetail;
  let second: CaseDetail;
  let unitId = '';

  beforeAll(async () => {
    e2e = await startE2E();
    const admin = await e2e.setup();
    const { items } = await apiAs<{ items: { id: string; kind: string }[] }>(e2e, admin, 'GET', '/organizations');
    const unit = items.find((org) => org.kind === 'unit');
    if (!unit) throw new Error('setup made no shelter unit');
    unitId = unit.id;
    // Rooms are shelter configuration: the administrator sets them up.
    await apiAs(e2e, admin, 'POST', '/shelter/rooms', { organizationId: unit.id, name: ROOM, sex: 'mixed', bedLabels: ['A1', 'A2', 'A3'] });
    officer = await createUser(e2e, admin, unit.id, OFFICER, 'shelter_officer');
    await createUser(e2e, admin, unit.id, WORKER, 'social_worker');
    const intake = (name: string, sex: string, hoursAgo: number) =>
      apiAs<CaseDetail>(e2e, officer, 'POST', '/intakes', {
        organizationId: unit.id,
        source: 'police',
        broughtByAgency: 'Polsek Mayangan',
        arrivedAt: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
        categories: ['ppks_11'],
        client: { name, nameQuality: 'partial', sex, estimatedAge: 55 },
      });
    first = await intake('Pak Darmo', 'male', 1);
    // Arrived ten days ago and still open: past the two-working-day target.
    second = await intake('Bu Ningsih', 'female', 240);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await apiAs(e2e, officer, 'POST', `/cases/${second.id}/follow-ups`, { dueDate: yesterday, notes: 'Telepon keluarga' });
    await apiAs(e2e, officer, 'POST', `/cases/${first.id}/follow-ups`, { dueDate: inThreeDays });
  }, 180_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it('[SHELTER][BOARD]: on a desktop, an officer admits a client from the case page, finds them on the board, corrects the name and assigns a worker', async () => {
    const page = await e2e.newDesktopPage({ session: officer });
    await page.goto(`/cases/${first.id}`);
    await page.getByRole('heading', { name: 'Pak Darmo', level: 1 }).waitFor();
    await admitFromCasePage(page, 'A1');

    // The board, from the menu: one of three beds taken, by this client.
    await page.getByRole('navigation').getByRole('link', { name: id('shelterWeb.nav'), exact: true }).click();
    await page.getByRole('heading', { name: id('shelterWeb.title'), level: 1 }).waitFor();
    const bed = page.getByTestId('bed-A1');
    await bed.getByTestId('occupant-name').getByText('Pak Darmo').waitFor();
    expect(await bed.getByTestId('occupant-case').textContent()).toBe(first.caseNumber);
    expect(await bed.getByTestId('occupant-nights').textContent()).toContain(id('shelterWeb.nights', { count: 0, limit: 7 }));
    expect(await page.getByTestId('bed-A2').getAttribute('data-occupied')).toBe('false');
    expect(await totals(page)).toEqual({ beds: '3', occupied: '1', free: '2' });
    await shot(e2e, page, 'shelter-board-desktop');

    // Back to the case through the board; correct the client's name.
    await bed.getByTestId('occupant-case').click();
    await page.getByRole('heading', { name: 'Pak Darmo', level: 1 }).waitFor();
    await page.getByTestId('edit-client').click();
    const editClient = page.getByRole('dialog', { name: id('caseEdit.editClient') });
    const name = editClient.getByRole('textbox', { name: id('casesWeb.intake.name') });
    expect(await name.inputValue()).toBe('Pak Darmo');
    await name.fill('');
    await editClient.getByRole('button', { name: id('web.common.save') }).click();
    await editClient.getByText(id('validation.required')).waitFor();
    await name.fill('Darmo Sutrisno');
    await choose(page, editClient, id('fields.nameQuality'), id('enums.data_quality.full'));
    await shot(e2e, page, 'case-edit-client-desktop');
    await editClient.getByRole('button', { name: id('web.common.save') }).click();
    await editClient.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Darmo Sutrisno', level: 1 }).waitFor();
    await page.getByTestId('client-card').getByText('Darmo Sutrisno').waitFor();

    // A family contact for tracing.
    await page.getByTestId('family-section').getByRole('button', { name: id('caseEdit.family.add') }).click();
    const addMember = page.getByRole('dialog', { name: id('caseEdit.family.addTitle') });
    await addMember.getByRole('textbox', { name: id('caseEdit.family.name') }).fill('Sutinah');
    await addMember.getByRole('textbox', { name: id('caseEdit.family.relation') }).fill('istri');
    await addMember.getByRole('textbox', { name: id('caseEdit.family.phone') }).fill('081234567890');
    await addMember.getByRole('button', { name: id('web.common.save') }).click();
    await addMember.waitFor({ state: 'detached' });
    await page.getByTestId('family-member').getByText('Sutinah').waitFor();

    // Assign the social worker: only casework users of the unit (and above) are offered.
    expect(await page.getByTestId('assigned-worker').textContent()).toBe(id('caseEdit.noWorker'));
    await page.getByTestId('assign-worker').click();
    const assign = page.getByRole('dialog', { name: id('caseEdit.assignTitle') });
    await assign.getByRole('combobox', { name: id('caseEdit.worker') }).click();
    await page.getByRole('option', { name: `${WORKER.name} · ${id('web.roles.social_worker')}` }).waitFor();
    await page.getByRole('option', { name: `${OFFICER.name} · ${id('web.roles.shelter_officer')}` }).waitFor();
    await page.getByRole('option', { name: `${WORKER.name} · ${id('web.roles.social_worker')}` }).click();
    await assign.getByRole('button', { name: id('web.common.save') }).click();
    await assign.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('assigned-worker').textContent()).toBe(WORKER.name);
    await shot(e2e, page, 'case-after-edits-desktop');

    // The timeline tells what changed; the board shows the corrected name.
    await page.goto('/shelter');
    await page.getByTestId('bed-A1').getByTestId('occupant-name').getByText('Darmo Sutrisno').waitFor();
    expect(unexpectedErrors(e2e, page)).toEqual([]);

    // The changes reached the server.
    const saved = await apiAs<CaseDetail>(e2e, officer, 'GET', `/cases/${first.id}`);
    expect(saved.client.name).toBe('Darmo Sutrisno');
    expect(saved.assignedWorkerName).toBe(WORKER.name);
  });

  it('[SHELTER][BOARD_PHONE]: on a phone, an officer admits a second client, reads the board, and sees overdue cases and follow-ups at home', async () => {
    const page = await e2e.newPhonePage({ session: officer });
    await page.goto(`/cases/${second.id}`);
    await page.getByRole('heading', { name: 'Bu Ningsih', level: 1 }).waitFor();
    await admitFromCasePage(page, 'A2');
    await shot(e2e, page, 'case-admitted-phone');
    // The side sections of the case page, and the identity form full screen on the phone.
    await page.getByTestId('family-section').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'case-side-sections-phone.png') });
    await page.getByTestId('edit-client').click();
    const editClient = page.getByRole('dialog', { name: id('caseEdit.editClient') });
    expect(await editClient.getByRole('textbox', { name: id('casesWeb.intake.name') }).inputValue()).toBe('Bu Ningsih');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'case-edit-client-phone.png') });
    await editClient.getByRole('button', { name: id('web.common.cancel') }).click();
    await editClient.waitFor({ state: 'detached' });

    // A third client, on bed A3 for eight nights already: past the seven-day limit.
    const third = await apiAs<CaseDetail>(e2e, officer, 'POST', '/intakes', {
      organizationId: unitId,
      source: 'satpol_pp_raid',
      arrivedAt: new Date(Date.now() - 9 * 86_400_000).toISOString(),
      categories: ['ppks_08'],
      client: { name: 'Mbah Karto', nameQuality: 'partial', sex: 'male', estimatedAge: 75 },
    });
    const rooms = await apiAs<{ beds: { id: string; label: string }[] }[]>(e2e, officer, 'GET', `/shelter/rooms?organizationId=${unitId}`);
    const bedA3 = rooms[0].beds.find((b) => b.label === 'A3')!;
    await apiAs(e2e, officer, 'POST', '/shelter/stays', { caseId: third.id, bedId: bedA3.id, admittedAt: new Date(Date.now() - 8 * 86_400_000).toISOString() });

    await page.goto('/shelter');
    await page.getByRole('heading', { name: id('shelterWeb.title'), level: 1 }).waitFor();
    await page.getByTestId('bed-A2').getByTestId('occupant-name').getByText('Bu Ningsih').waitFor();
    expect(await totals(page)).toEqual({ beds: '3', occupied: '3', free: '0' });
    const overStay = page.getByTestId('bed-A3');
    await overStay.getByTestId('over-stay').waitFor();
    expect(await overStay.getByTestId('occupant-nights').textContent()).toContain(id('shelterWeb.nights', { count: 8, limit: 7 }));
    expect(await page.getByText(`${id('shelterWeb.totals.over')}: 1`).isVisible()).toBe(true);
    // Nothing on the board is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(e2e, page, 'shelter-board-phone');

    // Home: the overdue count links to the overdue worklist; yesterday's follow-up is red.
    await page.goto('/');
    const overdueCount = page.getByTestId('overdue-count');
    // The home page's counts load after the app starts; on a CI machine running four browser test files
    // at once that takes longer than expect.poll's default second.
    await expect.poll(async () => Number(await overdueCount.textContent()), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    const due = page.getByTestId('follow-up-due');
    await expect.poll(() => due.count(), { timeout: 10_000 }).toBe(2);
    expect(await due.first().getAttribute('data-overdue')).toBe('true');
    expect(await due.first().textContent()).toContain('Bu Ningsih');
    expect(await due.first().textContent()).toContain(id('homeCases.followUpOverdue'));
    await shot(e2e, page, 'home-casework-phone');
    await page.getByTestId('overdue-card').click();
    await page.waitForURL(/\/cases\?list=overdue/);
    await page.getByText('Bu Ningsih').first().waitFor();
    expect(unexpectedErrors(e2e, page)).toEqual([]);
  });
});
