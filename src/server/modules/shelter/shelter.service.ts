import type {
  AdmitBody,
  BedView,
  CaseStaysView,
  CreateRoomBody,
  DischargeBody,
  MoveStayBody,
  OccupancyBoard,
  OccupantView,
  RoomSex,
  RoomView,
  StayLength,
  StayView,
  UpdateBedBody,
  UpdateRoomBody,
} from '../../../shared/contracts/shelter.js';
import type { Db } from '../../db/client.js';
import { type Actor, canReachOrganization } from '../../http/authorize.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { localDate } from '../../local-date.js';
import { diffFields, insertAuditEvent } from '../audit/audit.repository.js';
import { loadCaseInScope } from '../cases/case-access.js';
import { onCaseTerminated } from '../cases/cases.service.js';
import { findOrganizationById } from '../organizations/organizations.repository.js';
import type { BedRow, RoomRow, StaySettings } from './shelter.repository.js';
import * as repo from './shelter.repository.js';

/** Clock skew tolerated for times given by the client ("admitted at 10:02" sent at 10:00). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Length of stay: pure rules

/** The calendar day of an instant in a time zone, as a day number (days since 1970-01-01 there). */
export function localDayNumber(at: Date, timeZone: string): number {
  return Date.parse(`${localDate(at, timeZone)}T00:00:00Z`) / DAY_MS;
}

/**
 * Nights spent in the shelter over a case's stays, counted like a hotel in the organization's
 * calendar: the admission day is day 0, each date change while on a bed adds one. A move closes one
 * stay and opens the next at the same instant, so it neither adds nor loses a night; time away
 * (e.g. in hospital between two stays) does not count.
 */
export function nightsStayed(periods: { admittedAt: Date; dischargedAt: Date | null }[], now: Date, timeZone: string): number {
  let nights = 0;
  for (const p of periods) {
    const end = p.dischargedAt ?? now;
    nights += Math.max(0, localDayNumber(end, timeZone) - localDayNumber(p.admittedAt, timeZone));
  }
  return nights;
}

/**
 * Where a number of nights stands against the limit: over it after more than `maxStayDays` nights;
 * a warning when `stayWarningDays` or fewer nights are left (0 turns warnings off). Only a client
 * still in the shelter (`isStaying`) gets a warning; an over-long stay stays marked after discharge.
 */
export function stayLengthOf(daysStayed: number, settings: Pick<StaySettings, 'maxStayDays' | 'stayWarningDays'>, isStaying = true): StayLength {
  const daysLeft = settings.maxStayDays - daysStayed;
  const isOverStay = daysLeft < 0;
  return {
    daysStayed,
    stayLimitDays: settings.maxStayDays,
    daysLeft,
    isOverStay,
    isStayWarning: isStaying && !isOverStay && settings.stayWarningDays > 0 && daysLeft <= settings.stayWarningDays,
  };
}

// ---------------------------------------------------------------------------------------------
// Presenters

function presentRoom(room: RoomRow, beds: { bed: BedRow; isOccupied: boolean }[]): RoomView {
  return {
    id: room.id,
    organizationId: room.organizationId,
    name: room.name,
    sex: room.sex as RoomSex,
    isActive: room.isActive,
    createdAt: room.createdAt.toISOString(),
    beds: beds.map((b) => presentBed(b.bed, b.isOccupied)),
  };
}

function presentBed(bed: BedRow, isOccupied: boolean): BedView {
  return { id: bed.id, roomId: bed.roomId, label: bed.label, isActive: bed.isActive, isOccupied };
}

type StayListRow = Awaited<ReturnType<typeof repo.findStaysOfCase>>[number];

function presentStay(r: StayListRow): StayView {
  return {
    id: r.stay.id,
    organizationId: r.stay.organizationId,
    caseId: r.stay.caseId,
    bedId: r.stay.bedId,
    bedLabel: r.bedLabel,
    roomId: r.roomId,
    roomName: r.roomName,
    admittedAt: r.stay.admittedAt.toISOString(),
    dischargedAt: r.stay.dischargedAt?.toISOString() ?? null,
    admittedByName: r.admittedByName,
    dischargedByName: r.dischargedByName,
  };
}

// ---------------------------------------------------------------------------------------------
// Loading within the actor's scope

/** The organization the rooms belong to, if the actor reaches it; otherwise not found. */
async function reachableOrganization(db: Db, actor: Actor, organizationId: string) {
  const org = await findOrganizationById(db, organizationId);
  if (!org || !canReachOrganization(actor, org.path)) throw notFound();
  return org;
}

async function reachableRoom(db: Db, actor: Actor, roomId: string) {
  const found = await repo.findRoomById(db, roomId);
  if (!found || !canReachOrganization(actor, found.organizationPath)) throw notFound('shelter.room_not_found');
  return found.room;
}

async function reachableBed(db: Db, actor: Actor, bedId: string) {
  const found = await repo.findBedById(db, bedId);
  if (!found || !canReachOrganization(actor, found.organizationPath)) throw notFound('shelter.bed_not_found');
  return found;
}

async function reachableStay(db: Db, actor: Actor, stayId: string) {
  const found = await repo.findStayById(db, stayId);
  if (!found || !canReachOrganization(actor, found.organizationPath)) throw notFound('shelter.stay_not_found');
  return found.stay;
}

/** A bed a client can be put on: in the case's organization, in service, and in a room for the client's sex. */
async function usableBed(tx: Db, actor: Actor, bedId: string, organizationId: string, clientSex: string) {
  const found = await reachableBed(tx, actor, bedId);
  if (found.room.organizationId !== organizationId) throw badRequest('shelter.bed_other_organization', 'bedId');
  if (!found.bed.isActive || !found.room.isActive) throw badRequest('shelter.bed_inactive', 'bedId');
  if (found.room.sex !== 'mixed' && clientSex !== 'unknown' && found.room.sex !== clientSex)
    throw badRequest('shelter.room_sex_mismatch', 'bedId');
  if (await repo.findOpenStayOfBed(tx, bedId)) throw conflict('shelter.bed_occupied', 'bedId');
  return found;
}

/** A time given for an admission, move or discharge: now by default, never in the future, never before `notBefore`. */
function eventTime(given: string | undefined, field: string, notBefore: { at: Date; code: string } | null): Date {
  const now = Date.now();
  const at = given ? new Date(given) : new Date(now);
  if (at.getTime() > now + FUTURE_TOLERANCE_MS) throw badRequest('shelter.time_in_future', field);
  if (notBefore && at < notBefore.at) throw badRequest(notBefore.code, field);
  return at;
}

/**
 * The unique index a violation came from, on either driver. Two requests can both pass the
 * "is the bed free" check; the partial unique indexes decide, and this turns them into clear 409s.
 */
export function violatedUniqueIndex(err: unknown): string | undefined {
  for (let e = err as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return e.constraint ?? /"([^"]+)"/.exec(e.message ?? '')?.[1] ?? '';
  }
  return undefined;
}

function mapStayConflicts(err: unknown): never {
  const index = violatedUniqueIndex(err);
  if (index === 'stays_open_bed_key') throw conflict('shelter.bed_occupied', 'bedId');
  if (index === 'stays_open_case_key') throw conflict('shelter.case_already_admitted', 'caseId');
  throw err;
}

// ---------------------------------------------------------------------------------------------
// Rooms and beds

/** The rooms of a shelter unit with their beds (no client data: administrators see this too). */
export async function listRooms(db: Db, actor: Actor, organizationId: string, includeInactive: boolean): Promise<RoomView[]> {
  const org = await reachableOrganization(db, actor, organizationId);
  const rows = await repo.findRoomsWithBeds(db, { organizationId: org.id, includeInactive });
  return rows.map((r) => presentRoom(r.room, r.beds));
}

async function roomView(db: Db, room: RoomRow): Promise<RoomView> {
  const [found] = await repo.findRoomsWithBeds(db, { organizationId: room.organizationId, includeInactive: true, roomId: room.id });
  return presentRoom(found.room, found.beds);
}

export async function createRoom(db: Db, actor: Actor, body: CreateRoomBody, ip?: string): Promise<RoomView> {
  return db.transaction(async (tx) => {
    const org = await reachableOrganization(tx, actor, body.organizationId);
    // The same organizations that receive clients (see the case intake): a shelter unit, or a Dinas Sosial running one.
    if (org.kind !== 'unit' && org.kind !== 'regency') throw badRequest('shelter.not_a_shelter_unit', 'organizationId');
    if (await repo.findRoomByName(tx, org.id, body.name)) throw conflict('shelter.room_name_taken', 'name');
    const labels = body.bedLabels.map((l) => l.toLowerCase());
    const duplicate = body.bedLabels.find((_, i) => labels.indexOf(labels[i]) !== i);
    if (duplicate) throw conflict('shelter.bed_label_taken', 'bedLabels');
    const room = await repo.insertRoom(tx, { organizationId: org.id, name: body.name, sex: body.sex });
    const beds = await repo.insertBeds(
      tx,
      body.bedLabels.map((label) => ({ roomId: room.id, label })),
    );
    await insertAuditEvent(tx, {
      action: 'room.created',
      actorUserId: actor.id,
      organizationId: org.id,
      entityType: 'room',
      entityId: room.id,
      changes: { name: room.name, sex: room.sex, beds: beds.map((b) => b.label) },
      ip,
    });
    return presentRoom(
      room,
      beds.map((bed) => ({ bed, isOccupied: false })),
    );
  });
}

export async function updateRoomDetails(db: Db, actor: Actor, roomId: string, body: UpdateRoomBody, ip?: string): Promise<RoomView> {
  return db.transaction(async (tx) => {
    const before = await reachableRoom(tx, actor, roomId);
    if (body.name && (await repo.findRoomByName(tx, before.organizationId, body.name, roomId))) throw conflict('shelter.room_name_taken', 'name');
    if (body.isActive === false && before.isActive && (await repo.countOpenStaysInRoom(tx, roomId)) > 0)
      throw conflict('shelter.room_occupied', 'isActive');
    const changes = diffFields(before as unknown as Record<string, unknown>, body as Record<string, unknown>);
    if (Object.keys(changes).length > 0) {
      await repo.updateRoom(tx, roomId, body);
      await insertAuditEvent(tx, {
        action: 'room.updated',
        actorUserId: actor.id,
        organizationId: before.organizationId,
        entityType: 'room',
        entityId: roomId,
        changes,
        ip,
      });
    }
    return roomView(tx, before);
  });
}

export async function addBed(db: Db, actor: Actor, roomId: string, label: string, ip?: string): Promise<RoomView> {
  return db.transaction(async (tx) => {
    const room = await reachableRoom(tx, actor, roomId);
    if (await repo.findBedByLabel(tx, roomId, label)) throw conflict('shelter.bed_label_taken', 'label');
    const [bed] = await repo.insertBeds(tx, [{ roomId, label }]);
    await insertAuditEvent(tx, {
      action: 'bed.created',
      actorUserId: actor.id,
      organizationId: room.organizationId,
      entityType: 'room',
      entityId: roomId,
      changes: { bedId: bed.id, label: bed.label },
      ip,
    });
    return roomView(tx, room);
  });
}

export async function updateBedDetails(db: Db, actor: Actor, bedId: string, body: UpdateBedBody, ip?: string): Promise<RoomView> {
  return db.transaction(async (tx) => {
    const { bed: before, room } = await reachableBed(tx, actor, bedId);
    if (body.label && (await repo.findBedByLabel(tx, room.id, body.label, bedId))) throw conflict('shelter.bed_label_taken', 'label');
    if (body.isActive === false && before.isActive && (await repo.findOpenStayOfBed(tx, bedId))) throw conflict('shelter.bed_occupied', 'isActive');
    const changes = diffFields(before as unknown as Record<string, unknown>, body as Record<string, unknown>);
    if (Object.keys(changes).length > 0) {
      await repo.updateBed(tx, bedId, body);
      await insertAuditEvent(tx, {
        action: 'bed.updated',
        actorUserId: actor.id,
        organizationId: room.organizationId,
        entityType: 'room',
        entityId: room.id,
        changes: { bedId, ...changes },
        ip,
      });
    }
    return roomView(tx, room);
  });
}

// ---------------------------------------------------------------------------------------------
// Stays

/** The shelter side of a case: its stays, the open one, and its length against the limit. */
export async function getCaseStays(db: Db, actor: Actor, caseId: string, now = new Date()): Promise<CaseStaysView> {
  const { case: c } = await loadCaseInScope(db, actor, caseId);
  return caseStaysView(db, c.id, c.organizationId, now);
}

async function caseStaysView(db: Db, caseId: string, organizationId: string, now = new Date()): Promise<CaseStaysView> {
  const [rows, settings] = await Promise.all([repo.findStaysOfCase(db, caseId), repo.findStaySettings(db, organizationId)]);
  const current = rows.find((r) => r.stay.dischargedAt === null);
  const nights = nightsStayed(
    rows.map((r) => r.stay),
    now,
    settings.timeZone,
  );
  const first = rows.reduce<Date | null>((min, r) => (min === null || r.stay.admittedAt < min ? r.stay.admittedAt : min), null);
  return {
    caseId,
    ...stayLengthOf(nights, settings, Boolean(current)),
    currentStay: current ? presentStay(current) : null,
    firstAdmittedAt: first?.toISOString() ?? null,
    stays: rows.map(presentStay),
  };
}

/** Put a case's client on a free bed of the case's organization. */
export async function admit(db: Db, actor: Actor, body: AdmitBody, ip?: string): Promise<CaseStaysView> {
  try {
    return await db.transaction(async (tx) => {
      const { case: c } = await loadCaseInScope(tx, actor, body.caseId, { forWrite: true });
      const client = await repo.findClientOfCase(tx, c.id);
      if (await repo.findOpenStayOfCase(tx, c.id)) throw conflict('shelter.case_already_admitted', 'caseId');
      const { bed, room } = await usableBed(tx, actor, body.bedId, c.organizationId, client?.sex ?? 'unknown');
      const previous = await repo.findStayPeriodsOfCases(tx, [c.id]);
      const lastDischarge = previous.reduce<Date | null>((max, p) => (p.dischargedAt && (!max || p.dischargedAt > max) ? p.dischargedAt : max), null);
      const at = eventTime(
        body.admittedAt,
        'admittedAt',
        lastDischarge && lastDischarge > c.arrivedAt
          ? { at: lastDischarge, code: 'shelter.time_before_last_discharge' }
          : { at: c.arrivedAt, code: 'shelter.time_before_arrival' },
      );
      const stay = await repo.insertStay(tx, {
        organizationId: c.organizationId,
        caseId: c.id,
        bedId: bed.id,
        admittedAt: at,
        admittedBy: actor.id,
      });
      await insertAuditEvent(tx, {
        action: 'shelter.admitted',
        actorUserId: actor.id,
        organizationId: c.organizationId,
        entityType: 'case',
        entityId: c.id,
        changes: { stayId: stay.id, bedId: bed.id, bed: bed.label, room: room.name, admittedAt: at.toISOString() },
        ip,
      });
      return caseStaysView(tx, c.id, c.organizationId);
    });
  } catch (err) {
    mapStayConflicts(err);
  }
}

/** Move a client to another free bed: the open stay ends and a new one starts at the same instant. */
export async function moveStay(db: Db, actor: Actor, stayId: string, body: MoveStayBody, ip?: string): Promise<CaseStaysView> {
  try {
    return await db.transaction(async (tx) => {
      const stay = await reachableStay(tx, actor, stayId);
      const { case: c } = await loadCaseInScope(tx, actor, stay.caseId, { forWrite: true });
      if (stay.dischargedAt) throw conflict('shelter.stay_closed');
      if (body.bedId === stay.bedId) throw badRequest('shelter.same_bed', 'bedId');
      const client = await repo.findClientOfCase(tx, c.id);
      const from = (await repo.findBedById(tx, stay.bedId))!;
      const { bed, room } = await usableBed(tx, actor, body.bedId, stay.organizationId, client?.sex ?? 'unknown');
      const at = eventTime(body.at, 'at', { at: stay.admittedAt, code: 'shelter.time_before_admission' });
      if (!(await repo.closeStay(tx, stay.id, at, actor.id))) throw conflict('shelter.stay_closed');
      const next = await repo.insertStay(tx, {
        organizationId: stay.organizationId,
        caseId: stay.caseId,
        bedId: bed.id,
        admittedAt: at,
        admittedBy: actor.id,
      });
      await insertAuditEvent(tx, {
        action: 'shelter.moved',
        actorUserId: actor.id,
        organizationId: stay.organizationId,
        entityType: 'case',
        entityId: stay.caseId,
        changes: {
          fromStayId: stay.id,
          toStayId: next.id,
          fromBed: from.bed.label,
          fromRoom: from.room.name,
          toBedId: bed.id,
          toBed: bed.label,
          toRoom: room.name,
          at: at.toISOString(),
        },
        ip,
      });
      return caseStaysView(tx, c.id, c.organizationId);
    });
  } catch (err) {
    mapStayConflicts(err);
  }
}

/** End a stay: the client leaves the shelter (returned home, referred, left on their own). */
export async function discharge(db: Db, actor: Actor, stayId: string, body: DischargeBody, ip?: string): Promise<CaseStaysView> {
  return db.transaction(async (tx) => {
    const stay = await reachableStay(tx, actor, stayId);
    // Not `forWrite`: an open stay of a closed case must still be closable.
    const { case: c } = await loadCaseInScope(tx, actor, stay.caseId);
    if (stay.dischargedAt) throw conflict('shelter.stay_closed');
    const at = eventTime(body.at, 'at', { at: stay.admittedAt, code: 'shelter.time_before_admission' });
    await closeAndAudit(tx, stay, at, actor.id, { notes: body.notes ?? null, ip });
    return caseStaysView(tx, c.id, c.organizationId);
  });
}

async function closeAndAudit(
  tx: Db,
  stay: repo.StayRow,
  at: Date,
  actorId: string | null,
  extra: { notes?: string | null; reason?: string; ip?: string },
) {
  const closed = await repo.closeStay(tx, stay.id, at, actorId);
  if (!closed) throw conflict('shelter.stay_closed');
  const bed = await repo.findBedById(tx, stay.bedId);
  const settings = await repo.findStaySettings(tx, stay.organizationId);
  const nights = nightsStayed(await repo.findStayPeriodsOfCases(tx, [stay.caseId]), at, settings.timeZone);
  await insertAuditEvent(tx, {
    action: 'shelter.discharged',
    actorUserId: actorId,
    organizationId: stay.organizationId,
    entityType: 'case',
    entityId: stay.caseId,
    changes: {
      stayId: stay.id,
      bed: bed?.bed.label ?? null,
      room: bed?.room.name ?? null,
      dischargedAt: at.toISOString(),
      daysStayed: nights,
      ...(extra.reason ? { reason: extra.reason } : {}),
      ...(extra.notes ? { notes: extra.notes } : {}),
    },
    ip: extra.ip,
  });
  return closed;
}

/**
 * Discharge the case's open stay, if it has one, in the caller's transaction: the case core calls
 * this when it terminates a case, so a closed case never keeps a bed. A termination time before the
 * admission (a back-dated termination) discharges at the admission instead. Audited as
 * `shelter.discharged` with reason `case_terminated`. Returns the closed stay, or null.
 */
export async function dischargeOpenStay(tx: Db, caseId: string, at: Date, actorId: string | null, opts: { ip?: string } = {}) {
  const stay = await repo.findOpenStayOfCase(tx, caseId);
  if (!stay) return null;
  const when = at < stay.admittedAt ? stay.admittedAt : at;
  return closeAndAudit(tx, stay, when, actorId, { reason: 'case_terminated', ip: opts.ip });
}

// The case core runs its termination hooks inside the termination transaction.
onCaseTerminated(async (tx, caseId, at, actorId) => {
  await dischargeOpenStay(tx, caseId, at, actorId);
});

// ---------------------------------------------------------------------------------------------
// The occupancy board

/** Rooms → beds → who is on each bed, with the length of stay against the organization's limit. */
export async function getOccupancyBoard(db: Db, actor: Actor, organizationId: string, now = new Date()): Promise<OccupancyBoard> {
  const org = await reachableOrganization(db, actor, organizationId);
  const [rows, settings] = await Promise.all([repo.findOccupancy(db, org.id), repo.findStaySettings(db, org.id)]);
  const caseIds = rows.flatMap((r) => (r.stay ? [r.stay.caseId] : []));
  const periods = await repo.findStayPeriodsOfCases(db, caseIds);

  const totals = { beds: 0, occupied: 0, free: 0, stayWarnings: 0, overStays: 0 };
  const roomsById = new Map<string, OccupancyBoard['rooms'][number]>();
  for (const r of rows) {
    let room = roomsById.get(r.room.id);
    if (!room) {
      room = { id: r.room.id, name: r.room.name, sex: r.room.sex as RoomSex, beds: [] };
      roomsById.set(r.room.id, room);
    }
    if (!r.bed) continue;
    totals.beds++;
    let occupant: OccupantView | null = null;
    if (r.stay) {
      const stayId = r.stay.id;
      const ofCase = periods.filter((p) => p.caseId === r.stay?.caseId);
      const length = stayLengthOf(nightsStayed(ofCase, now, settings.timeZone), settings);
      occupant = {
        stayId,
        caseId: r.stay.caseId,
        caseNumber: r.caseNumber ?? '',
        clientId: r.clientId ?? '',
        clientName: r.clientName ?? '',
        clientSex: (r.clientSex ?? 'unknown') as OccupantView['clientSex'],
        admittedAt: new Date(Math.min(...ofCase.map((p) => p.admittedAt.getTime()))).toISOString(),
        onBedSince: r.stay.admittedAt.toISOString(),
        ...length,
      };
      totals.occupied++;
      if (length.isStayWarning) totals.stayWarnings++;
      if (length.isOverStay) totals.overStays++;
    } else totals.free++;
    room.beds.push({ id: r.bed.id, label: r.bed.label, occupant });
  }
  return {
    organizationId: org.id,
    organizationName: org.name,
    asOf: now.toISOString(),
    stayLimitDays: settings.maxStayDays,
    stayWarningDays: settings.stayWarningDays,
    totals,
    rooms: [...roomsById.values()],
  };
}
