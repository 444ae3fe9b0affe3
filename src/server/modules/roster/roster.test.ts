import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, expectError, expectJson, type TestApp } from '../../../../tests/support/app.js';
import { buildShelterWorld, type ShelterWorld } from '../../../../tests/support/shelter-fixtures.js';
import type { OnDutyView, PatternView, RosterView, ShiftView } from '../../../shared/contracts/roster.js';
import { crossesMidnight, isOnDutyAt, shiftInterval, zonedInstant } from './roster-time.js';
import { expandPattern, findOnDutyNow } from './roster.service.js';

type Audit = { items: { action: string; entityId: string | null; changes: Record<string, unknown> | null }[] };

describe('on duty across midnight (rules)', () => {
  const night = { shiftDate: '2026-03-01', startTime: '22:00', endTime: '07:00' };
  const day = { shiftDate: '2026-03-01', startTime: '07:00', endTime: '15:00' };
  const fullDay = { shiftDate: '2026-03-01', startTime: '08:00', endTime: '08:00' };
  const evening = { shiftDate: '2026-03-01', startTime: '15:00', endTime: '00:00' };

  it.each([
    // shift, instant, zone, on duty?
    [night, '2026-03-01T21:59:00+07:00', 'Asia/Jakarta', false],
    [night, '2026-03-01T22:00:00+07:00', 'Asia/Jakarta', true],
    [night, '2026-03-01T23:59:00+07:00', 'Asia/Jakarta', true],
    [night, '2026-03-02T00:30:00+07:00', 'Asia/Jakarta', true],
    [night, '2026-03-02T06:59:00+07:00', 'Asia/Jakarta', true],
    [night, '2026-03-02T07:00:00+07:00', 'Asia/Jakarta', false],
    // the night before: 22:00 on 28 Feb is not this shift
    [night, '2026-03-01T01:00:00+07:00', 'Asia/Jakarta', false],
    [day, '2026-03-01T07:00:00+07:00', 'Asia/Jakarta', true],
    [day, '2026-03-01T15:00:00+07:00', 'Asia/Jakarta', false],
    [fullDay, '2026-03-02T07:59:00+07:00', 'Asia/Jakarta', true],
    [fullDay, '2026-03-02T08:00:00+07:00', 'Asia/Jakarta', false],
    [evening, '2026-03-01T23:59:59+07:00', 'Asia/Jakarta', true],
    [evening, '2026-03-02T00:00:00+07:00', 'Asia/Jakarta', false],
    // the same wall clock in WIT (UTC+9) is two hours earlier in absolute time
    [night, '2026-03-01T13:30:00Z', 'Asia/Jayapura', true],
    [night, '2026-03-01T13:30:00Z', 'Asia/Jakarta', false],
    [night, '2026-03-01T22:00:00Z', 'Asia/Jayapura', false],
  ])('%o at %s in %s: on duty %s', (shift, iso, zone, expected) => {
    expect(isOnDutyAt(shift, new Date(iso), zone)).toBe(expected);
  });

  it('computes instants in the zone, not the machine’s', () => {
    expect(zonedInstant('2026-03-01', '22:00', 'Asia/Jakarta').toISOString()).toBe('2026-03-01T15:00:00.000Z');
    expect(zonedInstant('2026-03-01', '22:00', 'Asia/Makassar').toISOString()).toBe('2026-03-01T14:00:00.000Z');
    expect(shiftInterval(night, 'Asia/Jakarta').endsAt.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(crossesMidnight('22:00', '07:00')).toBe(true);
    expect(crossesMidnight('07:00', '15:00')).toBe(false);
  });

  it('expands a weekly rotation onto the dates of a range', () => {
    const slot = (day: number, officer: string) => ({ day, startTime: '22:00', endTime: '07:00', officerUserId: officer, roleNote: null });
    const pattern = { cycleDays: 7, anchorDate: '2026-03-02', slots: [slot(0, 'a'), slot(1, 'b'), slot(6, 'c')] };
    const planned = expandPattern(pattern, '2026-03-01', '2026-03-09');
    expect(planned.map((p) => `${p.shiftDate}:${p.slot.officerUserId}`)).toEqual([
      '2026-03-01:c', // the day before the anchor is day 6 of the previous cycle
      '2026-03-02:a',
      '2026-03-03:b',
      '2026-03-08:c',
      '2026-03-09:a',
    ]);
  });
});

describe('duty roster', () => {
  let app: TestApp;
  let w: ShelterWorld;
  let officerId: string;
  let workerId: string;

  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    app = await createTestApp();
    w = await buildShelterWorld(app);
    officerId = w.officer.me.user.id;
    workerId = w.worker.me.user.id;
  });
  afterAll(() => app?.close());

  it('the head plans a night shift; the officer is on duty after midnight, found from the database', async () => {
    const yesterday = addDays(today(), -1);
    const shift = expectJson<ShiftView>(
      await api(app, w.head).post('/api/roster/shifts', { organizationId: w.unitId, shiftDate: yesterday, startTime: '22:00', endTime: '07:00', officerUserId: officerId, roleNote: 'Piket malam' }),
      201,
    );
    expect(shift.crossesMidnight).toBe(true);
    const db = app.testDatabase.db;
    const justAfterMidnight = zonedInstant(today(), '00:30', 'Asia/Jakarta');
    const onDuty = await findOnDutyNow(db, w.unitId, justAfterMidnight);
    expect(onDuty.map((o) => o.userId)).toEqual([officerId]);
    expect(onDuty[0]).toMatchObject({ roleNote: 'Piket malam', startTime: '22:00', endTime: '07:00' });
    expect(await findOnDutyNow(db, w.unitId, zonedInstant(today(), '07:00', 'Asia/Jakarta'))).toEqual([]);
    expect(await findOnDutyNow(db, w.unitId, zonedInstant(yesterday, '21:59', 'Asia/Jakarta'))).toEqual([]);
    // Another organization's roster is separate.
    expect(await findOnDutyNow(db, w.other.unitId, justAfterMidnight)).toEqual([]);

    const audit = expectJson<Audit>(await api(app, w.admin).get('/api/audit', { query: { entityType: 'roster_shift', entityId: shift.id } }), 200);
    expect(audit.items.map((i) => i.action)).toContain('roster.shift_created');
  });

  it('shows who is on duty now on the API, with the latest handover note', async () => {
    const shift = expectJson<ShiftView>(
      await api(app, w.head).post('/api/roster/shifts', { organizationId: w.unitId, shiftDate: today(), startTime: '00:00', endTime: '00:00', officerUserId: workerId }),
      201,
    );
    const handed = expectJson<ShiftView>(await api(app, w.worker).put(`/api/roster/shifts/${shift.id}/handover`, { note: 'Pak Darmo perlu dipantau; keluarga dihubungi besok.' }), 200);
    expect(handed.handoverNote).toContain('Pak Darmo');
    const now = expectJson<OnDutyView>(await api(app, w.officer).get('/api/roster/on-duty'), 200);
    expect(now.officers.map((o) => o.userId)).toContain(workerId);
    expect(now.lastHandover?.note).toContain('Pak Darmo');
    expect(now.timeZone).toBe('Asia/Jakarta');
  });

  it('an officer swaps a shift with a colleague, audited with the reason', async () => {
    const date = addDays(today(), 3);
    const a = expectJson<ShiftView>(await api(app, w.head).post('/api/roster/shifts', { organizationId: w.unitId, shiftDate: date, startTime: '07:00', endTime: '15:00', officerUserId: officerId }), 201);
    const b = expectJson<ShiftView>(await api(app, w.head).post('/api/roster/shifts', { organizationId: w.unitId, shiftDate: date, startTime: '15:00', endTime: '22:00', officerUserId: workerId }), 201);
    const swapped = expectJson<ShiftView[]>(await api(app, w.officer).post(`/api/roster/shifts/${a.id}/swap`, { withShiftId: b.id, reason: 'Anak sakit pagi hari' }), 200);
    expect(swapped.find((s) => s.id === a.id)?.officerUserId).toBe(workerId);
    expect(swapped.find((s) => s.id === b.id)?.officerUserId).toBe(officerId);
    const audit = expectJson<Audit>(await api(app, w.admin).get('/api/audit', { query: { action: 'roster.shift_swapped', entityId: a.id } }), 200);
    expect(audit.items[0].changes).toMatchObject({ fromUserId: officerId, withShiftId: b.id, reason: 'Anak sakit pagi hari' });

    const handed = expectJson<ShiftView[]>(await api(app, w.worker).post(`/api/roster/shifts/${a.id}/swap`, { toUserId: officerId, reason: 'Tukar kembali' }), 200);
    expect(handed[0].officerUserId).toBe(officerId);
  });

  it('applies a weekly pattern to a range, and applying it again adds nothing', async () => {
    const from = addDays(today(), 10);
    const pattern = expectJson<PatternView>(
      await api(app, w.head).post('/api/roster/patterns', {
        organizationId: w.unitId,
        name: 'Rotasi mingguan',
        cycleDays: 7,
        anchorDate: from,
        slots: [
          { day: 0, startTime: '07:00', endTime: '19:00', officerUserId: officerId },
          { day: 0, startTime: '19:00', endTime: '07:00', officerUserId: workerId },
          { day: 3, startTime: '19:00', endTime: '07:00', officerUserId: officerId, roleNote: 'Koordinator' },
        ],
      }),
      201,
    );
    const to = addDays(from, 13);
    expect(expectJson(await api(app, w.head).post(`/api/roster/patterns/${pattern.id}/apply`, { from, to }), 200)).toEqual({ created: 6, skipped: 0 });
    expect(expectJson(await api(app, w.head).post(`/api/roster/patterns/${pattern.id}/apply`, { from, to }), 200)).toEqual({ created: 0, skipped: 6 });
    const roster = expectJson<RosterView>(await api(app, w.officer).get('/api/roster', { query: { from, to } }), 200);
    expect(roster.shifts.filter((s) => s.patternId === pattern.id)).toHaveLength(6);
    expect(roster.officers.map((o) => o.id)).toEqual(expect.arrayContaining([officerId, workerId]));
  });

  it('refuses bad input naming the field', async () => {
    const e = expectError(await api(app, w.head).post('/api/roster/shifts', { organizationId: w.unitId, shiftDate: today(), startTime: '25:00', endTime: '07:00', officerUserId: officerId }), 400);
    expect(e.fields?.map((f) => f.field)).toContain('startTime');
    const viewerId = w.viewer.me.user.id;
    const e2 = expectError(await api(app, w.head).post('/api/roster/shifts', { organizationId: w.unitId, shiftDate: today(), startTime: '07:00', endTime: '15:00', officerUserId: viewerId }), 400);
    expect(e2.fields?.map((f) => f.field)).toContain('officerUserId');
    const e3 = expectError(await api(app, w.officer).post('/api/roster/shifts/00000000-0000-4000-8000-000000000000/swap', { reason: 'tanpa tujuan' }), 400);
    expect(e3.fields?.map((f) => f.field)).toContain('toUserId');
  });

  it('only the head and administrators plan; a viewer cannot read the roster', async () => {
    expectError(await api(app, w.officer).post('/api/roster/shifts', { organizationId: w.unitId, shiftDate: today(), startTime: '07:00', endTime: '15:00', officerUserId: officerId }), 403);
    expectError(await api(app, w.viewer).get('/api/roster/on-duty'), 403);
  });

  it('another district cannot see or change this roster (404)', async () => {
    const shift = expectJson<ShiftView>(await api(app, w.head).post('/api/roster/shifts', { organizationId: w.unitId, shiftDate: today(), startTime: '07:00', endTime: '15:00', officerUserId: officerId }), 201);
    expectError(await api(app, w.other.officer).get('/api/roster/on-duty', { query: { organizationId: w.unitId } }), 404);
    expectError(await api(app, w.other.officer).put(`/api/roster/shifts/${shift.id}/handover`, { note: 'bukan urusan saya' }), 404);
    expectError(await api(app, w.other.admin).post('/api/roster/shifts', { organizationId: w.unitId, shiftDate: today(), startTime: '07:00', endTime: '15:00', officerUserId: officerId }), 404);
  });
});
