import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildUserSession, createTestApp, expectJson, setupInstance, type TestApp, type TestSession } from '../../../../tests/support/app.js';
import { createSecondDistrict } from '../../../../tests/support/second-district.js';
import type { CaseDetail } from '../../../shared/contracts/cases.js';
import { notifyOverdueStages } from './notifications.service.js';

type Inbox = { items: { kind: string; link: string | null }[] };

describe('overdue stage notices', () => {
  let app: TestApp;
  let officer: TestSession;
  let worker: TestSession;
  let otherOfficer: TestSession;
  let unitId: string;

  beforeAll(async () => {
    app = await createTestApp({ env: { OVERDUE_CHECK_SECONDS: '0' } });
    const setup = await setupInstance(app);
    const orgs = expectJson<{ items: { id: string; kind: string }[] }>(await api(app, setup.session).get('/api/organizations'), 200);
    unitId = orgs.items.find((o) => o.kind === 'unit')!.id;
    officer = (await buildUserSession(app, setup.session, { role: 'shelter_officer', organizationId: unitId })).session;
    worker = (await buildUserSession(app, setup.session, { role: 'social_worker', organizationId: unitId })).session;
    const other = await createSecondDistrict(app);
    otherOfficer = (await buildUserSession(app, other.adminSession, { role: 'shelter_officer', organizationId: other.unitId })).session;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a stage past its standard time is announced once, to the role responsible for it, and shows on the timeline', async () => {
    const c = expectJson<CaseDetail>(
      await api(app, officer).post('/api/intakes', {
        organizationId: unitId,
        source: 'walk_in',
        arrivedAt: new Date().toISOString(),
        categories: ['ppks_12'],
        client: { name: 'Klien Terlambat' },
      }),
      201,
    );
    // Nothing is late yet.
    expect(await notifyOverdueStages(app.testDatabase.db, new Date())).toBe(0);
    // Three days later identification (the shelter officer's stage) is long past its 30 minutes.
    const later = new Date(Date.now() + 3 * 86_400_000);
    expect(await notifyOverdueStages(app.testDatabase.db, later)).toBeGreaterThanOrEqual(1);
    expect(await notifyOverdueStages(app.testDatabase.db, later)).toBe(0);

    const inbox = expectJson<Inbox>(await api(app, officer).get('/api/notifications'), 200);
    expect(inbox.items.filter((n) => n.kind === 'stage_overdue' && n.link === `/cases/${c.id}`)).toHaveLength(1);
    const workerInbox = expectJson<Inbox>(await api(app, worker).get('/api/notifications'), 200);
    expect(workerInbox.items.some((n) => n.kind === 'stage_overdue')).toBe(false);
    const otherInbox = expectJson<Inbox>(await api(app, otherOfficer).get('/api/notifications'), 200);
    expect(otherInbox.items.some((n) => n.kind === 'stage_overdue')).toBe(false);

    const timeline = expectJson<{ items: { action: string }[] }>(await api(app, worker).get(`/api/cases/${c.id}/timeline`), 200);
    expect(timeline.items.map((i) => i.action)).toContain('case.overdue_notified');
  });
});
