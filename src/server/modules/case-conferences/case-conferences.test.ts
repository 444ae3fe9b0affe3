/**
 * Case conferences: recorded with participants, cases, decisions and an intervention plan whose items
 * land in the responsible person's list and turn late after their due date; held conferences complete
 * the stage; minutes as a PDF; another district sees nothing.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildUserSession, createTestApp, expectError, expectJson, firstUnitId, setupInstance, type TestApp, type TestSession } from '../../../../tests/support/app.js';
import { openCase } from '../../../../tests/support/case-fixtures.js';
import { hasPdftotext, PDFTOTEXT_MISSING, pdfText } from '../../../../tests/support/pdf.js';
import { createSecondDistrict } from '../../../../tests/support/second-district.js';
import type { AuditEntryView } from '../../../shared/contracts/audit.js';
import type { CaseConferenceList, CaseConferenceView, PlanItemView } from '../../../shared/contracts/case-conferences.js';
import type { CaseDetail } from '../../../shared/contracts/cases.js';
import { caseStages } from '../cases/cases.table.js';
import { isPlanItemLate, todayIn } from './case-conferences.service.js';
import { interventionPlanItems } from './case-conferences.table.js';


const jakartaDate = (days: number) => todayIn('Asia/Jakarta', new Date(Date.now() + days * 86_400_000));

describe('when a plan item is late', () => {
  it.each([
    ['open', '2026-05-10', '2026-05-11', true],
    ['open', '2026-05-11', '2026-05-11', false],
    ['open', '2026-05-12', '2026-05-11', false],
    ['done', '2026-05-01', '2026-05-11', false],
  ])('%s, due %s, today %s → late %s', (status, dueDate, today, late) => {
    expect(isPlanItemLate({ status, dueDate }, today)).toBe(late);
  });

  it('today is the date in the organization’s time zone: 23:30 WIB is still the same day', () => {
    expect(todayIn('Asia/Jakarta', new Date('2026-05-11T16:30:00Z'))).toBe('2026-05-11');
    expect(todayIn('Asia/Jakarta', new Date('2026-05-11T17:30:00Z'))).toBe('2026-05-12');
  });
});

describe('case conferences through the API', () => {
  let app: TestApp;
  let admin: TestSession;
  let worker: TestSession;
  let worker2: TestSession;
  let head: TestSession;
  let officer: TestSession;
  let viewer: TestSession;
  let otherOfficer: TestSession;
  let unitId: string;
  let otherUnitId: string;

  beforeAll(async () => {
    app = await createTestApp();
    admin = (await setupInstance(app)).session;
    unitId = await firstUnitId(app, admin);
    worker = (await buildUserSession(app, admin, { role: 'social_worker', organizationId: unitId, name: 'Rina Kartikasari', nip: '198702142010012003' })).session;
    worker2 = (await buildUserSession(app, admin, { role: 'social_worker', organizationId: unitId, name: 'Yusuf Hidayat' })).session;
    head = (await buildUserSession(app, admin, { role: 'head', organizationId: unitId, name: 'Drs. Bambang Sutrisno', nip: '196805121994031007', position: 'Kepala UPTD' })).session;
    officer = (await buildUserSession(app, admin, { role: 'shelter_officer', organizationId: unitId })).session;
    viewer = (await buildUserSession(app, admin, { role: 'viewer' })).session;
    const other = await createSecondDistrict(app);
    otherUnitId = other.unitId;
    otherOfficer = (await buildUserSession(app, other.adminSession, { role: 'shelter_officer', organizationId: other.unitId })).session;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  /** Put a case's "case conference" stage in progress, as if the earlier stages were done. */
  async function bringToConferenceStage(caseId: string) {
    const db = app.testDatabase.db;
    const stages = await db.select().from(caseStages).where(eq(caseStages.caseId, caseId));
    const at = new Date(Date.now() - 30 * 60_000);
    for (const s of stages) {
      const before = s.key !== 'case_conference' && s.position < stages.find((x) => x.key === 'case_conference')!.position;
      await db
        .update(caseStages)
        .set(before ? { status: 'completed', startedAt: at, completedAt: at } : s.key === 'case_conference' ? { status: 'in_progress', startedAt: at } : { status: 'pending' })
        .where(eq(caseStages.id, s.id));
    }
  }

  it('a conference about two clients, with an outside participant and a plan: the items reach their owners and turn late', async (ctx) => {
    const a = await openCase(app, officer, unitId, { client: { name: 'Sukardi bin Salim', nameQuality: 'full', sex: 'male', estimatedAge: 58 } as never });
    const b = await openCase(app, officer, unitId, { client: { name: 'Mbok Jumini', nameQuality: 'partial', sex: 'female', estimatedAge: 70 } as never });
    await bringToConferenceStage(a.id);
    const created = expectJson<CaseConferenceView>(
      await api(app, worker).post('/api/case-conferences', {
        heldAt: new Date(Date.now() - 60 * 60_000).toISOString(),
        place: 'Ruang rapat UPTD Rumah Singgah',
        summary: 'Kedua klien dibahas bersama TKSK Kecamatan Kademangan.',
        participants: [
          { userId: worker.me.user.id, role: 'Pekerja Sosial' },
          { userId: head.me.user.id, role: 'Pimpinan rapat' },
          { name: 'Agus Salim', institution: 'TKSK Kecamatan Kademangan' },
        ],
        cases: [
          { caseId: a.id, decision: 'Dipulangkan ke Lumajang setelah keluarga dihubungi.' },
          { caseId: b.id, decision: 'Dirujuk ke UPT Rehabilitasi Sosial Bina Laras Pasuruan.' },
        ],
        planItems: [
          { caseId: a.id, activity: 'Menghubungi anak klien di Lumajang', responsibleUserId: worker2.me.user.id, dueDate: jakartaDate(2) },
          { caseId: b.id, activity: 'Menyiapkan surat rujukan ke Bina Laras', responsibleUserId: worker2.me.user.id, dueDate: jakartaDate(1) },
        ],
      }),
      201,
    );
    expect(created).toMatchObject({ status: 'planned', organizationId: unitId, createdByName: 'Rina Kartikasari' });
    expect(created.participants.map((p) => [p.name, p.institution])).toEqual([
      ['Rina Kartikasari', null],
      ['Drs. Bambang Sutrisno', null],
      ['Agus Salim', 'TKSK Kecamatan Kademangan'],
    ]);
    expect(created.cases.map((c) => c.clientName)).toEqual(['Sukardi bin Salim', 'Mbok Jumini']);

    // The responsible worker sees both items; nobody is late yet.
    const mine = expectJson<{ items: PlanItemView[] }>(await api(app, worker2).get('/api/plan-items/mine'), 200).items;
    expect(mine.map((i) => [i.activity, i.isLate])).toEqual([
      ['Menyiapkan surat rujukan ke Bina Laras', false],
      ['Menghubungi anak klien di Lumajang', false],
    ]);
    expect(expectJson<{ items: PlanItemView[] }>(await api(app, worker).get('/api/plan-items/mine'), 200).items).toEqual([]);

    // Two days later, one item's due date has passed.
    const late = mine[0];
    await app.testDatabase.db.update(interventionPlanItems).set({ dueDate: jakartaDate(-1) }).where(eq(interventionPlanItems.id, late.id));
    const afterDue = expectJson<{ items: PlanItemView[] }>(await api(app, worker2).get('/api/plan-items/mine'), 200).items;
    expect(afterDue.find((i) => i.id === late.id)?.isLate).toBe(true);
    const list = expectJson<CaseConferenceList>(await api(app, head).get('/api/case-conferences', { query: { caseId: b.id } }), 200);
    expect(list.items.map((c) => [c.id, c.openPlanItems, c.latePlanItems, c.participantCount])).toEqual([[created.id, 2, 1, 3]]);

    // Done: it leaves the list.
    const done = expectJson<PlanItemView>(await api(app, worker2).patch(`/api/plan-items/${late.id}`, { status: 'done' }), 200);
    expect(done).toMatchObject({ status: 'done', isLate: false });
    expect(expectJson<{ items: PlanItemView[] }>(await api(app, worker2).get('/api/plan-items/mine'), 200).items.map((i) => i.id)).not.toContain(late.id);

    // Held: the "case conference" stage of the first case completes and the next one starts.
    const held = expectJson<CaseConferenceView>(await api(app, worker).post(`/api/case-conferences/${created.id}/held`, { completeStageForCaseIds: [a.id] }), 200);
    expect(held.status).toBe('held');
    const detail = expectJson<CaseDetail>(await api(app, worker).get(`/api/cases/${a.id}`), 200);
    expect(detail.stages.find((s) => s.key === 'case_conference')?.status).toBe('completed');
    expect(detail.currentStageKey).toBe('referral');
    expect(expectError(await api(app, worker).post(`/api/case-conferences/${created.id}/held`, {}), 409).code).toBe('case_conferences.already_held');

    const audit = expectJson<{ items: AuditEntryView[] }>(await api(app, head).get('/api/audit', { query: { entityType: 'case', entityId: a.id, limit: 200 } }), 200).items;
    const actions = audit.map((e) => e.action);
    for (const action of ['case_conference.created', 'case_conference.held', 'case.stage_completed']) expect(actions, action).toContain(action);
    const auditB = expectJson<{ items: AuditEntryView[] }>(await api(app, head).get('/api/audit', { query: { entityType: 'case', entityId: b.id, action: 'plan_item.updated' } }), 200).items;
    expect(auditB[0]?.changes).toMatchObject({ planItemId: late.id, status: ['open', 'done'] });

    const pdf = await api(app, head).get(`/api/case-conferences/${created.id}/minutes.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const downloads = expectJson<{ items: AuditEntryView[] }>(await api(app, head).get('/api/audit', { query: { entityType: 'case', entityId: b.id, action: 'export.downloaded' } }), 200).items;
    expect(downloads[0]?.changes).toMatchObject({ document: 'case_conference_minutes', conferenceId: created.id });
    ctx.skip(!hasPdftotext, PDFTOTEXT_MISSING);
    const text = pdfText(pdf.rawPayload);
    for (const expected of [
      'PEMERINTAH KOTA PROBOLINGGO',
      'NOTULEN RAPAT KASUS',
      'Tempat : Ruang rapat UPTD Rumah Singgah',
      'Agus Salim',
      'TKSK Kecamatan Kademangan',
      'Sukardi bin Salim',
      'Keputusan: Dipulangkan ke Lumajang setelah keluarga dihubungi.',
      'Kedua klien dibahas bersama TKSK Kecamatan Kademangan.',
      // Table cells wrap: compare the start of the activity.
      'Menghubungi anak klien di',
      'Yusuf Hidayat',
      'Notulis,',
      'Rina Kartikasari',
      'Mengetahui,',
      'Drs. Bambang Sutrisno',
      'NIP. 196805121994031007',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('bad input is refused naming the field: no participant, a plan item for a case not discussed, a user of another district', async () => {
    const a = await openCase(app, officer, unitId);
    const b = await openCase(app, officer, unitId);
    const base = { heldAt: new Date().toISOString(), place: 'Aula Dinas Sosial', cases: [{ caseId: a.id }] };
    expect(expectError(await api(app, worker).post('/api/case-conferences', { ...base, participants: [] }), 400).fields?.[0].field).toBe('participants');
    const notDiscussed = expectError(
      await api(app, worker).post('/api/case-conferences', {
        ...base,
        participants: [{ userId: worker.me.user.id }],
        planItems: [{ caseId: b.id, activity: 'Asesmen lanjutan', responsibleUserId: worker.me.user.id, dueDate: jakartaDate(3) }],
      }),
      400,
    );
    expect(notDiscussed).toMatchObject({ code: 'case_conferences.plan_case_not_discussed', fields: [{ field: 'planItems.0.caseId' }] });
    const foreignUser = expectError(
      await api(app, worker).post('/api/case-conferences', { ...base, participants: [{ userId: otherOfficer.me.user.id }] }),
      400,
    );
    expect(foreignUser).toMatchObject({ code: 'case_conferences.user_not_found', fields: [{ field: 'participants.0.userId' }] });
  });

  it('another district gets 404; roles without casework get 403', async () => {
    const a = await openCase(app, officer, unitId);
    const conf = expectJson<CaseConferenceView>(
      await api(app, worker).post('/api/case-conferences', {
        heldAt: new Date().toISOString(),
        place: 'Ruang rapat',
        participants: [{ userId: worker.me.user.id }],
        cases: [{ caseId: a.id }],
        planItems: [{ caseId: a.id, activity: 'Kunjungan rumah', responsibleUserId: worker.me.user.id, dueDate: jakartaDate(5) }],
      }),
      201,
    );
    expectError(await api(app, otherOfficer).get(`/api/case-conferences/${conf.id}`), 404);
    expectError(await api(app, otherOfficer).get(`/api/case-conferences/${conf.id}/minutes.pdf`), 404);
    expectError(await api(app, otherOfficer).patch(`/api/plan-items/${conf.planItems[0].id}`, { status: 'done' }), 404);
    expectError(await api(app, otherOfficer).post(`/api/case-conferences/${conf.id}/held`, {}), 404);
    expectError(await api(app, otherOfficer).post('/api/case-conferences', { heldAt: new Date().toISOString(), place: 'X ruang', participants: [{ name: 'Budi', institution: 'Dinsos' }], cases: [{ caseId: a.id }] }), 404);
    expect(expectJson<CaseConferenceList>(await api(app, otherOfficer).get('/api/case-conferences'), 200).items.map((c) => c.id)).not.toContain(conf.id);
    expect(expectError(await api(app, viewer).get('/api/case-conferences'), 403).code).toBe('forbidden');
    expect(expectError(await api(app, viewer).get('/api/plan-items/mine'), 403).code).toBe('forbidden');
    const valid = { heldAt: new Date().toISOString(), place: 'Ruang rapat', participants: [{ name: 'Budi', institution: 'Dinsos' }], cases: [{ caseId: a.id }] };
    expect(expectError(await api(app, admin).post('/api/case-conferences', valid), 403).code).toBe('forbidden');
    expect(otherUnitId).not.toBe(unitId);
  });
});
