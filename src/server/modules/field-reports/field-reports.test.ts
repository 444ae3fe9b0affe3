import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildUserSession, createTestApp, expectError, expectJson, setupInstance, type TestApp, type TestSession } from '../../../../tests/support/app.js';
import { createSecondDistrict } from '../../../../tests/support/second-district.js';
import type { CaseDetail } from '../../../shared/contracts/cases.js';
import type { FieldReportView, OwnFieldReportView } from '../../../shared/contracts/field-reports.js';
import { auditLog } from '../audit/audit.table.js';
import { notifications } from '../notifications/notifications.table.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function report(fields: Record<string, string>, photo?: Buffer): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  if (photo) fd.append('photo', new Blob([new Uint8Array(photo)], { type: 'image/png' }), 'foto.png');
  return fd;
}

describe('field reports from social pillars and Satpol PP', () => {
  let app: TestApp;
  let admin: TestSession;
  let pillar: TestSession;
  let otherPillar: TestSession;
  let satpol: TestSession;
  let panti: TestSession;
  let officer: TestSession;
  let unitId: string;
  let otherDistrictOfficer: TestSession;

  beforeAll(async () => {
    app = await createTestApp();
    admin = (await setupInstance(app)).session;
    const orgs = expectJson<{ items: { id: string; kind: string }[] }>(await api(app, admin).get('/api/organizations'), 200);
    unitId = orgs.items.find((o) => o.kind === 'unit')!.id;
    const regencyId = orgs.items.find((o) => o.kind === 'regency')!.id;
    officer = (await buildUserSession(app, admin, { role: 'shelter_officer', organizationId: unitId })).session;
    pillar = (await buildUserSession(app, admin, { role: 'social_pillar', organizationId: regencyId })).session;
    otherPillar = (await buildUserSession(app, admin, { role: 'social_pillar', organizationId: regencyId })).session;
    const satpolOrg = expectJson<{ id: string }>(await api(app, admin).post('/api/organizations', { parentId: regencyId, kind: 'partner', partnerType: 'satpol_pp', name: 'Satpol PP Kota Probolinggo' }), 201);
    satpol = (await buildUserSession(app, admin, { role: 'partner_officer', organizationId: satpolOrg.id })).session;
    const pantiOrg = expectJson<{ id: string }>(await api(app, admin).post('/api/organizations', { parentId: regencyId, kind: 'partner', partnerType: 'panti', name: 'Panti Asuhan' }), 201);
    panti = (await buildUserSession(app, admin, { role: 'partner_officer', organizationId: pantiOrg.id })).session;
    const second = await createSecondDistrict(app);
    otherDistrictOfficer = (await buildUserSession(app, second.adminSession, { role: 'shelter_officer', organizationId: second.unitId })).session;
  }, 120_000);
  afterAll(() => app?.close());

  let submitted: OwnFieldReportView;

  it('a TKSK reports a person from the field with a photo and location; the shelter is told', async () => {
    const res = await api(app, pillar).post(
      '/api/field-reports',
      report(
        {
          description: 'Lansia tidur di emperan toko, tampak lemah dan bingung',
          categories: 'local_neglected_elderly,ppks_08',
          sex: 'female',
          estimatedAge: '70',
          latitude: '-7.7543',
          longitude: '113.2159',
          locationText: 'Depan Pasar Baru, Jl. Dr. Sutomo',
        },
        PNG,
      ),
    );
    submitted = expectJson<OwnFieldReportView>(res, 201);
    expect(submitted).toMatchObject({ status: 'pending', caseStatus: null, categories: ['local_neglected_elderly', 'ppks_08'] });
    const told = await app.testDatabase.db.select().from(notifications).where(eq(notifications.userId, officer.me.user.id));
    expect(told.map((n) => n.kind)).toContain('field_report');
    const [audit] = await app.testDatabase.db.select().from(auditLog).where(and(eq(auditLog.action, 'field_report.submitted'), eq(auditLog.entityId, submitted.id)));
    expect(audit.actorUserId).toBe(pillar.me.user.id);
  });

  it('refuses a report without a category, naming the field', async () => {
    const err = expectError(await api(app, pillar).post('/api/field-reports', report({ description: 'Anak jalanan di perempatan' })), 400);
    expect(err.fields?.map((f) => f.field)).toContain('categories');
  });

  it('lets Satpol PP officers report, but not a panti’s officers', async () => {
    expectJson(await api(app, satpol).post('/api/field-reports', report({ description: 'Pengemis di lampu merah', categories: 'ppks_12' })), 201);
    expect(expectError(await api(app, panti).post('/api/field-reports', report({ description: 'Pengemis di lampu merah', categories: 'ppks_12' })), 403).code).toBe(
      'field_reports.not_field_partner',
    );
  });

  it('the shelter sees pending reports with the photo; another district does not', async () => {
    const pending = expectJson<{ items: FieldReportView[] }>(await api(app, officer).get('/api/field-reports'), 200);
    const mine = pending.items.find((i) => i.id === submitted.id)!;
    expect(mine).toMatchObject({ organizationId: unitId, latitude: -7.7543, submittedByName: expect.any(String) });
    const photo = await api(app, officer).get(mine.photoUrl!);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(expectJson<{ items: FieldReportView[] }>(await api(app, otherDistrictOfficer).get('/api/field-reports'), 200).items).toEqual([]);
    expect(expectError(await api(app, otherDistrictOfficer).post(`/api/field-reports/${submitted.id}/accept`, {}), 404).code).toBe('field_reports.not_found');
  });

  it('the shelter opens a case from the report; the TKSK follows only its outcome', async () => {
    const { caseId } = expectJson<{ caseId: string }>(await api(app, officer).post(`/api/field-reports/${submitted.id}/accept`, {}), 201);
    const c = expectJson<CaseDetail>(await api(app, officer).get(`/api/cases/${caseId}`), 200);
    expect(c).toMatchObject({ source: 'social_pillar', categories: ['local_neglected_elderly', 'ppks_08'], foundLocation: expect.stringContaining('Pasar Baru') });
    expect(expectError(await api(app, officer).post(`/api/field-reports/${submitted.id}/accept`, {}), 409).code).toBe('field_reports.already_reviewed');
    const own = expectJson<{ items: OwnFieldReportView[] }>(await api(app, pillar).get('/api/field-reports/mine'), 200);
    expect(own.items).toHaveLength(1);
    expect(own.items[0]).toMatchObject({ status: 'accepted', caseStatus: 'open', caseStageKey: expect.any(String) });
    expect(Object.keys(own.items[0])).not.toContain('caseId');
    expect((await app.testDatabase.db.select().from(notifications).where(eq(notifications.userId, pillar.me.user.id))).map((n) => n.kind)).toContain('field_report_accepted');
    // Nothing else: not the case, not the client, not the shelter's list, not another pillar's reports.
    for (const res of [
      await api(app, pillar).get(`/api/cases/${caseId}`),
      await api(app, pillar).get('/api/cases'),
      await api(app, pillar).get(`/api/clients/${c.client.id}`),
      await api(app, pillar).get('/api/field-reports'),
      await api(app, pillar).get(`/api/field-reports/${submitted.id}/photo`),
      await api(app, pillar).get('/api/referrals'),
    ])
      expect(res.statusCode).toBe(403);
    expect(expectJson<{ items: OwnFieldReportView[] }>(await api(app, otherPillar).get('/api/field-reports/mine'), 200).items).toEqual([]);
  });

  it('a declined report tells the submitter why', async () => {
    const r = expectJson<OwnFieldReportView>(await api(app, otherPillar).post('/api/field-reports', report({ description: 'Orang tidur di taman kota', categories: 'ppks_11' })), 201);
    expect(expectError(await api(app, officer).post(`/api/field-reports/${r.id}/decline`, {}), 400).fields?.[0].field).toBe('reason');
    expectJson(await api(app, officer).post(`/api/field-reports/${r.id}/decline`, { reason: 'Sudah ditangani keluarga saat petugas tiba' }), 200);
    const own = expectJson<{ items: OwnFieldReportView[] }>(await api(app, otherPillar).get('/api/field-reports/mine'), 200);
    expect(own.items[0]).toMatchObject({ status: 'declined', declineReason: 'Sudah ditangani keluarga saat petugas tiba' });
  });
});
