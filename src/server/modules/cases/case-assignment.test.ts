/**
 * After intake: who may take a case (assignable workers), assigning one, and stage refusals that
 * name the stage as the SOP names it, in the user's language.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildUserSession, createTestApp, expectError, expectJson, type TestApp, type TestSession } from '../../../../tests/support/app.js';
import { openCase } from '../../../../tests/support/case-fixtures.js';
import { buildShelterWorld, type ShelterWorld } from '../../../../tests/support/shelter-fixtures.js';
import type { AssignableWorker, CaseDetail } from '../../../shared/contracts/cases.js';
import { localizeVars } from '../../http/errors.js';
import { auditLog } from '../audit/audit.table.js';

type Workers = { items: AssignableWorker[] };

describe('assigning a worker to a case', () => {
  let app: TestApp;
  let world: ShelterWorld;
  let theCase: CaseDetail;
  let districtWorker: TestSession;
  let retiredOfficerId: string;
  let otherCase: CaseDetail;

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildShelterWorld(app);
    // A social worker of the Dinas Sosial (the unit's parent) may take the unit's cases.
    districtWorker = (await buildUserSession(app, world.admin, { role: 'social_worker', organizationId: world.regencyId, name: 'Dewi Peksos Dinas' })).session;
    const retired = await buildUserSession(app, world.admin, { role: 'shelter_officer', organizationId: world.unitId, name: 'Petugas Pensiun' });
    retiredOfficerId = retired.user.id;
    expectJson(await api(app, world.admin).patch(`/api/users/${retiredOfficerId}`, { isActive: false }), 200);
    theCase = await openCase(app, world.officer, world.unitId);
    otherCase = await openCase(app, world.other.officer, world.other.unitId);
  }, 120_000);
  afterAll(() => app?.close());

  it('lists the active social workers, shelter officers and heads of the unit and the district above it', async () => {
    const { items } = expectJson<Workers>(await api(app, world.officer).get(`/api/cases/${theCase.id}/assignable-workers`), 200);
    const ids = items.map((w) => w.id);
    expect(ids).toEqual(expect.arrayContaining([world.officer.me.user.id, world.worker.me.user.id, world.head.me.user.id, districtWorker.me.user.id]));
    expect(ids, 'viewer').not.toContain(world.viewer.me.user.id);
    expect(ids, 'deactivated officer').not.toContain(retiredOfficerId);
    expect(ids, 'other district').not.toContain(world.other.officer.me.user.id);
    // Only what a select needs leaves the server.
    expect(Object.keys(items[0]).sort()).toEqual(['id', 'name', 'role']);
    expect(items.find((w) => w.id === districtWorker.me.user.id)).toEqual({ id: districtWorker.me.user.id, name: 'Dewi Peksos Dinas', role: 'social_worker' });
  });

  it("does not reveal another district's case (404) and refuses a role without case access (403)", async () => {
    expectError(await api(app, world.officer).get(`/api/cases/${otherCase.id}/assignable-workers`), 404);
    expect(expectError(await api(app, world.admin).get(`/api/cases/${theCase.id}/assignable-workers`), 403).code).toBe('forbidden');
  });

  it('names the field when the case id is malformed', async () => {
    const error = expectError(await api(app, world.officer).get('/api/cases/not-a-case/assignable-workers'), 400);
    expect(error.fields?.map((f: { field: string }) => f.field)).toContain('caseId');
  });

  it('assigns a listed worker and records it in the case timeline', async () => {
    const updated = expectJson<CaseDetail>(
      await api(app, world.officer).patch(`/api/cases/${theCase.id}`, { assignedWorkerId: districtWorker.me.user.id }),
      200,
    );
    expect(updated.assignedWorkerId).toBe(districtWorker.me.user.id);
    expect(updated.assignedWorkerName).toBe('Dewi Peksos Dinas');
    const rows = await app.testDatabase.db.select().from(auditLog).where(eq(auditLog.entityId, theCase.id));
    const assigned = rows.find((r) => r.action === 'case.updated' && r.changes && 'assignedWorkerId' in r.changes);
    expect(assigned?.actorUserId).toBe(world.officer.me.user.id);
    expect(assigned?.changes?.assignedWorkerId).toEqual([null, districtWorker.me.user.id]);
  });

  it('refuses to assign a viewer or a deactivated user, naming the field', async () => {
    for (const userId of [world.viewer.me.user.id, retiredOfficerId]) {
      const error = expectError(await api(app, world.officer).patch(`/api/cases/${theCase.id}`, { assignedWorkerId: userId }), 400);
      expect(error.code).toBe('cases.assignee_not_eligible');
      expect(error.fields?.[0]?.field).toBe('assignedWorkerId');
    }
  });
});

describe('stage refusals name the stage', () => {
  let app: TestApp;
  let world: ShelterWorld;
  let theCase: CaseDetail;

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildShelterWorld(app);
    theCase = await openCase(app, world.officer, world.unitId);
  }, 120_000);
  afterAll(() => app?.close());

  it('says in Indonesian which stage is not in progress, by its SOP name', async () => {
    const error = expectError(await api(app, world.officer).post(`/api/cases/${theCase.id}/stages/assessment/complete`, {}), 409);
    expect(error.code).toBe('cases.stage_not_current');
    expect(error.message).toBe('Tahap "Asesmen klien" bukan tahap yang sedang berjalan.');
  });

  it('says it in English for a user who chose English', async () => {
    expectJson(await api(app, world.worker).put('/api/auth/language', { language: 'en' }), 200);
    const late = expectError(await api(app, world.worker).post(`/api/cases/${theCase.id}/stages/assessment/complete`, {}), 409);
    expect(late.message).toBe('Stage "Client assessment" is not the stage in progress.');
    const mandatory = expectError(await api(app, world.worker).post(`/api/cases/${theCase.id}/stages/initial_identification/skip`, { reason: 'Tidak perlu' }), 409);
    expect(mandatory.code).toBe('cases.stage_not_skippable');
    expect(mandatory.message).toBe('Stage "Initial identification" may not be skipped under the SOP.');
  });

  it('still names an unknown stage by the key that was sent', async () => {
    const error = expectError(await api(app, world.officer).post(`/api/cases/${theCase.id}/stages/no_such_stage/complete`, {}), 409);
    expect(error.code).toBe('cases.stage_unknown_stage');
    expect(error.message).toContain('"no_such_stage"');
  });

  it('picks the language of a bilingual error value and leaves other values alone', () => {
    const vars = { stage: 'assessment', stageName: { id: 'Asesmen klien', en: 'Client assessment' }, count: 3 };
    expect(localizeVars('id', vars)).toEqual({ stage: 'assessment', stageName: 'Asesmen klien', count: 3 });
    expect(localizeVars('en', vars)).toEqual({ stage: 'assessment', stageName: 'Client assessment', count: 3 });
    expect(localizeVars('en', undefined)).toBeUndefined();
  });
});
