import type { Db } from '../../db/client.js';
import { findSettings } from '../sop/sop.repository.js';
import * as repo from './roster.repository.js';
import type {
  ApplyPatternBody,
  CreatePatternBody,
  CreateShiftBody,
  OnDutyView,
  PatternView,
  RosterView,
  ShiftView,
  SwapShiftBody,
} from '../../../shared/contracts/roster.js';
import { type Actor, canReachOrganization } from '../../http/authorize.js';
import { AppError, badRequest } from '../../http/errors.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { getReachableOrganization } from '../organizations/organizations.service.js';
import { CASEWORK_ROLES_FOR_ROSTER } from './roster-roles.js';
import { addDays, crossesMidnight, daysBetween, shiftInterval } from './roster-time.js';
import type { RosterPatternRow, RosterShiftRow } from './roster.table.js';
export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

/** The organization's IANA time zone (organization_settings.time_zone, WIB by default). */
export async function organizationTimeZone(db: Db, organizationId: string): Promise<string> {
  return (await findSettings(db, organizationId))?.timeZone ?? DEFAULT_TIME_ZONE;
}

/** An officer on duty at a given instant. */
export interface OnDutyOfficer {
  shiftId: string;
  userId: string;
  name: string;
  /** The officer's own phone from their user profile; may be null. */
  phone: string | null;
  roleNote: string | null;
  /** Planned wall clock in the organization's zone, e.g. `22:00`–`07:00`. */
  shiftDate: string;
  startTime: string;
  endTime: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Who is on duty (piket) in an organization at the instant `at` (default now): every shift that has
 * started and not yet ended, a night shift crossing midnight included. Empty when nobody is rostered.
 * Stable signature used by the public page and by notifications.
 */
export async function findOnDutyNow(db: Db, organizationId: string, at: Date = new Date()): Promise<OnDutyOfficer[]> {
  const rows = await repo.findShiftsCovering(db, organizationId, at);
  return rows.map((r) => ({
    shiftId: r.shift.id,
    userId: r.shift.officerUserId,
    name: r.officerName,
    phone: r.officerPhone,
    roleNote: r.shift.roleNote,
    shiftDate: r.shift.shiftDate,
    startTime: r.shift.startTime,
    endTime: r.shift.endTime,
    startsAt: r.shift.startsAt,
    endsAt: r.shift.endsAt,
  }));
}

// ---------------------------------------------------------------------------------------------
// Planning the roster

function presentShift(s: RosterShiftRow, officerName: string): ShiftView {
  return {
    id: s.id,
    organizationId: s.organizationId,
    shiftDate: s.shiftDate,
    startTime: s.startTime,
    endTime: s.endTime,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    crossesMidnight: crossesMidnight(s.startTime, s.endTime),
    officerUserId: s.officerUserId,
    officerName,
    roleNote: s.roleNote,
    patternId: s.patternId,
    handoverNote: s.handoverNote,
    handoverAt: s.handoverAt?.toISOString() ?? null,
  };
}

/** The unit whose roster a user sees by default: their own, or the first unit under their office. */
export async function defaultRosterUnit(db: Db, actor: Actor): Promise<string> {
  if (actor.organizationKind === 'unit') return actor.organizationId;
  return (await repo.findFirstUnitUnder(db, actor.organizationPath)) ?? actor.organizationId;
}

async function reachableUnit(db: Db, actor: Actor, organizationId: string) {
  return getReachableOrganization(db, actor, organizationId);
}

/** Officers must be active users of the same organization who do casework or run it. */
async function checkOfficers(db: Db, organizationId: string, userIds: string[], field: string) {
  const unique = [...new Set(userIds)];
  const found = await repo.findActiveUsersOfOrganization(db, organizationId, unique);
  const ok = new Set(found.filter((u) => (CASEWORK_ROLES_FOR_ROSTER as readonly string[]).includes(u.role)).map((u) => u.id));
  for (const id of unique) if (!ok.has(id)) throw badRequest('roster.officer_not_in_unit', field);
}

export async function getRoster(db: Db, actor: Actor, organizationId: string, from: string, to: string): Promise<RosterView> {
  const org = await reachableUnit(db, actor, organizationId);
  const span = daysBetween(from, to);
  if (span < 0 || span > 62) throw badRequest('roster.range_too_long', 'to');
  const timeZone = await organizationTimeZone(db, org.id);
  const start = shiftInterval({ shiftDate: from, startTime: '00:00', endTime: '00:00' }, timeZone).startsAt;
  const end = shiftInterval({ shiftDate: addDays(to, 1), startTime: '00:00', endTime: '00:00' }, timeZone).startsAt;
  const [rows, officers] = await Promise.all([
    repo.findShiftsBetween(db, org.id, start, end),
    repo.findRosterableUsers(db, org.id, CASEWORK_ROLES_FOR_ROSTER),
  ]);
  return {
    organizationId: org.id,
    timeZone,
    shifts: rows.map((r) => presentShift(r.shift, r.officerName)),
    officers: officers.map((o) => ({ id: o.id, name: o.name, role: o.role })),
  };
}

export async function getOnDuty(db: Db, actor: Actor, organizationId: string, at = new Date()): Promise<OnDutyView> {
  const org = await reachableUnit(db, actor, organizationId);
  const [timeZone, officers, handover] = await Promise.all([
    organizationTimeZone(db, org.id),
    findOnDutyNow(db, org.id, at),
    repo.findLatestHandover(db, org.id, at),
  ]);
  return {
    organizationId: org.id,
    timeZone,
    at: at.toISOString(),
    officers: officers.map((o) => ({
      shiftId: o.shiftId,
      userId: o.userId,
      name: o.name,
      phone: o.phone,
      roleNote: o.roleNote,
      startTime: o.startTime,
      endTime: o.endTime,
      startsAt: o.startsAt.toISOString(),
      endsAt: o.endsAt.toISOString(),
    })),
    lastHandover: handover?.shift.handoverNote
      ? { note: handover.shift.handoverNote, at: handover.shift.handoverAt?.toISOString() ?? null, officerName: handover.officerName, shiftId: handover.shift.id }
      : null,
  };
}

export async function createShift(db: Db, actor: Actor, body: CreateShiftBody, ip?: string): Promise<ShiftView> {
  return db.transaction(async (tx) => {
    const org = await reachableUnit(tx, actor, body.organizationId);
    await checkOfficers(tx, org.id, [body.officerUserId], 'officerUserId');
    const timeZone = await organizationTimeZone(tx, org.id);
    const { startsAt, endsAt } = shiftInterval(body, timeZone);
    const [row] = await repo.insertShifts(tx, [
      {
        organizationId: org.id,
        shiftDate: body.shiftDate,
        startTime: body.startTime,
        endTime: body.endTime,
        startsAt,
        endsAt,
        officerUserId: body.officerUserId,
        roleNote: body.roleNote ?? null,
        createdBy: actor.id,
      },
    ]);
    await insertAuditEvent(tx, {
      action: 'roster.shift_created',
      actorUserId: actor.id,
      organizationId: org.id,
      entityType: 'roster_shift',
      entityId: row.id,
      changes: { shiftDate: body.shiftDate, startTime: body.startTime, endTime: body.endTime, officerUserId: body.officerUserId },
      ip,
    });
    const [officer] = await repo.findActiveUsersOfOrganization(tx, org.id, [row.officerUserId]);
    return presentShift(row, officer?.name ?? '');
  });
}

async function loadShift(db: Db, actor: Actor, shiftId: string) {
  const found = await repo.findShiftById(db, shiftId);
  if (!found || !canReachOrganization(actor, found.organizationPath)) throw new AppError(404, 'not_found');
  return found;
}

export async function deleteShift(db: Db, actor: Actor, shiftId: string, ip?: string) {
  await db.transaction(async (tx) => {
    const { shift } = await loadShift(tx, actor, shiftId);
    await repo.deleteShift(tx, shift.id);
    await insertAuditEvent(tx, {
      action: 'roster.shift_deleted',
      actorUserId: actor.id,
      organizationId: shift.organizationId,
      entityType: 'roster_shift',
      entityId: shift.id,
      changes: { shiftDate: shift.shiftDate, startTime: shift.startTime, officerUserId: shift.officerUserId },
      ip,
    });
  });
}

/** Swap: exchange officers with another shift of the same unit, or hand the shift to another officer. */
export async function swapShift(db: Db, actor: Actor, shiftId: string, body: SwapShiftBody, ip?: string): Promise<ShiftView[]> {
  return db.transaction(async (tx) => {
    const { shift } = await loadShift(tx, actor, shiftId);
    const changed: ShiftView[] = [];
    if (body.withShiftId) {
      const other = await loadShift(tx, actor, body.withShiftId);
      if (other.shift.organizationId !== shift.organizationId || other.shift.id === shift.id) throw badRequest('roster.swap_other_unit', 'withShiftId');
      const a = await repo.updateShift(tx, shift.id, { officerUserId: other.shift.officerUserId });
      const b = await repo.updateShift(tx, other.shift.id, { officerUserId: shift.officerUserId });
      changed.push(presentShift(a, other.officerName), presentShift(b, (await repo.findShiftById(tx, b.id))!.officerName));
    } else {
      await checkOfficers(tx, shift.organizationId, [body.toUserId!], 'toUserId');
      const a = await repo.updateShift(tx, shift.id, { officerUserId: body.toUserId! });
      changed.push(presentShift(a, (await repo.findShiftById(tx, a.id))!.officerName));
    }
    await insertAuditEvent(tx, {
      action: 'roster.shift_swapped',
      actorUserId: actor.id,
      organizationId: shift.organizationId,
      entityType: 'roster_shift',
      entityId: shift.id,
      changes: {
        fromUserId: shift.officerUserId,
        toUserId: body.toUserId ?? null,
        withShiftId: body.withShiftId ?? null,
        reason: body.reason,
      },
      ip,
    });
    return changed;
  });
}

/** The handover note an officer leaves at the end of a shift for the next one. */
export async function writeHandover(db: Db, actor: Actor, shiftId: string, note: string, ip?: string): Promise<ShiftView> {
  return db.transaction(async (tx) => {
    const { shift, officerName } = await loadShift(tx, actor, shiftId);
    const row = await repo.updateShift(tx, shift.id, { handoverNote: note, handoverAt: new Date(), handoverBy: actor.id });
    await insertAuditEvent(tx, {
      action: 'roster.handover_written',
      actorUserId: actor.id,
      organizationId: shift.organizationId,
      entityType: 'roster_shift',
      entityId: shift.id,
      changes: { length: note.length },
      ip,
    });
    return presentShift(row, officerName);
  });
}

function presentPattern(p: RosterPatternRow): PatternView {
  return {
    id: p.id,
    organizationId: p.organizationId,
    name: p.name,
    cycleDays: p.cycleDays,
    anchorDate: p.anchorDate,
    slots: p.slots.map((s) => ({ ...s, roleNote: s.roleNote ?? null })),
  };
}

export async function listPatterns(db: Db, actor: Actor, organizationId: string): Promise<PatternView[]> {
  const org = await reachableUnit(db, actor, organizationId);
  return (await repo.findPatterns(db, org.id)).map(presentPattern);
}

export async function createPattern(db: Db, actor: Actor, body: CreatePatternBody, ip?: string): Promise<PatternView> {
  return db.transaction(async (tx) => {
    const org = await reachableUnit(tx, actor, body.organizationId);
    body.slots.forEach((s, i) => {
      if (s.day >= body.cycleDays) throw badRequest('roster.slot_outside_cycle', `slots.${i}.day`);
    });
    await checkOfficers(tx, org.id, body.slots.map((s) => s.officerUserId), 'slots');
    const row = await repo.insertPattern(tx, { ...body, organizationId: org.id, createdBy: actor.id });
    await insertAuditEvent(tx, {
      action: 'roster.pattern_created',
      actorUserId: actor.id,
      organizationId: org.id,
      entityType: 'roster_pattern',
      entityId: row.id,
      changes: { name: body.name, cycleDays: body.cycleDays, slots: body.slots.length },
      ip,
    });
    return presentPattern(row);
  });
}

/** Dates in [from, to] with the slots that fall on them, for a pattern of `cycleDays` from `anchorDate`. Pure. */
export function expandPattern(pattern: { cycleDays: number; anchorDate: string; slots: PatternView['slots'] }, from: string, to: string) {
  const out: { shiftDate: string; slot: PatternView['slots'][number] }[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const day = (((daysBetween(pattern.anchorDate, d) % pattern.cycleDays) + pattern.cycleDays) % pattern.cycleDays) as number;
    for (const slot of pattern.slots) if (slot.day === day) out.push({ shiftDate: d, slot });
  }
  return out;
}

/** Generate the pattern's shifts for a date range; shifts already planned (same date, start, officer) are kept. */
export async function applyPattern(db: Db, actor: Actor, patternId: string, body: ApplyPatternBody, ip?: string) {
  const span = daysBetween(body.from, body.to);
  if (span < 0 || span > 92) throw badRequest('roster.range_too_long', 'to');
  return db.transaction(async (tx) => {
    const found = await repo.findPatternById(tx, patternId);
    if (!found || !canReachOrganization(actor, found.organizationPath)) throw new AppError(404, 'not_found');
    const p = found.pattern;
    const timeZone = await organizationTimeZone(tx, p.organizationId);
    const planned = expandPattern(presentPattern(p), body.from, body.to);
    const existing = await repo.findShiftKeys(tx, p.organizationId, [...new Set(planned.map((x) => x.shiftDate))]);
    const rows = planned
      .filter((x) => !existing.has(`${x.shiftDate}|${x.slot.startTime}|${x.slot.officerUserId}`))
      .map((x) => {
        const { startsAt, endsAt } = shiftInterval({ shiftDate: x.shiftDate, startTime: x.slot.startTime, endTime: x.slot.endTime }, timeZone);
        return {
          organizationId: p.organizationId,
          shiftDate: x.shiftDate,
          startTime: x.slot.startTime,
          endTime: x.slot.endTime,
          startsAt,
          endsAt,
          officerUserId: x.slot.officerUserId,
          roleNote: x.slot.roleNote ?? null,
          patternId: p.id,
          createdBy: actor.id,
        };
      });
    await repo.insertShifts(tx, rows);
    await insertAuditEvent(tx, {
      action: 'roster.pattern_applied',
      actorUserId: actor.id,
      organizationId: p.organizationId,
      entityType: 'roster_pattern',
      entityId: p.id,
      changes: { from: body.from, to: body.to, created: rows.length },
      ip,
    });
    return { created: rows.length, skipped: planned.length - rows.length };
  });
}
