import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildUserSession, createTestApp, expectError, expectJson, firstUnitId, setupInstance, type TestApp, type TestSession } from '../../../../tests/support/app.js';
import { createSecondDistrict, type SecondDistrict } from '../../../../tests/support/second-district.js';
import type { CaseDetail, CaseSummary } from '../../../shared/contracts/cases.js';

type Page = { items: CaseSummary[]; total: number };

describe('the case flow', () => {
  let app: TestApp;
  let admin: TestSession;
  let officer: TestSession;
  let worker: TestSession;
  let viewer: TestSession;
  let unitId: string;
  let other: SecondDistrict;
  let otherOfficer: TestSession;

  const intake = (session: TestSession, overrides: Record<string, unknown> = {}) =>
    api(app, session).post('/api/intakes', {
      organizationId: unitId,
      source: 'satpol_pp_raid',
      broughtByAgency: 'Satpol PP Kota Probolinggo',
      letterNumber: 'SP/12/2026',
      foundLocation: 'Terminal Bayuangga',
      arrivedAt: new Date(Date.now() - 60 * 60_000).toISOString(),
      categories: ['ppks_11'],
      client: { name: 'Mr. X', nameQuality: 'unknown', aliases: ['Pak Kumis'], sex: 'male', estimatedAge: 50 },
      ...overrides,
    });

  beforeAll(async () => {
    app = await createTestApp();
    const setup = await setupInstance(app);
    admin = setup.session;
    unitId = await firstUnitId(app, admin);
    officer = (await buildUserSession(app, admin, { role: 'shelter_officer', organizationId: unitId })).session;
    worker = (await buildUserSession(app, admin, { role: 'social_worker', organizationId: unitId })).session;
    viewer = (await buildUserSession(app, admin, { role: 'viewer' })).session;
    other = await createSecondDistrict(app);
    otherOfficer = (await buildUserSession(app, other.adminSession, { role: 'shelter_officer', organizationId: other.unitId })).session;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a shelter officer receives a client: the case is numbered, reception is done and identification is running', async () => {
    const c = expectJson<CaseDetail>(await intake(officer), 201);
    expect(c.caseNumber).toMatch(/^RS-\d{4}-0001$/);
    expect(c.status).toBe('open');
    expect(c.client.name).toBe('Mr. X');
    expect(c.client.nameQuality).toBe('unknown');
    expect(c.client.aliases).toEqual(['Pak Kumis']);
    expect(c.stages).toHaveLength(12);
    expect(c.stages[0]).toMatchObject({ key: 'reception', status: 'completed' });
    expect(c.stages[1]).toMatchObject({ key: 'initial_identification', status: 'in_progress' });
    expect(c.stages.slice(2).every((s) => s.status === 'pending')).toBe(true);
    expect(c.currentStageKey).toBe('initial_identification');
    // Default calendar: 2 working days of 510 minutes.
    expect(c.targetMinutes).toBe(1020);
  });

  it('a second intake gets the next number', async () => {
    const c = expectJson<CaseDetail>(await intake(officer), 201);
    expect(c.caseNumber).toMatch(/^RS-\d{4}-0002$/);
  });

  it('a client registered after the fact keeps the real reception time, which must lie between arrival and now', async () => {
    const arrived = new Date(Date.now() - 10 * 3_600_000);
    const received = new Date(arrived.getTime() + 10 * 60_000);
    const c = expectJson<CaseDetail>(await intake(officer, { arrivedAt: arrived.toISOString(), receptionCompletedAt: received.toISOString() }), 201);
    expect(c.stages[0]).toMatchObject({ key: 'reception', status: 'completed', completedAt: received.toISOString(), elapsedMinutes: expect.any(Number), isOverdue: false });
    expect(c.stages[1].startedAt).toBe(received.toISOString());
    const before = expectError(await intake(officer, { arrivedAt: arrived.toISOString(), receptionCompletedAt: new Date(arrived.getTime() - 60_000).toISOString() }), 400);
    expect(before).toMatchObject({ code: 'cases.reception_time_out_of_range', fields: [expect.objectContaining({ field: 'receptionCompletedAt' })] });
  });

  it('bad intake input is refused naming the field, in Indonesian by default', async () => {
    const err = expectError(await intake(officer, { categories: [], source: 'helicopter' }), 400);
    expect(err.fields?.map((f) => f.field).sort()).toEqual(['categories', 'source']);
    expect(err.message).toContain('Kategori PPKS');
    const future = expectError(await intake(officer, { arrivedAt: new Date(Date.now() + 86_400_000).toISOString() }), 400);
    expect(future.code).toBe('cases.arrival_in_future');
    expect(future.fields?.[0].field).toBe('arrivedAt');
  });

  it('stages move in order: completing out of order and skipping a mandatory stage are refused', async () => {
    const c = expectJson<CaseDetail>(await intake(officer), 201);
    const outOfOrder = expectError(await api(app, worker).post(`/api/cases/${c.id}/stages/assessment/complete`, {}), 409);
    expect(outOfOrder.code).toBe('cases.stage_not_current');
    const mandatory = expectError(await api(app, worker).post(`/api/cases/${c.id}/stages/initial_identification/skip`, { reason: 'tidak perlu' }), 409);
    expect(mandatory.code).toBe('cases.stage_not_skippable');
    const done = expectJson<CaseDetail>(
      await api(app, officer).post(`/api/cases/${c.id}/stages/initial_identification/complete`, { notes: 'Identitas diisi' }),
      200,
    );
    expect(done.stages[1]).toMatchObject({ status: 'completed', notes: 'Identitas diisi' });
    expect(done.stages[1].completedByName).toBeTruthy();
    expect(done.stages[2]).toMatchObject({ key: 'health_civil_check', status: 'in_progress' });
    // Family tracing may be skipped, with a reason.
    await api(app, officer).post(`/api/cases/${c.id}/stages/health_civil_check/complete`, {});
    const skipped = expectJson<CaseDetail>(await api(app, worker).post(`/api/cases/${c.id}/stages/family_tracing/skip`, { reason: 'Klien ingat alamat rumah' }), 200);
    expect(skipped.stages[3]).toMatchObject({ key: 'family_tracing', status: 'skipped', skipReason: 'Klien ingat alamat rumah' });
    expect(skipped.currentStageKey).toBe('assessment');
    const timeline = expectJson<{ items: { action: string }[] }>(await api(app, worker).get(`/api/cases/${c.id}/timeline`), 200);
    expect(timeline.items.map((i) => i.action)).toEqual(['case.created', 'case.stage_completed', 'case.stage_completed', 'case.stage_skipped']);
  });

  it('a case terminated from any stage closes, refuses further changes and lands in the closed list', async () => {
    const c = expectJson<CaseDetail>(await intake(officer), 201);
    const closed = expectJson<CaseDetail>(await api(app, worker).post(`/api/cases/${c.id}/terminate`, { outcome: 'ran_away', notes: 'Pergi malam hari' }), 200);
    expect(closed.status).toBe('closed');
    expect(closed.terminationOutcome).toBe('ran_away');
    expect(closed.stages.at(-1)).toMatchObject({ key: 'termination', status: 'completed' });
    expect(closed.stages.filter((s) => s.skipReason === 'case_terminated').length).toBeGreaterThan(5);
    expect(expectError(await api(app, worker).post(`/api/cases/${c.id}/stages/initial_identification/complete`, {}), 409).code).toBe('cases.closed');
    const list = expectJson<Page>(await api(app, worker).get('/api/cases', { query: { list: 'closed' } }), 200);
    expect(list.items.map((i) => i.id)).toContain(c.id);
    const open = expectJson<Page>(await api(app, worker).get('/api/cases', { query: { list: 'open' } }), 200);
    expect(open.items.map((i) => i.id)).not.toContain(c.id);
  });

  it('a case that arrived three working days ago is overdue, a fresh one is not', async () => {
    const old = expectJson<CaseDetail>(await intake(officer, { arrivedAt: new Date(Date.now() - 8 * 86_400_000).toISOString(), client: { name: 'Ibu Lama' } }), 201);
    const fresh = expectJson<CaseDetail>(await intake(officer, { arrivedAt: new Date().toISOString(), client: { name: 'Bapak Baru' } }), 201);
    expect(old.isOverdue).toBe(true);
    expect(fresh.isOverdue).toBe(false);
    const overdue = expectJson<Page>(await api(app, officer).get('/api/cases', { query: { list: 'overdue', limit: 200 } }), 200);
    const ids = overdue.items.map((i) => i.id);
    expect(ids).toContain(old.id);
    expect(ids).not.toContain(fresh.id);
    expect(overdue.items.every((i) => i.isOverdue)).toBe(true);
  });

  it('worklists: waiting for my role, mine, new today; search tolerates a typo', async () => {
    const c = expectJson<CaseDetail>(await intake(officer, { client: { name: 'Sumarni Wulandari', aliases: ['Mbak Ni'], sex: 'female' }, arrivedAt: new Date().toISOString() }), 201);
    // Initial identification belongs to the shelter officer.
    const waitingOfficer = expectJson<Page>(await api(app, officer).get('/api/cases', { query: { list: 'waiting_for_me', limit: 200 } }), 200);
    expect(waitingOfficer.items.map((i) => i.id)).toContain(c.id);
    const waitingWorker = expectJson<Page>(await api(app, worker).get('/api/cases', { query: { list: 'waiting_for_me', limit: 200 } }), 200);
    expect(waitingWorker.items.map((i) => i.id)).not.toContain(c.id);
    const mine = expectJson<Page>(await api(app, officer).get('/api/cases', { query: { list: 'mine', limit: 200 } }), 200);
    expect(mine.items.map((i) => i.id)).toContain(c.id);
    const today = expectJson<Page>(await api(app, officer).get('/api/cases', { query: { list: 'new_today', limit: 200 } }), 200);
    expect(today.items.map((i) => i.id)).toContain(c.id);
    const typo = expectJson<Page>(await api(app, officer).get('/api/cases', { query: { list: 'all', q: 'sumarny' } }), 200);
    expect(typo.items.map((i) => i.clientName)).toContain('Sumarni Wulandari');
    const alias = expectJson<Page>(await api(app, officer).get('/api/cases', { query: { list: 'all', q: 'mbak ni' } }), 200);
    expect(alias.items.map((i) => i.id)).toContain(c.id);
    const found = expectJson<{ items: { id: string; lastCaseNumber: string | null }[] }>(await api(app, officer).get('/api/clients/search', { query: { q: 'sumarny' } }), 200);
    expect(found.items.find((i) => i.id === c.client.id)?.lastCaseNumber).toBe(c.caseNumber);
  });

  it('search finds a name written in the old spelling either way (Soetarno/Sutarno, Djoko/Joko, Tjipto/Cipto)', async () => {
    const sutarno = expectJson<CaseDetail>(await intake(officer, { client: { name: 'Sutarno bin Kasmadi', sex: 'male' } }), 201);
    const djoko = expectJson<CaseDetail>(await intake(officer, { client: { name: 'Djoko Tjiptoroso', aliases: ['Pak Noer'], sex: 'male' } }), 201);
    const clientIds = async (q: string) =>
      expectJson<{ items: { id: string }[] }>(await api(app, officer).get('/api/clients/search', { query: { q } }), 200).items.map((i) => i.id);
    const caseIds = async (q: string) =>
      expectJson<Page>(await api(app, officer).get('/api/cases', { query: { list: 'all', q, limit: 200 } }), 200).items.map((i) => i.id);
    for (const q of ['Soetarno', 'soetarno bin kasmadi', 'Sutarno']) {
      expect(await clientIds(q), q).toContain(sutarno.client.id);
      expect(await caseIds(q), q).toContain(sutarno.id);
    }
    for (const q of ['Joko Ciptoroso', 'Djoko', 'ciptoroso', 'Pak Nur']) {
      expect(await clientIds(q), q).toContain(djoko.client.id);
      expect(await caseIds(q), q).toContain(djoko.id);
    }
    // The name itself is kept as it was written.
    expect(expectJson<CaseDetail>(await api(app, officer).get(`/api/cases/${djoko.id}`), 200).client.name).toBe('Djoko Tjiptoroso');
  });

  it('a raid intake turns every person into their own case with the shared source', async () => {
    const res = await api(app, officer).post('/api/intakes/batch', {
      organizationId: unitId,
      source: 'satpol_pp_raid',
      broughtByAgency: 'Satpol PP',
      foundLocation: 'Alun-alun',
      arrivedAt: new Date().toISOString(),
      categories: ['ppks_12'],
      people: [
        { name: 'Laki-laki kaos merah', sex: 'male', estimatedAge: 40 },
        { name: 'Ibu dengan anak', sex: 'female', estimatedAge: 30, categories: ['ppks_23'] },
        { name: 'Anak kecil', sex: 'male', estimatedAge: 9, categories: ['ppks_04'] },
      ],
    });
    const batch = expectJson<{ batchId: string; caseIds: string[] }>(res, 201);
    expect(batch.caseIds).toHaveLength(3);
    const details = await Promise.all(batch.caseIds.map(async (id) => expectJson<CaseDetail>(await api(app, officer).get(`/api/cases/${id}`), 200)));
    expect(details.map((d) => d.categories)).toEqual([['ppks_12'], ['ppks_23'], ['ppks_04']]);
    expect(new Set(details.map((d) => d.batchId))).toEqual(new Set([batch.batchId]));
    expect(details.every((d) => d.foundLocation === 'Alun-alun')).toBe(true);
    expect(new Set(details.map((d) => d.caseNumber)).size).toBe(3);
  });

  it('NIK: a mismatch with the recorded sex is flagged, not rejected; a NIK used by another client is flagged', async () => {
    // A woman born 1985-07-12, registered in Kademangan (35.74.01).
    const nik = '3574015207850001';
    const a = expectJson<CaseDetail>(await intake(officer, { client: { name: 'Siti Aminah', sex: 'male', nik, birthDate: '1985-07-12' } }), 201);
    expect(a.client.nikCheck).toMatchObject({ valid: true, derivedSex: 'female', derivedBirthDate: '1985-07-12', sexMismatch: true, birthDateMismatch: false, duplicates: [] });
    const check = expectJson<{ duplicates: { clientId: string }[] }>(await api(app, officer).get('/api/clients/nik-check', { query: { nik } }), 200);
    expect(check.duplicates.map((d) => d.clientId)).toEqual([a.client.id]);
    const malformed = expectJson<{ valid: boolean; problem: string }>(await api(app, officer).get('/api/clients/nik-check', { query: { nik: '3574019907850001' } }), 200);
    expect(malformed).toMatchObject({ valid: false, problem: 'day' });
  });

  it('a returning client gets a new case that shows the earlier one', async () => {
    const first = expectJson<CaseDetail>(await intake(officer, { client: { name: 'Darto' } }), 201);
    await api(app, worker).post(`/api/cases/${first.id}/terminate`, { outcome: 'reunified_family' });
    const again = expectJson<CaseDetail>(await intake(officer, { client: undefined, existingClientId: first.client.id }), 201);
    expect(again.client.id).toBe(first.client.id);
    expect(again.previousCases.map((p) => p.id)).toEqual([first.id]);
  });

  it('viewing a case is audited as a view of the client record', async () => {
    const c = expectJson<CaseDetail>(await intake(officer), 201);
    await api(app, worker).get(`/api/cases/${c.id}`);
    const audit = expectJson<{ items: { action: string; entityId: string }[] }>(
      await api(app, admin).get('/api/audit', { query: { action: 'client.viewed', entityId: c.client.id } }),
      200,
    );
    expect(audit.items.length).toBeGreaterThanOrEqual(2);
  });

  it('another district never sees or changes this district’s cases', async () => {
    const c = expectJson<CaseDetail>(await intake(officer), 201);
    expect(expectError(await api(app, otherOfficer).get(`/api/cases/${c.id}`), 404).code).toBe('cases.not_found');
    expect(expectError(await api(app, otherOfficer).post(`/api/cases/${c.id}/terminate`, { outcome: 'other' }), 404).code).toBe('cases.not_found');
    expect(expectError(await api(app, otherOfficer).get(`/api/clients/${c.client.id}`), 404).code).toBe('clients.not_found');
    const list = expectJson<Page>(await api(app, otherOfficer).get('/api/cases', { query: { list: 'all', limit: 200 } }), 200);
    expect(list.total).toBe(0);
    const search = expectJson<{ items: unknown[] }>(await api(app, otherOfficer).get('/api/clients/search', { query: { q: 'Mr. X' } }), 200);
    expect(search.items).toEqual([]);
    // Nor can it receive a client into this district's shelter.
    const foreignIntake = expectError(await intake(otherOfficer), 400);
    expect(foreignIntake.code).toBe('cases.organization_out_of_scope');
  });

  it('roles without case permissions are refused: an administrator and a province viewer see no client data', async () => {
    expect(expectError(await api(app, viewer).get('/api/cases'), 403).code).toBe('forbidden');
    expect(expectError(await api(app, admin).get('/api/cases'), 403).code).toBe('forbidden');
    expect(expectError(await intake(viewer), 403).code).toBe('forbidden');
  });

  it('an administrator publishes a new SOP version; running cases keep theirs', async () => {
    const before = expectJson<CaseDetail>(await intake(officer), 201);
    const sop = expectJson<{ stages: { key: string; nameId: string; nameEn: string; responsibleRole: string; standardMinutes: number; skippable: boolean }[] }>(
      await api(app, admin).get('/api/sop', { query: { organizationId: unitId } }),
      200,
    );
    const stages = sop.stages.map(({ key, nameId, nameEn, responsibleRole, standardMinutes, skippable }) => ({ key, nameId, nameEn, responsibleRole, standardMinutes, skippable }));
    stages[1].standardMinutes = 45;
    const published = expectJson<{ version: number; totalMinutes: number }>(
      await api(app, admin).put('/api/sop', { name: 'SOP revisi', stages }, { query: { organizationId: unitId } }),
      200,
    );
    expect(published.version).toBe(2);
    expect(published.totalMinutes).toBe(1455 + 15);
    const after = expectJson<CaseDetail>(await intake(officer), 201);
    expect(after.stages[1].standardMinutes).toBe(45);
    const unchanged = expectJson<CaseDetail>(await api(app, officer).get(`/api/cases/${before.id}`), 200);
    expect(unchanged.stages[1].standardMinutes).toBe(30);
    expect(expectError(await api(app, officer).put('/api/sop', { name: 'SOP petugas', stages }, { query: { organizationId: unitId } }), 403).code).toBe('forbidden');
    // A stage is owned by a casework role: its overdue notices carry the client's name, which the
    // administrator, a viewer or a partner may not read.
    for (const role of ['admin', 'viewer', 'partner_officer']) {
      const err = expectError(
        await api(app, admin).put('/api/sop', { name: 'SOP salah', stages: stages.map((s, i) => (i === 2 ? { ...s, responsibleRole: role } : s)) }, { query: { organizationId: unitId } }),
        400,
      );
      expect(err.fields?.map((f) => f.field)).toEqual(['stages.2.responsibleRole']);
    }
  });
});
