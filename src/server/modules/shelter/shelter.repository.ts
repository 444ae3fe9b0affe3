import { and, asc, desc, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { cases } from '../cases/cases.table.js';
import { clients } from '../clients/clients.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { organizationSettings } from '../sop/sop.table.js';
import { users } from '../users/users.table.js';
import { beds, rooms, stays } from './shelter.table.js';

export type RoomRow = typeof rooms.$inferSelect;
export type BedRow = typeof beds.$inferSelect;
export type StayRow = typeof stays.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Rooms and beds

/** A room with its organization's tree path (for the scope check). */
export async function findRoomById(db: Db, roomId: string) {
  const [row] = await db
    .select({ room: rooms, organizationPath: organizations.path })
    .from(rooms)
    .innerJoin(organizations, eq(organizations.id, rooms.organizationId))
    .where(eq(rooms.id, roomId));
  return row;
}

/** A bed with its room and the room's organization path. */
export async function findBedById(db: Db, bedId: string) {
  const [row] = await db
    .select({ bed: beds, room: rooms, organizationPath: organizations.path })
    .from(beds)
    .innerJoin(rooms, eq(rooms.id, beds.roomId))
    .innerJoin(organizations, eq(organizations.id, rooms.organizationId))
    .where(eq(beds.id, bedId));
  return row;
}

/**
 * Rooms of an organization (or one room) with their beds and whether each bed has an open stay,
 * by name and label. Rooms and beds out of service only with `includeInactive`.
 */
export async function findRoomsWithBeds(db: Db, f: { organizationId: string; includeInactive: boolean; roomId?: string }) {
  const roomConds: SQL[] = [eq(rooms.organizationId, f.organizationId)];
  if (!f.includeInactive) roomConds.push(eq(rooms.isActive, true));
  if (f.roomId) roomConds.push(eq(rooms.id, f.roomId));
  const roomRows = await db
    .select()
    .from(rooms)
    .where(and(...roomConds))
    .orderBy(asc(rooms.name));
  if (roomRows.length === 0) return [];
  const bedConds: SQL[] = [
    inArray(
      beds.roomId,
      roomRows.map((r) => r.id),
    ),
  ];
  if (!f.includeInactive) bedConds.push(eq(beds.isActive, true));
  const bedRows = await db
    .select({ bed: beds, openStayId: stays.id })
    .from(beds)
    .leftJoin(stays, and(eq(stays.bedId, beds.id), isNull(stays.dischargedAt)))
    .where(and(...bedConds))
    .orderBy(asc(beds.label));
  return roomRows.map((room) => ({
    room,
    beds: bedRows.filter((b) => b.bed.roomId === room.id).map((b) => ({ bed: b.bed, isOccupied: b.openStayId !== null })),
  }));
}

/** Another room of the organization with this name (case-insensitive), if any. */
export async function findRoomByName(db: Db, organizationId: string, name: string, exceptRoomId?: string) {
  const conds = [eq(rooms.organizationId, organizationId), sql`lower(${rooms.name}) = lower(${name})`];
  if (exceptRoomId) conds.push(ne(rooms.id, exceptRoomId));
  const [row] = await db
    .select()
    .from(rooms)
    .where(and(...conds));
  return row;
}

/** Another bed of the room with this label (case-insensitive), if any. */
export async function findBedByLabel(db: Db, roomId: string, label: string, exceptBedId?: string) {
  const conds = [eq(beds.roomId, roomId), sql`lower(${beds.label}) = lower(${label})`];
  if (exceptBedId) conds.push(ne(beds.id, exceptBedId));
  const [row] = await db
    .select()
    .from(beds)
    .where(and(...conds));
  return row;
}

export async function insertRoom(tx: Db, values: typeof rooms.$inferInsert): Promise<RoomRow> {
  const [row] = await tx.insert(rooms).values(values).returning();
  return row;
}

export async function updateRoom(tx: Db, roomId: string, values: Partial<typeof rooms.$inferInsert>): Promise<RoomRow> {
  const [row] = await tx.update(rooms).set(values).where(eq(rooms.id, roomId)).returning();
  return row;
}

export async function insertBeds(tx: Db, values: (typeof beds.$inferInsert)[]): Promise<BedRow[]> {
  if (values.length === 0) return [];
  return tx.insert(beds).values(values).returning();
}

export async function updateBed(tx: Db, bedId: string, values: Partial<typeof beds.$inferInsert>): Promise<BedRow> {
  const [row] = await tx.update(beds).set(values).where(eq(beds.id, bedId)).returning();
  return row;
}

/** How many open stays are on the beds of a room. */
export async function countOpenStaysInRoom(db: Db, roomId: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(stays)
    .innerJoin(beds, eq(beds.id, stays.bedId))
    .where(and(eq(beds.roomId, roomId), isNull(stays.dischargedAt)));
  return n;
}

// ---------------------------------------------------------------------------------------------
// Stays

export async function findOpenStayOfBed(db: Db, bedId: string): Promise<StayRow | undefined> {
  const [row] = await db
    .select()
    .from(stays)
    .where(and(eq(stays.bedId, bedId), isNull(stays.dischargedAt)));
  return row;
}

export async function findOpenStayOfCase(db: Db, caseId: string): Promise<StayRow | undefined> {
  const [row] = await db
    .select()
    .from(stays)
    .where(and(eq(stays.caseId, caseId), isNull(stays.dischargedAt)));
  return row;
}

/** A stay with its organization's tree path (for the scope check). */
export async function findStayById(db: Db, stayId: string) {
  const [row] = await db
    .select({ stay: stays, organizationPath: organizations.path })
    .from(stays)
    .innerJoin(organizations, eq(organizations.id, stays.organizationId))
    .where(eq(stays.id, stayId));
  return row;
}

/** The client a case is about (name and sex, for the room check and the audit). */
export async function findClientOfCase(db: Db, caseId: string) {
  const [row] = await db
    .select({ id: clients.id, name: clients.name, sex: clients.sex })
    .from(cases)
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .where(eq(cases.id, caseId));
  return row;
}

export async function insertStay(tx: Db, values: typeof stays.$inferInsert): Promise<StayRow> {
  const [row] = await tx.insert(stays).values(values).returning();
  return row;
}

/** Close an open stay; returns undefined when it was already closed (so two discharges cannot both win). */
export async function closeStay(tx: Db, stayId: string, at: Date, byUserId: string | null): Promise<StayRow | undefined> {
  const [row] = await tx
    .update(stays)
    .set({ dischargedAt: at, dischargedBy: byUserId })
    .where(and(eq(stays.id, stayId), isNull(stays.dischargedAt)))
    .returning();
  return row;
}

const admitter = alias(users, 'admitter');
const discharger = alias(users, 'discharger');

/** Every stay of a case with its bed, room and the names of who admitted and discharged, newest first. */
export async function findStaysOfCase(db: Db, caseId: string) {
  return db
    .select({
      stay: stays,
      bedLabel: beds.label,
      roomId: rooms.id,
      roomName: rooms.name,
      admittedByName: admitter.name,
      dischargedByName: discharger.name,
    })
    .from(stays)
    .innerJoin(beds, eq(beds.id, stays.bedId))
    .innerJoin(rooms, eq(rooms.id, beds.roomId))
    .leftJoin(admitter, eq(admitter.id, stays.admittedBy))
    .leftJoin(discharger, eq(discharger.id, stays.dischargedBy))
    .where(eq(stays.caseId, caseId))
    .orderBy(desc(stays.admittedAt), desc(stays.dischargedAt));
}

/** The admission and discharge times of all stays of these cases (to count the nights stayed). */
export async function findStayPeriodsOfCases(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({ caseId: stays.caseId, admittedAt: stays.admittedAt, dischargedAt: stays.dischargedAt })
    .from(stays)
    .where(inArray(stays.caseId, caseIds));
}

/**
 * The occupancy of an organization's active rooms: every active bed, with the open stay on it and
 * that stay's case and client, if any. A room without active beds comes once, with `bed` null.
 */
export async function findOccupancy(db: Db, organizationId: string) {
  return db
    .select({
      room: rooms,
      bed: beds,
      stay: stays,
      caseNumber: cases.caseNumber,
      clientId: clients.id,
      clientName: clients.name,
      clientSex: clients.sex,
    })
    .from(rooms)
    .leftJoin(beds, and(eq(beds.roomId, rooms.id), eq(beds.isActive, true)))
    .leftJoin(stays, and(eq(stays.bedId, beds.id), isNull(stays.dischargedAt)))
    .leftJoin(cases, eq(cases.id, stays.caseId))
    .leftJoin(clients, eq(clients.id, cases.clientId))
    .where(and(eq(rooms.organizationId, organizationId), eq(rooms.isActive, true)))
    .orderBy(asc(rooms.name), asc(beds.label));
}

// ---------------------------------------------------------------------------------------------
// The organization's stay limit

export interface StaySettings {
  maxStayDays: number;
  stayWarningDays: number;
  timeZone: string;
}

/** The stay limit of an organization; the product defaults (7 days, warn 1 day before) without a settings row. */
export async function findStaySettings(db: Db, organizationId: string): Promise<StaySettings> {
  // Read here rather than through the SOP module: the shelter only needs these three columns.
  const [row] = await db
    .select({
      maxStayDays: organizationSettings.maxStayDays,
      stayWarningDays: organizationSettings.stayWarningDays,
      timeZone: organizationSettings.timeZone,
    })
    .from(organizationSettings)
    .where(eq(organizationSettings.organizationId, organizationId));
  return row ?? { maxStayDays: 7, stayWarningDays: 1, timeZone: 'Asia/Jakarta' };
}
