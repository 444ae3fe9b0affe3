/**
 * Settings in a real browser: on a desktop an administrator changes a stage's standard time and
 * publishes SOP version 2; on a phone (360x740) the administrator adds a holiday and creates a room
 * with two beds. Then, over the API, a shelter officer's new intake runs on the new standard time,
 * and the officer sees the SOP read-only.
 *
 * One server for the file; the tests run in order and build on each other.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src/shared/contracts/cases.js';
import type { RoomView } from '../../src/shared/contracts/shelter.js';
import type { SopView } from '../../src/shared/contracts/sop.js';
import { translate } from '../../src/shared/i18n/index.js';
import { DEFAULT_SOP } from '../../src/shared/workflow/default-sop.js';
import { apiAs, type E2E, type HttpSession, startE2E } from '../support/browser.js';
import { escapeRegExp } from '../support/mantine.js';

const id = (key: string, vars?: Record<string, unknown>) => translate('id', key, vars);
/** A label as Mantine renders it: a required field adds " *". */
const label = (key: string, vars?: Record<string, unknown>) => new RegExp(`^${escapeRegExp(id(key, vars))}( \\*)?$`);

const OFFICER = { name: 'Siti Aminah', username: 'siti.shelter', temporary: 'sementara-siti-1', password: 'siti-password-2026' };
const IDENTIFICATION = DEFAULT_SOP.find((s) => s.key === 'initial_identification');
const NEW_MINUTES = 45;
const VERSION_NAME = 'SOP SPOT HANDAL revisi 1';
const ROOM = 'Kamar Melati';

/** Browser noise that is expected: the session check answers 401 before login. */
function unexpectedErrors(e2e: E2E, page: Page): string[] {
  return e2e.pageErrors(page).filter((line) => !/status of 401/.test(line));
}

/** A full-page screenshot from the top, so the fixed header is drawn where it belongs. */
async function shot(e2e: E2E, page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(150);
  return e2e.screenshot(page, name);
}

describe('[ADMIN][SETTINGS] an administrator configures the shelter service in the browser', () => {
  let e2e: E2E;
  let admin: HttpSession;
  let unitId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    admin = await e2e.setup();
    const { items } = await apiAs<{ items: { id: string; kind: string }[] }>(e2e, admin, 'GET', '/organizations');
    unitId = items.find((org) => org.kind === 'unit')?.id ?? '';
    expect(unitId).not.toBe('');
  }, 120_000);
  afterAll(() => e2e?.close());

  it('[DESKTOP] changes the standard time of a stage and publishes SOP version 2', async () => {
    expect(IDENTIFICATION?.standardMinutes).toBe(30);
    const page = await e2e.newDesktopPage({ session: admin });
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: id('settingsWeb.nav.settings'), exact: true }).click();
    await page.getByRole('heading', { name: id('settingsWeb.hub.title'), level: 1 }).waitFor();
    await shot(e2e, page, 'settings-hub-desktop');
    await page.getByRole('link', { name: new RegExp(escapeRegExp(id('settingsWeb.sop.title'))) }).click();
    await page.getByRole('heading', { name: id('settingsWeb.sop.title'), level: 1 }).waitFor();

    // Version 1 is the SPOT HANDAL default: 12 stages, 1,455 minutes.
    await expect.poll(() => page.getByTestId('sop-version').textContent()).toBe(id('settingsWeb.sop.version', { version: 1 }));
    expect(await page.getByTestId('sop-total').textContent()).toBe('1.455 menit');
    expect(await page.getByTestId('sop-view-initial_identification').textContent()).toContain('30 menit');
    await shot(e2e, page, 'settings-sop-desktop');

    await page.getByRole('button', { name: id('settingsWeb.sop.edit') }).click();
    const identification = page.getByTestId('sop-stage-initial_identification');
    const minutes = identification.getByRole('textbox', { name: label('settingsWeb.sop.standardMinutes') });
    await expect.poll(() => minutes.inputValue()).toBe('30');

    // An empty standard time is refused at that stage's field before anything is sent.
    await minutes.fill('');
    await page.getByRole('button', { name: id('settingsWeb.sop.publishButton') }).click();
    await identification.getByText(id('validation.required')).waitFor();
    await minutes.fill(String(NEW_MINUTES));
    await expect.poll(() => page.getByTestId('sop-total').textContent()).toBe('1.470 menit');

    // Reorder with the buttons (no dragging): move a stage down and back up.
    const tracingName = DEFAULT_SOP.find((s) => s.key === 'family_tracing')?.name.id ?? '';
    const order = () => page.locator('[data-testid^="sop-stage-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    const before = await order();
    await page.getByRole('button', { name: id('settingsWeb.sop.moveDown', { stage: tracingName }) }).click();
    const moved = await order();
    const at = before.indexOf('sop-stage-family_tracing');
    expect(moved[at + 1]).toBe('sop-stage-family_tracing');
    await page.getByRole('button', { name: id('settingsWeb.sop.moveUp', { stage: tracingName }) }).click();
    expect(await order()).toEqual(before);
    // Reception and termination stay where the case flow needs them.
    const receptionName = DEFAULT_SOP[0].name.id;
    expect(await page.getByRole('button', { name: id('settingsWeb.sop.remove', { stage: receptionName }) }).isDisabled()).toBe(true);

    // Add a stage, then think better of it.
    await page.getByRole('button', { name: id('settingsWeb.sop.addStage') }).click();
    await expect.poll(async () => (await order()).length).toBe(13);
    await page.getByRole('button', { name: id('settingsWeb.sop.remove', { stage: id('settingsWeb.sop.newStage') }) }).click();
    await expect.poll(async () => (await order()).length).toBe(12);
    await shot(e2e, page, 'settings-sop-edit-desktop');

    await page.getByRole('button', { name: id('settingsWeb.sop.publishButton') }).click();
    const dialog = page.getByRole('dialog', { name: id('settingsWeb.sop.publishTitle', { version: 2 }) });
    await dialog.getByText(id('settingsWeb.sop.publishExplain', { version: 2, current: 1 })).waitFor();
    // The version needs a name.
    await dialog.getByRole('button', { name: id('settingsWeb.sop.publish', { version: 2 }) }).click();
    await dialog.getByText(id('validation.required')).waitFor();
    await dialog.getByRole('textbox', { name: label('settingsWeb.sop.versionName') }).fill(VERSION_NAME);
    await dialog.getByRole('button', { name: id('settingsWeb.sop.publish', { version: 2 }) }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByText(id('settingsWeb.sop.publishedTitle', { version: 2 })).waitFor();
    await expect.poll(() => page.getByTestId('sop-version').textContent()).toBe(id('settingsWeb.sop.version', { version: 2 }));
    expect(await page.getByTestId('sop-total').textContent()).toBe('1.470 menit');
    expect(await page.getByTestId('sop-view-initial_identification').textContent()).toContain(`${NEW_MINUTES} menit`);
    await shot(e2e, page, 'settings-sop-published-desktop');

    const sop = await apiAs<SopView>(e2e, admin, 'GET', `/sop?organizationId=${unitId}`);
    expect(sop).toMatchObject({ version: 2, name: VERSION_NAME, totalMinutes: 1470 });
    expect(sop.stages.map((s) => s.key)).toEqual(DEFAULT_SOP.map((s) => s.key));
    expect(sop.stages.find((s) => s.key === 'initial_identification')?.standardMinutes).toBe(NEW_MINUTES);
    expect(unexpectedErrors(e2e, page)).toEqual([]);
  }, 120_000);

  it('[PHONE] adds a holiday and creates a room with two beds', async () => {
    const page = await e2e.newPhonePage({ session: admin });
    await page.goto('/');
    await page.getByRole('button', { name: id('web.nav.open') }).click();
    await page.getByRole('navigation').getByRole('link', { name: id('settingsWeb.nav.settings'), exact: true }).click();
    await page.getByRole('heading', { name: id('settingsWeb.hub.title'), level: 1 }).waitFor();
    await page.getByRole('link', { name: new RegExp(escapeRegExp(id('settingsWeb.service.title'))) }).click();
    await page.getByRole('heading', { name: id('settingsWeb.service.title'), level: 1 }).waitFor();
    await page.getByTestId('weekday-1').waitFor();
    await shot(e2e, page, 'settings-service-phone');

    // A holiday: Independence Day 2026.
    await page.getByRole('button', { name: id('settingsWeb.service.addHoliday') }).click();
    const date = page.getByRole('textbox', { name: id('settingsWeb.service.holidayDate', { n: 1 }) });
    await date.fill('17/08/2026');
    await date.press('Tab');
    await page.getByRole('textbox', { name: id('settingsWeb.service.holidayName', { n: 1 }) }).fill('Hari Kemerdekaan RI');
    await page.getByRole('button', { name: id('web.common.save') }).click();
    await page.getByText(id('settingsWeb.service.savedTitle')).waitFor();
    await shot(e2e, page, 'settings-service-saved-phone');
    const settings = await apiAs<{ holidays: { date: string; name: string }[] }>(e2e, admin, 'GET', `/service-settings?organizationId=${unitId}`);
    expect(settings.holidays).toEqual([{ date: '2026-08-17', name: 'Hari Kemerdekaan RI' }]);

    // A room for women with two beds.
    await page.getByRole('tab', { name: id('settingsWeb.tabs.rooms') }).click();
    await page.getByRole('heading', { name: id('settingsWeb.rooms.title'), level: 1 }).waitFor();
    await page.getByText(id('settingsWeb.rooms.emptyManage')).waitFor();
    await page.getByRole('button', { name: id('shelter.addRoom') }).click();
    const dialog = page.getByRole('dialog', { name: id('shelter.addRoom') });
    await dialog.getByRole('textbox', { name: label('shelter.roomName') }).fill(ROOM);
    await dialog.getByText(id('shelter.room_sexes.female'), { exact: true }).click();
    await dialog.getByRole('textbox', { name: id('settingsWeb.rooms.bedLabelN', { n: 1 }) }).fill('M1');
    await dialog.getByRole('button', { name: id('shelter.addBed') }).click();
    await dialog.getByRole('textbox', { name: id('settingsWeb.rooms.bedLabelN', { n: 2 }) }).fill('M2');
    await shot(e2e, page, 'settings-room-dialog-phone');
    await dialog.getByRole('button', { name: id('web.common.save') }).click();
    await dialog.waitFor({ state: 'detached' });
    const card = page.getByTestId(`room-${ROOM}`);
    await card.getByTestId(`bed-${ROOM}-M1`).waitFor();
    await card.getByTestId(`bed-${ROOM}-M2`).waitFor();
    expect(await card.getByText(id('shelter.room_sexes.female')).count()).toBe(1);
    await shot(e2e, page, 'settings-rooms-phone');

    const rooms = await apiAs<RoomView[]>(e2e, admin, 'GET', `/shelter/rooms?organizationId=${unitId}`);
    expect(rooms).toHaveLength(1);
    expect(rooms[0]).toMatchObject({ name: ROOM, sex: 'female', isActive: true });
    expect(rooms[0].beds.map((b) => b.label).sort()).toEqual(['M1', 'M2']);

    // Take a bed out of service; it shows as such.
    await page.getByRole('button', { name: id('settingsWeb.rooms.bedActions', { bed: 'M2', room: ROOM }) }).click();
    // Each change waits for the server's answer first: under load the page's refetch after it can be
    // slower than a poll's few seconds.
    const bedSaved = () => page.waitForResponse((r) => r.url().includes('/api/shelter/beds/') && r.request().method() === 'PATCH');
    const [outOfService] = await Promise.all([bedSaved(), page.getByRole('menuitem', { name: id('shelter.takeOutOfService') }).click()]);
    expect(outOfService.status()).toBe(200);
    await expect.poll(() => card.getByTestId(`bed-${ROOM}-M2`).getAttribute('data-status'), { timeout: 15_000 }).toBe('inactive');
    await shot(e2e, page, 'settings-rooms-bed-out-of-service-phone');
    // Hidden on request, and back in service from its menu.
    await page.getByRole('switch', { name: id('settingsWeb.rooms.hideInactive') }).click();
    await expect.poll(() => card.getByTestId(`bed-${ROOM}-M2`).count()).toBe(0);
    await page.getByRole('switch', { name: id('settingsWeb.rooms.hideInactive') }).click();
    await page.getByRole('button', { name: id('settingsWeb.rooms.bedActions', { bed: 'M2', room: ROOM }) }).click();
    const [inService] = await Promise.all([bedSaved(), page.getByRole('menuitem', { name: id('shelter.putInService') }).click()]);
    expect(inService.status()).toBe(200);
    await expect.poll(() => card.getByTestId(`bed-${ROOM}-M2`).getAttribute('data-status'), { timeout: 15_000 }).toBe('free');
    expect(unexpectedErrors(e2e, page)).toEqual([]);
  }, 120_000);

  it('[API] a new intake uses the new standard time; the officer sees the SOP read-only', async () => {
    await apiAs(e2e, admin, 'POST', '/users', {
      name: OFFICER.name,
      username: OFFICER.username,
      role: 'shelter_officer',
      organizationId: unitId,
      password: OFFICER.temporary,
    });
    const first = await e2e.login(OFFICER.username, OFFICER.temporary);
    const changed = await fetch(`${e2e.baseUrl}/api/auth/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `singgah_session=${first.token}`, 'x-csrf-token': first.csrfToken },
      body: JSON.stringify({ currentPassword: OFFICER.temporary, newPassword: OFFICER.password }),
    });
    expect(changed.status).toBe(200);
    const officer = await e2e.login(OFFICER.username, OFFICER.password);

    const created = await apiAs<CaseDetail>(e2e, officer, 'POST', '/intakes', {
      organizationId: unitId,
      source: 'community_complaint',
      arrivedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      categories: ['ppks_11'],
      client: { name: 'Pak Darmo', nameQuality: 'partial', sex: 'male', estimatedAge: 60 },
    });
    // Reception is done at intake; identification is now running against the new 45 minutes.
    expect(created.currentStageKey).toBe('initial_identification');
    expect(created.currentStageStandardMinutes).toBe(NEW_MINUTES);
    expect(created.stages.find((s) => s.key === 'initial_identification')?.standardMinutes).toBe(NEW_MINUTES);

    for (const open of [() => e2e.newPhonePage({ session: officer }), () => e2e.newDesktopPage({ session: officer })]) {
      const page = await open();
      const size = page.viewportSize()?.width === 360 ? 'phone' : 'desktop';
      await page.goto('/settings/sop');
      await page.getByRole('heading', { name: id('settingsWeb.sop.title'), level: 1 }).waitFor();
      await page.getByText(id('settingsWeb.sop.introReadOnly')).waitFor();
      await expect.poll(() => page.getByTestId('sop-version').textContent()).toBe(id('settingsWeb.sop.version', { version: 2 }));
      expect(await page.getByTestId('sop-view-initial_identification').textContent()).toContain(`${NEW_MINUTES} menit`);
      expect(await page.getByRole('button', { name: id('settingsWeb.sop.edit') }).count()).toBe(0);
      await shot(e2e, page, `settings-sop-readonly-${size}`);
      // Rooms: caseworkers see them, but cannot change them.
      await page.getByRole('tab', { name: id('settingsWeb.tabs.rooms') }).click();
      await page.getByTestId(`room-${ROOM}`).waitFor();
      expect(await page.getByRole('button', { name: id('shelter.addRoom') }).count()).toBe(0);
      if (size === 'desktop') {
        await page.getByRole('tab', { name: id('settingsWeb.tabs.service') }).click();
        await page.getByRole('heading', { name: id('settingsWeb.service.title'), level: 1 }).waitFor();
        expect(await page.getByRole('button', { name: id('web.common.save') }).count()).toBe(0);
      }
      expect(unexpectedErrors(e2e, page)).toEqual([]);
    }

    // Desktop views of the administrator's service and rooms pages, for the record.
    const page = await e2e.newDesktopPage({ session: admin });
    await page.goto('/settings/service');
    await page.getByRole('textbox', { name: id('settingsWeb.service.holidayName', { n: 1 }) }).waitFor();
    await shot(e2e, page, 'settings-service-desktop');
    await page.goto('/settings/rooms');
    await page.getByTestId(`room-${ROOM}`).waitFor();
    await shot(e2e, page, 'settings-rooms-desktop');
    expect(unexpectedErrors(e2e, page)).toEqual([]);
  }, 120_000);
});
