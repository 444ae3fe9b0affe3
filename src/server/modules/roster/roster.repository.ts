import { and, asc, eq, gt, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organizations } from '../organizations/organizations.table.js';
import { users } from '../users/users.table.js';
import { rosterPatterns, rosterShifts } from './roster.table.js';

export type NewShift = typeof rosterShifts.$inferInsert;
export type NewPattern = typeof rosterPatterns.$inferInsert;

const shiftWithOfficer = {
  shift: rosterShifts,
  officerName: users.name,
  officerPhone: users.phone,
};

/** Shifts covering the instant `at` (start inclusive, end exclusive), with the officer's name and phone. */
export async function findShiftsCovering(db: Db, organizationId: string, at: Date) {
  return db
    .select(shiftWithOfficer)
    .from(rosterShifts)
    .innerJoin(users, eq(users.id, rosterShifts.officerUserId))
    .where(and(eq(rosterShifts.organizationId, organizationId), lte(rosterShifts.startsAt, at), gt(rosterShifts.endsAt, at), eq(users.isActive, true)))
    .orderBy(asc(rosterShifts.startsAt));
}

/** Shifts overlapping [from, to), in start order. */
export async function findShiftsBetween(db: Db, organizationId: string, from: Date, to: Date) {
  return db
    .select(shiftWithOfficer)
    .from(rosterShifts)
    .innerJoin(users, eq(users.id, rosterShifts.officerUserId))
    .where(and(eq(rosterShifts.organizationId, organizationId), lt(rosterShifts.startsAt, to), gt(rosterShifts.endsAt, from)))
    .orderBy(asc(rosterShifts.startsAt), asc(users.name));
}

/** The last shift of the organization that ended at or before `at` and carries a handover note. */
export async function findLatestHandover(db: Db, organizationId: string, at: Date) {
  const [row] = await db
    .select(shiftWithOfficer)
    .from(rosterShifts)
    .innerJoin(users, eq(users.id, rosterShifts.officerUserId))
    .where(and(eq(rosterShifts.organizationId, organizationId), lte(rosterShifts.startsAt, at), sql`${rosterShifts.handoverNote} is not null`))
    .orderBy(sql`${rosterShifts.handoverAt} desc`)
    .limit(1);
  return row;
}

/** A shift with its organization's tree path (for the scope check). */
export async function findShiftById(db: Db, shiftId: string) {
  const [row] = await db
    .select({ shift: rosterShifts, organizationPath: organizations.path, officerName: users.name })
    .from(rosterShifts)
    .innerJoin(organizations, eq(organizations.id, rosterShifts.organizationId))
    .innerJoin(users, eq(users.id, rosterShifts.officerUserId))
    .where(eq(rosterShifts.id, shiftId));
  return row;
}

export async function insertShifts(db: Db, rows: NewShift[]) {
  if (rows.length === 0) return [];
  return db.insert(rosterShifts).values(rows).returning();
}

export async function updateShift(db: Db, shiftId: string, values: Partial<NewShift>) {
  const [row] = await db
    .update(rosterShifts)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(rosterShifts.id, shiftId))
    .returning();
  return row;
}

export async function deleteShift(db: Db, shiftId: string) {
  await db.delete(rosterShifts).where(eq(rosterShifts.id, shiftId));
}

/** Keys (`date|start|officer`) of shifts already planned on the given dates, to keep pattern runs idempotent. */
export async function findShiftKeys(db: Db, organizationId: string, dates: string[]) {
  if (dates.length === 0) return new Set<string>();
  const rows = await db
    .select({ d: rosterShifts.shiftDate, s: rosterShifts.startTime, o: rosterShifts.officerUserId })
    .from(rosterShifts)
    .where(and(eq(rosterShifts.organizationId, organizationId), inArray(rosterShifts.shiftDate, dates)));
  return new Set(rows.map((r) => `${r.d}|${r.s}|${r.o}`));
}

export async function insertPattern(db: Db, row: NewPattern) {
  const [created] = await db.insert(rosterPatterns).values(row).returning();
  return created;
}

export async function findPatterns(db: Db, organizationId: string) {
  return db.select().from(rosterPatterns).where(eq(rosterPatterns.organizationId, organizationId)).orderBy(asc(rosterPatterns.name));
}

export async function findPatternById(db: Db, patternId: string) {
  const [row] = await db
    .select({ pattern: rosterPatterns, organizationPath: organizations.path })
    .from(rosterPatterns)
    .innerJoin(organizations, eq(organizations.id, rosterPatterns.organizationId))
    .where(eq(rosterPatterns.id, patternId));
  return row;
}

/** Active users of an organization, by id (to check officers belong to it). */
export async function findActiveUsersOfOrganization(db: Db, organizationId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), inArray(users.id, userIds), eq(users.isActive, true)));
}

/** Active users of an organization who can be put on the roster. */
export async function findRosterableUsers(db: Db, organizationId: string, roles: readonly string[]) {
  return db
    .select({ id: users.id, name: users.name, role: users.role, phone: users.phone })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.isActive, true), inArray(users.role, [...roles])))
    .orderBy(asc(users.name));
}

/** The first shelter unit in a subtree (by name), for users who sit above the units (a Dinas Sosial). */
export async function findFirstUnitUnder(db: Db, path: string) {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.kind, 'unit'), sql`(${organizations.path} = ${path} or ${organizations.path} like ${`${path}/%`})`))
    .orderBy(asc(organizations.name))
    .limit(1);
  return row?.id;
}
