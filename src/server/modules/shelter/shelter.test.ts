import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, expectError, expectJson, type TestApp, type TestSession } from '../../../../tests/support/app.js';
import { testDbKind } from '../../../../tests/support/env.js';
import { buildShelterWorld, createRoom, daysAgo, receiveClient, type ShelterWorld } from '../../../../tests/support/shelter-fixtures.js';
import type { CaseStaysView, OccupancyBoard, RoomView } from '../../../shared/contracts/shelter.js';
import { findOpenStayOfBed, insertStay } from './shelter.repository.js';
import { localDayNumber, nightsStayed, stayLengthOf, violatedUniqueIndex } from './shelter.service.js';

type Timeline = { items: { action: string; changes: Record<string, unknown> | null }[] };

describe('length of stay (rules)', () => {
  const tz = 'Asia/Jakarta';
  const at = (iso: string) => new Date(iso);

  it.each([
    // admitted, now, nights
    ['2026-03-01T10:00:00+07:00', '2026-03-01T20:00:00+07:00', 0],
    ['2026-03-01T23:30:00+07:00', '2026-03-02T00:30:00+07:00', 1],
    ['2026-03-01T00:10:00+07:00', '2026-03-01T23:50:00+07:00', 0],
    ['2026-03-01T10:00:00+07:00', '2026-03-08T09:00:00+07:00', 7],
    // 20:00 UTC is already the next day in Jakarta.
    ['2026-03-01T20:00:00Z', '2026-03-02T10:00:00+07:00', 0],
  ])('admitted %s, on %s: %i nights', (admitted, now, nights) => {
    expect(nightsStayed([{ admittedAt: at(admitted), dischargedAt: null }], at(now), tz)).toBe(nights);
  });

  it('a move neither adds nor loses a night, and time away in between does not count', () => {
    const periods = [
      { admittedAt: at('2026-03-01T10:00:00+07:00'), dischargedAt: at('2026-03-03T09:00:00+07:00') },
      // moved to another bed at the same instant
      { admittedAt: at('2026-03-03T09:00:00+07:00'), dischargedAt: at('2026-03-04T08:00:00+07:00') },
      // three days in hospital, then back
      { admittedAt: at('2026-03-07T15:00:00+07:00'), dischargedAt: null },
    ];
    expect(nightsStayed(periods, at('2026-03-09T07:00:00+07:00'), tz)).toBe(3 + 2);
  });

  it('counts calendar days in the organization’s time zone', () => {
    const instant = at('2026-03-01T16:30:00Z'); // 23:30 in Jakarta, 00:30 next day in Makassar
    expect(localDayNumber(instant, 'Asia/Makassar') - localDayNumber(instant, 'Asia/Jakarta')).toBe(1);
  });

  it.each([
    // nights, limit, warning days, warning?, over?
    [4, 7, 2, false, false],
    [5, 7, 2, true, false],
    [7, 7, 2, true, false],
    [8, 7, 2, false, true],
    [6, 7, 1, true, false],
    [5, 7, 1, false, false],
    [7, 7, 0, false, false],
  ])('%i nights against a %i-day limit warned %i days ahead: warning %s, over %s', (nights, maxStayDays, stayWarningDays, warning, over) => {
    const length = stayLengthOf(nights, { maxStayDays, stayWarningDays });
    expect(length).toMatchObject({ daysStayed: nights, stayLimitDays: maxStayDays, daysLeft: maxStayDays - nights, isStayWarning: warning, isOverStay: over });
  });

  it('a client who has left gets no warning, but an over-long stay stays marked', () => {
    expect(stayLengthOf(7, { maxStayDays: 7, stayWarningDays: 1 }, false).isStayWarning).toBe(false);
    expect(stayLengthOf(9, { maxStayDays: 7, stayWarningDays: 1 }, false).isOverStay).toBe(true);
  });
});

describe(`shelter stay (${testDbKind()})`, () => {
  let app: TestApp;
  let w: ShelterWorld;
  let menRoom: RoomView;
  let womenRoom: RoomView;

  const bed = (room: RoomView, label: string) => room.beds.find((b) => b.label === label)!.id;
  const board = async (session: TestSession, organizationId = w.unitId) =>
    expectJson<OccupancyBoard>(await api(app, session).get('/api/shelter/occupancy', { query: { organizationId } }), 200);
  const occupantOf = (b: OccupancyBoard, bedId: string) => b.rooms.flatMap((r) => r.beds).find((x) => x.id === bedId)?.occupant;
  const admit = (session: TestSession, caseId: string, bedId: string, admittedAt?: string) =>
    api(app, session).post('/api/shelter/stays', { caseId, bedId, ...(admittedAt ? { admittedAt } : {}) });
  const timeline = async (caseId: string) => expectJson<Timeline>(await api(app, w.head).get(`/api/cases/${caseId}/timeline`), 200).items;

  beforeAll(async () => {
    app = await createTestApp();
    w = await buildShelterWorld(app);
    menRoom = await createRoom(app, w.admin, w.unitId, { name: 'Kamar Laki-laki', sex: 'male', bedLabels: ['L1', 'L2', 'L3'] });
    womenRoom = await createRoom(app, w.admin, w.unitId, { name: 'Kamar Perempuan', sex: 'female', bedLabels: ['P1', 'P2'] });
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('rooms and beds', () => {
    it('an administrator creates a room with its beds, and it is on record', async () => {
      expect(menRoom).toMatchObject({ name: 'Kamar Laki-laki', sex: 'male', isActive: true });
      expect(menRoom.beds.map((b) => [b.label, b.isOccupied])).toEqual([
        ['L1', false],
        ['L2', false],
        ['L3', false],
      ]);
      const audit = expectJson<{ items: { action: string; entityType: string; changes: Record<string, unknown> }[] }>(
        await api(app, w.admin).get('/api/audit', { query: { entityType: 'room', entityId: menRoom.id } }),
        200,
      );
      expect(audit.items.map((a) => a.action)).toEqual(['room.created']);
      expect(audit.items[0].changes).toMatchObject({ name: 'Kamar Laki-laki', beds: ['L1', 'L2', 'L3'] });
    });

    it('the head of the unit may add a bed and rename a room; shelter officers and social workers may not', async () => {
      const room = await createRoom(app, w.head, w.unitId, { name: 'Kamar Darurat', bedLabels: ['D1'] });
      const withBed = expectJson<RoomView>(await api(app, w.head).post(`/api/shelter/rooms/${room.id}/beds`, { label: 'D2' }), 201);
      expect(withBed.beds.map((b) => b.label)).toEqual(['D1', 'D2']);
      const renamed = expectJson<RoomView>(await api(app, w.head).patch(`/api/shelter/rooms/${room.id}`, { name: 'Kamar Razia' }), 200);
      expect(renamed.name).toBe('Kamar Razia');
      for (const s of [w.officer, w.worker]) {
        expect(expectError(await api(app, s).post('/api/shelter/rooms', { organizationId: w.unitId, name: 'X' }), 403).code).toBe('forbidden');
        expect(expectError(await api(app, s).post(`/api/shelter/rooms/${room.id}/beds`, { label: 'D3' }), 403).code).toBe('forbidden');
      }
      // Everyone doing casework can see the rooms (no client data there).
      const rooms = expectJson<RoomView[]>(await api(app, w.officer).get('/api/shelter/rooms'), 200);
      expect(rooms.map((r) => r.name)).toContain('Kamar Razia');
    });

    it('a duplicate room name or bed label is refused', async () => {
      const room = expectError(await api(app, w.admin).post('/api/shelter/rooms', { organizationId: w.unitId, name: 'kamar laki-laki' }), 409);
      expect(room).toMatchObject({ code: 'shelter.room_name_taken', fields: [{ field: 'name' }] });
      const label = expectError(await api(app, w.admin).post(`/api/shelter/rooms/${menRoom.id}/beds`, { label: 'l1' }), 409);
      expect(label.code).toBe('shelter.bed_label_taken');
    });

    it('rooms belong to a shelter unit, not to a partner institution', async () => {
      const partner = expectJson<{ id: string }>(
        await api(app, w.admin).post('/api/organizations', { parentId: w.regencyId, kind: 'partner', partnerType: 'hospital', name: 'RSUD dr. Mohamad Saleh' }),
        201,
      );
      const err = expectError(await api(app, w.admin).post('/api/shelter/rooms', { organizationId: partner.id, name: 'Bangsal' }), 400);
      expect(err).toMatchObject({ code: 'shelter.not_a_shelter_unit', fields: [{ field: 'organizationId' }] });
    });
  });

  describe('admission, moves and discharge', () => {
    it('a shelter officer admits a client to a free bed; the board shows who is there, and the case timeline records it', async () => {
      const c = await receiveClient(app, w.officer, w.unitId, { client: { name: 'Pak Darmo', sex: 'male' } });
      const stays = expectJson<CaseStaysView>(await admit(w.officer, c.id, bed(menRoom, 'L1')), 201);
      expect(stays.currentStay).toMatchObject({ bedLabel: 'L1', roomName: 'Kamar Laki-laki', dischargedAt: null });
      expect(stays).toMatchObject({ daysStayed: 0, stayLimitDays: 7, isStayWarning: false, isOverStay: false });

      const occupant = occupantOf(await board(w.officer), bed(menRoom, 'L1'));
      expect(occupant).toMatchObject({ caseId: c.id, caseNumber: c.caseNumber, clientName: 'Pak Darmo', daysStayed: 0, stayLimitDays: 7 });

      const events = await timeline(c.id);
      expect(events.find((e) => e.action === 'shelter.admitted')?.changes).toMatchObject({ bed: 'L1', room: 'Kamar Laki-laki' });
    });

    it('occupying an occupied bed is refused with 409, and so is a second bed for the same case', async () => {
      const first = await receiveClient(app, w.officer, w.unitId);
      const second = await receiveClient(app, w.officer, w.unitId);
      expectJson(await admit(w.officer, first.id, bed(menRoom, 'L2')), 201);
      const taken = expectError(await admit(w.worker, second.id, bed(menRoom, 'L2')), 409);
      expect(taken).toMatchObject({ code: 'shelter.bed_occupied', fields: [{ field: 'bedId' }] });
      expect(taken.message).toBe('Tempat tidur ini sedang ditempati klien lain.');
      const twice = expectError(await admit(w.officer, first.id, bed(menRoom, 'L3')), 409);
      expect(twice.code).toBe('shelter.case_already_admitted');
      // Clean up for the tests below.
      const stay = expectJson<CaseStaysView>(await api(app, w.officer).get('/api/shelter/stays', { query: { caseId: first.id } }), 200);
      expectJson(await api(app, w.officer).post(`/api/shelter/stays/${stay.currentStay!.id}/discharge`, {}), 200);
    });

    it('two officers putting two clients on the same bed at the same moment: exactly one succeeds', async () => {
      const [a, b] = [await receiveClient(app, w.officer, w.unitId), await receiveClient(app, w.worker, w.unitId)];
      const results = await Promise.all([admit(w.officer, a.id, bed(menRoom, 'L3')), admit(w.worker, b.id, bed(menRoom, 'L3'))]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(expectError(results.find((r) => r.statusCode === 409)!, 409).code).toBe('shelter.bed_occupied');
      const winner = results[0].statusCode === 201 ? a : b;
      const stay = expectJson<CaseStaysView>(await api(app, w.officer).get('/api/shelter/stays', { query: { caseId: winner.id } }), 200);
      expectJson(await api(app, w.officer).post(`/api/shelter/stays/${stay.currentStay!.id}/discharge`, {}), 200);
    });

    it('the database itself refuses a second open stay on a bed, and names the index (on either driver)', async () => {
      const db = app.testDatabase.db;
      const open = await findOpenStayOfBed(db, bed(menRoom, 'L1'));
      const other = await receiveClient(app, w.officer, w.unitId);
      const err = await insertStay(db, { organizationId: w.unitId, caseId: other.id, bedId: bed(menRoom, 'L1'), admittedAt: new Date() }).catch((e) => e);
      expect(open).toBeTruthy();
      expect(violatedUniqueIndex(err)).toBe('stays_open_bed_key');
      const err2 = await insertStay(db, { organizationId: w.unitId, caseId: open!.caseId, bedId: bed(menRoom, 'L3'), admittedAt: new Date() }).catch((e) => e);
      expect(violatedUniqueIndex(err2)).toBe('stays_open_case_key');
    });

    it('a woman is not put in the men’s room, nor a client of another unit on this unit’s bed', async () => {
      const woman = await receiveClient(app, w.officer, w.unitId, { client: { name: 'Ibu Sri', sex: 'female' } });
      expect(expectError(await admit(w.officer, woman.id, bed(menRoom, 'L3')), 400)).toMatchObject({
        code: 'shelter.room_sex_mismatch',
        fields: [{ field: 'bedId' }],
      });
      expectJson(await admit(w.officer, woman.id, bed(womenRoom, 'P1')), 201);
    });

    it('an admission cannot be before the client arrived, nor in the future', async () => {
      const c = await receiveClient(app, w.officer, w.unitId, { arrivedAt: daysAgo(2) });
      expect(expectError(await admit(w.officer, c.id, bed(menRoom, 'L3'), daysAgo(3)), 400)).toMatchObject({
        code: 'shelter.time_before_arrival',
        fields: [{ field: 'admittedAt' }],
      });
      const future = new Date(Date.now() + 3 * 3_600_000).toISOString();
      expect(expectError(await admit(w.officer, c.id, bed(menRoom, 'L3'), future), 400).code).toBe('shelter.time_in_future');
    });

    it('moving a client frees the old bed, keeps the length of stay, and is recorded', async () => {
      const room = await createRoom(app, w.admin, w.unitId, { name: 'Kamar Transit', bedLabels: ['T1', 'T2', 'T3'] });
      const c = await receiveClient(app, w.officer, w.unitId, { arrivedAt: daysAgo(3) });
      const admitted = expectJson<CaseStaysView>(await admit(w.officer, c.id, bed(room, 'T1'), daysAgo(2)), 201);
      const busy = await receiveClient(app, w.officer, w.unitId);
      expectJson(await admit(w.officer, busy.id, bed(room, 'T2')), 201);
      const move = (bedId: string) => api(app, w.worker).post(`/api/shelter/stays/${admitted.currentStay!.id}/move`, { bedId });

      expect(expectError(await move(bed(room, 'T2')), 409).code).toBe('shelter.bed_occupied');
      expect(expectError(await move(bed(room, 'T1')), 400).code).toBe('shelter.same_bed');
      const moved = expectJson<CaseStaysView>(await move(bed(room, 'T3')), 200);
      expect(moved.currentStay).toMatchObject({ bedLabel: 'T3' });
      expect(moved.stays).toHaveLength(2);
      expect(moved.daysStayed).toBe(2);
      expect(moved.firstAdmittedAt).toBe(admitted.firstAdmittedAt);

      const b = await board(w.officer);
      expect(occupantOf(b, bed(room, 'T1'))).toBeNull();
      expect(occupantOf(b, bed(room, 'T3'))).toMatchObject({ caseId: c.id, daysStayed: 2, admittedAt: admitted.firstAdmittedAt });
      expect((await timeline(c.id)).find((e) => e.action === 'shelter.moved')?.changes).toMatchObject({ fromBed: 'T1', toBed: 'T3' });
      // The old stay is now closed: it cannot be moved again.
      expect(expectError(await move(bed(room, 'T1')), 409).code).toBe('shelter.stay_closed');
    });

    it('discharge frees the bed; a second discharge is refused', async () => {
      const c = await receiveClient(app, w.officer, w.unitId, { client: { name: 'Mbah Sarinah', sex: 'female' } });
      const stays = expectJson<CaseStaysView>(await admit(w.officer, c.id, bed(womenRoom, 'P2')), 201);
      const done = expectJson<CaseStaysView>(
        await api(app, w.officer).post(`/api/shelter/stays/${stays.currentStay!.id}/discharge`, { notes: 'Dijemput keluarga' }),
        200,
      );
      expect(done.currentStay).toBeNull();
      expect(done.stays[0].dischargedAt).not.toBeNull();
      expect(occupantOf(await board(w.officer), bed(womenRoom, 'P2'))).toBeNull();
      const again = expectError(await api(app, w.officer).post(`/api/shelter/stays/${stays.currentStay!.id}/discharge`, {}), 409);
      expect(again.code).toBe('shelter.stay_closed');
      const discharged = (await timeline(c.id)).find((e) => e.action === 'shelter.discharged');
      expect(discharged?.changes).toMatchObject({ bed: 'P2', notes: 'Dijemput keluarga', daysStayed: 0 });
    });

    it('terminating a case discharges its client from the bed, and a closed case cannot be admitted', async () => {
      const c = await receiveClient(app, w.officer, w.unitId, { client: { name: 'Ibu Wati', sex: 'female' } });
      const stays = expectJson<CaseStaysView>(await admit(w.officer, c.id, bed(womenRoom, 'P2')), 201);
      expectJson(await api(app, w.officer).post(`/api/cases/${c.id}/terminate`, { outcome: 'reunified_family' }), 200);
      const after = expectJson<CaseStaysView>(await api(app, w.officer).get('/api/shelter/stays', { query: { caseId: c.id } }), 200);
      expect(after.currentStay).toBeNull();
      expect(after.stays[0]).toMatchObject({ id: stays.currentStay!.id });
      expect(after.stays[0].dischargedAt).not.toBeNull();
      expect(occupantOf(await board(w.officer), bed(womenRoom, 'P2'))).toBeNull();
      expect((await timeline(c.id)).find((e) => e.action === 'shelter.discharged')?.changes).toMatchObject({ reason: 'case_terminated' });
      expect(expectError(await admit(w.officer, c.id, bed(womenRoom, 'P2')), 409).code).toBe('cases.closed');
    });

    it('an occupied bed or room cannot be taken out of service', async () => {
      const err = expectError(await api(app, w.admin).patch(`/api/shelter/beds/${bed(menRoom, 'L1')}`, { isActive: false }), 409);
      expect(err.code).toBe('shelter.bed_occupied');
      expect(expectError(await api(app, w.admin).patch(`/api/shelter/rooms/${menRoom.id}`, { isActive: false }), 409).code).toBe('shelter.room_occupied');
    });
  });

  describe('the stay limit on the occupancy board', () => {
    it('without settings the limit is 7 days, warned 1 day ahead', async () => {
      const other = await board(w.other.officer, w.other.unitId);
      expect(other).toMatchObject({ stayLimitDays: 7, stayWarningDays: 1, rooms: [], totals: { beds: 0, occupied: 0, free: 0 } });
    });

    it('the warning appears when the warning days are reached, and over-stay after the limit', async () => {
      expectJson(await api(app, w.admin).put('/api/service-settings', { maxStayDays: 7, stayWarningDays: 2 }, { query: { organizationId: w.unitId } }), 200);
      const room = await createRoom(app, w.admin, w.unitId, { name: 'Kamar Uji Lama Tinggal', bedLabels: ['U4', 'U5', 'U7', 'U8'] });
      const expected: [string, number, boolean, boolean][] = [
        ['U4', 4, false, false],
        ['U5', 5, true, false],
        ['U7', 7, true, false],
        ['U8', 8, false, true],
      ];
      for (const [label, days] of expected) {
        const c = await receiveClient(app, w.officer, w.unitId, { arrivedAt: daysAgo(days, 30) });
        expectJson(await admit(w.officer, c.id, bed(room, label), daysAgo(days)), 201);
      }
      const b = await board(w.head);
      expect(b).toMatchObject({ stayLimitDays: 7, stayWarningDays: 2 });
      for (const [label, days, warning, over] of expected) {
        expect(occupantOf(b, bed(room, label)), label).toMatchObject({
          daysStayed: days,
          daysLeft: 7 - days,
          isStayWarning: warning,
          isOverStay: over,
        });
      }
      expect(b.totals.stayWarnings).toBeGreaterThanOrEqual(2);
      expect(b.totals.overStays).toBeGreaterThanOrEqual(1);
      expect(b.totals.beds).toBe(b.totals.occupied + b.totals.free);
    });
  });

  describe('who may do what', () => {
    it('another organization’s users get 404 on every endpoint', async () => {
      const c = await receiveClient(app, w.officer, w.unitId);
      const stay = expectJson<CaseStaysView>(await admit(w.officer, c.id, bed(menRoom, 'L3')), 201).currentStay!;
      const otherRoom = await createRoom(app, w.other.admin, w.other.unitId, { name: 'Kamar Temanggung', bedLabels: ['T1'] });
      const theirs = [
        api(app, w.other.officer).get('/api/shelter/occupancy', { query: { organizationId: w.unitId } }),
        api(app, w.other.officer).get('/api/shelter/rooms', { query: { organizationId: w.unitId } }),
        api(app, w.other.admin).post('/api/shelter/rooms', { organizationId: w.unitId, name: 'Sisipan' }),
        api(app, w.other.admin).patch(`/api/shelter/rooms/${menRoom.id}`, { name: 'Diambil alih' }),
        api(app, w.other.admin).post(`/api/shelter/rooms/${menRoom.id}/beds`, { label: 'Z9' }),
        api(app, w.other.admin).patch(`/api/shelter/beds/${bed(menRoom, 'L1')}`, { label: 'Z1' }),
        api(app, w.other.officer).get('/api/shelter/stays', { query: { caseId: c.id } }),
        api(app, w.other.officer).post('/api/shelter/stays', { caseId: c.id, bedId: otherRoom.beds[0].id }),
        api(app, w.other.officer).post(`/api/shelter/stays/${stay.id}/move`, { bedId: otherRoom.beds[0].id }),
        api(app, w.other.officer).post(`/api/shelter/stays/${stay.id}/discharge`, {}),
      ];
      for (const res of await Promise.all(theirs)) expect(res.statusCode, res.body).toBe(404);
      // And our officer cannot put our client on their bed either.
      const other = await receiveClient(app, w.officer, w.unitId);
      expect(expectError(await admit(w.officer, other.id, otherRoom.beds[0].id), 404).code).toBe('shelter.bed_not_found');
      expect(occupantOf(await board(w.officer), bed(menRoom, 'L3'))?.caseId).toBe(c.id);
    });

    it('a viewer gets 403 on every endpoint', async () => {
      const fake = '00000000-0000-4000-8000-000000000000';
      const calls = [
        api(app, w.viewer).get('/api/shelter/occupancy'),
        api(app, w.viewer).get('/api/shelter/rooms'),
        api(app, w.viewer).post('/api/shelter/rooms', { organizationId: w.unitId, name: 'X' }),
        api(app, w.viewer).patch(`/api/shelter/rooms/${menRoom.id}`, { name: 'X' }),
        api(app, w.viewer).post(`/api/shelter/rooms/${menRoom.id}/beds`, { label: 'X' }),
        api(app, w.viewer).patch(`/api/shelter/beds/${bed(menRoom, 'L1')}`, { label: 'X' }),
        api(app, w.viewer).get('/api/shelter/stays', { query: { caseId: fake } }),
        api(app, w.viewer).post('/api/shelter/stays', { caseId: fake, bedId: fake }),
        api(app, w.viewer).post(`/api/shelter/stays/${fake}/move`, { bedId: fake }),
        api(app, w.viewer).post(`/api/shelter/stays/${fake}/discharge`, {}),
      ];
      for (const res of await Promise.all(calls)) expect(expectError(res, 403).code).toBe('forbidden');
    });

    it('an administrator manages rooms but never sees who is on the beds', async () => {
      expect(expectError(await api(app, w.admin).get('/api/shelter/occupancy', { query: { organizationId: w.unitId } }), 403).code).toBe('forbidden');
      const rooms = expectJson<RoomView[]>(await api(app, w.admin).get('/api/shelter/rooms', { query: { organizationId: w.unitId } }), 200);
      const l1 = rooms.flatMap((r) => r.beds).find((b) => b.id === bed(menRoom, 'L1'));
      expect(l1).toEqual({ id: bed(menRoom, 'L1'), roomId: menRoom.id, label: 'L1', isActive: true, isOccupied: true });
    });
  });
});
