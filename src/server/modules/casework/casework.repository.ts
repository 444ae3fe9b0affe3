import { and, asc, desc, eq, isNull, like, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { cases } from '../cases/cases.table.js';
import { clients } from '../clients/clients.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { organizationSettings } from '../sop/sop.table.js';
import { users } from '../users/users.table.js';
import {
  belongings,
  followUps,
  healthChecks,
  identityDocumentRequests,
  rehabilitationServices,
  reunifications,
  tracingAttempts,
} from './casework.table.js';

export type HealthCheckRow = typeof healthChecks.$inferSelect;
export type IdentityDocumentRow = typeof identityDocumentRequests.$inferSelect;
export type TracingAttemptRow = typeof tracingAttempts.$inferSelect;
export type ServiceRow = typeof rehabilitationServices.$inferSelect;
export type ReunificationRow = typeof reunifications.$inferSelect;
export type FollowUpRow = typeof followUps.$inferSelect;
export type BelongingRow = typeof belongings.$inferSelect;

/** A record with the name of the user who recorded it. */
export type Recorded<T> = { row: T; recordedByName: string | null };

// ---------------------------------------------------------------------------------------------
// Health checks

export async function findHealthChecks(db: Db, caseId: string): Promise<Recorded<HealthCheckRow>[]> {
  return db
    .select({ row: healthChecks, recordedByName: users.name })
    .from(healthChecks)
    .leftJoin(users, eq(users.id, healthChecks.recordedBy))
    .where(eq(healthChecks.caseId, caseId))
    .orderBy(desc(healthChecks.checkedAt), desc(healthChecks.createdAt));
}

export async function insertHealthCheck(tx: Db, values: typeof healthChecks.$inferInsert): Promise<HealthCheckRow> {
  const [row] = await tx.insert(healthChecks).values(values).returning();
  return row;
}

// ---------------------------------------------------------------------------------------------
// Identity documents

export async function findIdentityDocuments(db: Db, caseId: string): Promise<IdentityDocumentRow[]> {
  return db
    .select()
    .from(identityDocumentRequests)
    .where(eq(identityDocumentRequests.caseId, caseId))
    .orderBy(asc(identityDocumentRequests.preparedAt), asc(identityDocumentRequests.createdAt));
}

export async function findIdentityDocument(db: Db, caseId: string, id: string): Promise<IdentityDocumentRow | undefined> {
  const [row] = await db
    .select()
    .from(identityDocumentRequests)
    .where(and(eq(identityDocumentRequests.id, id), eq(identityDocumentRequests.caseId, caseId)));
  return row;
}

export async function insertIdentityDocument(tx: Db, values: typeof identityDocumentRequests.$inferInsert): Promise<IdentityDocumentRow> {
  const [row] = await tx.insert(identityDocumentRequests).values(values).returning();
  return row;
}

/**
 * Move a request on, but only if it is still in `fromStatus`: two people moving the same request at
 * once cannot both succeed. Undefined when the status had already changed.
 */
export async function updateIdentityDocumentFromStatus(
  tx: Db,
  id: string,
  fromStatus: string,
  values: Partial<typeof identityDocumentRequests.$inferInsert>,
): Promise<IdentityDocumentRow | undefined> {
  const [row] = await tx
    .update(identityDocumentRequests)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(identityDocumentRequests.id, id), eq(identityDocumentRequests.status, fromStatus)))
    .returning();
  return row;
}

// ---------------------------------------------------------------------------------------------
// Family tracing

export async function findTracingAttempts(db: Db, caseId: string): Promise<Recorded<TracingAttemptRow>[]> {
  return db
    .select({ row: tracingAttempts, recordedByName: users.name })
    .from(tracingAttempts)
    .leftJoin(users, eq(users.id, tracingAttempts.recordedBy))
    .where(eq(tracingAttempts.caseId, caseId))
    .orderBy(desc(tracingAttempts.attemptedAt), desc(tracingAttempts.createdAt));
}

export async function insertTracingAttempt(tx: Db, values: typeof tracingAttempts.$inferInsert): Promise<TracingAttemptRow> {
  const [row] = await tx.insert(tracingAttempts).values(values).returning();
  return row;
}

/**
 * Set the case's tracing status after an attempt. 'found' always wins; any other result means
 * tracing is in progress, unless the family was already found. Decided in one UPDATE so that two
 * attempts recorded at the same moment cannot overwrite a 'found'.
 */
export async function updateTracingStatusAfterAttempt(tx: Db, caseId: string, isFound: boolean, actorId: string): Promise<string> {
  const status = isFound ? sql`'found'` : sql`case when ${cases.tracingStatus} = 'found' then 'found' else 'in_progress' end`;
  const [row] = await tx
    .update(cases)
    .set({ tracingStatus: status, updatedAt: new Date(), updatedBy: actorId })
    .where(eq(cases.id, caseId))
    .returning({ tracingStatus: cases.tracingStatus });
  return row.tracingStatus;
}

/** Close tracing as not found, unless the family was found meanwhile. Undefined when it was. */
export async function closeTracingNotFound(tx: Db, caseId: string, actorId: string): Promise<string | undefined> {
  const [row] = await tx
    .update(cases)
    .set({ tracingStatus: 'closed_not_found', updatedAt: new Date(), updatedBy: actorId })
    .where(and(eq(cases.id, caseId), sql`${cases.tracingStatus} <> 'found'`))
    .returning({ tracingStatus: cases.tracingStatus });
  return row?.tracingStatus;
}

// ---------------------------------------------------------------------------------------------
// Rehabilitation services (SPM)

export async function findServices(db: Db, caseId: string): Promise<Recorded<ServiceRow>[]> {
  return db
    .select({ row: rehabilitationServices, recordedByName: users.name })
    .from(rehabilitationServices)
    .leftJoin(users, eq(users.id, rehabilitationServices.recordedBy))
    .where(eq(rehabilitationServices.caseId, caseId))
    .orderBy(desc(rehabilitationServices.serviceDate), desc(rehabilitationServices.createdAt));
}

/** Per service: total quantity, distinct days, first and last day. */
export async function sumServices(db: Db, caseId: string) {
  return db
    .select({
      service: rehabilitationServices.service,
      quantity: sql<number>`sum(${rehabilitationServices.quantity})::int`,
      days: sql<number>`count(distinct ${rehabilitationServices.serviceDate})::int`,
      firstDate: sql<string>`min(${rehabilitationServices.serviceDate})::text`,
      lastDate: sql<string>`max(${rehabilitationServices.serviceDate})::text`,
    })
    .from(rehabilitationServices)
    .where(eq(rehabilitationServices.caseId, caseId))
    .groupBy(rehabilitationServices.service);
}

export async function insertService(tx: Db, values: typeof rehabilitationServices.$inferInsert): Promise<ServiceRow> {
  const [row] = await tx.insert(rehabilitationServices).values(values).returning();
  return row;
}

// ---------------------------------------------------------------------------------------------
// Reunification

export async function findReunification(db: Db, caseId: string): Promise<Recorded<ReunificationRow> | undefined> {
  const [row] = await db
    .select({ row: reunifications, recordedByName: users.name })
    .from(reunifications)
    .leftJoin(users, eq(users.id, reunifications.recordedBy))
    .where(eq(reunifications.caseId, caseId))
    .orderBy(desc(reunifications.createdAt))
    .limit(1);
  return row;
}

export async function insertReunification(tx: Db, values: typeof reunifications.$inferInsert): Promise<ReunificationRow> {
  const [row] = await tx.insert(reunifications).values(values).returning();
  return row;
}

export async function updateReunification(tx: Db, id: string, values: Partial<typeof reunifications.$inferInsert>): Promise<ReunificationRow> {
  const [row] = await tx.update(reunifications).set(values).where(eq(reunifications.id, id)).returning();
  return row;
}

/** Hold the case row until the transaction ends, so one-per-case records are not created twice. */
export async function lockCaseRow(tx: Db, caseId: string): Promise<void> {
  await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for('update');
}

// ---------------------------------------------------------------------------------------------
// Follow-ups

export async function findFollowUps(db: Db, caseId: string): Promise<Recorded<FollowUpRow>[]> {
  return db
    .select({ row: followUps, recordedByName: users.name })
    .from(followUps)
    .leftJoin(users, eq(users.id, followUps.recordedBy))
    .where(eq(followUps.caseId, caseId))
    .orderBy(asc(followUps.dueDate), asc(followUps.createdAt));
}

export async function findFollowUp(db: Db, caseId: string, id: string): Promise<FollowUpRow | undefined> {
  const [row] = await db
    .select()
    .from(followUps)
    .where(and(eq(followUps.id, id), eq(followUps.caseId, caseId)));
  return row;
}

export async function insertFollowUp(tx: Db, values: typeof followUps.$inferInsert): Promise<FollowUpRow> {
  const [row] = await tx.insert(followUps).values(values).returning();
  return row;
}

/** Record a follow-up as done, unless it already was (then undefined). */
export async function markFollowUpDone(tx: Db, id: string, values: Partial<typeof followUps.$inferInsert>): Promise<FollowUpRow | undefined> {
  const [row] = await tx
    .update(followUps)
    .set(values)
    .where(and(eq(followUps.id, id), isNull(followUps.doneAt)))
    .returning();
  return row;
}

export interface DueFollowUpFilter {
  scopePath: string;
  includeChildren: boolean;
  days: number;
  limit: number;
  offset: number;
}

/**
 * Follow-ups not yet done whose due date is at most `days` days after today, on open cases in the
 * scope, oldest due first. "Today" is the date in each organization's own time zone (Indonesia has
 * three), Jakarta when the organization has no settings yet.
 */
export async function findDueFollowUps(db: Db, f: DueFollowUpFilter) {
  const today = sql`(now() at time zone coalesce(${organizationSettings.timeZone}, 'Asia/Jakarta'))::date`;
  const conds: SQL[] = [
    f.includeChildren
      ? (or(eq(organizations.path, f.scopePath), like(organizations.path, `${f.scopePath}/%`)) as SQL)
      : eq(organizations.path, f.scopePath),
    isNull(followUps.doneAt),
    isNull(cases.deletedAt),
    eq(cases.status, 'open'),
    lte(followUps.dueDate, sql`${today} + ${f.days}::int`),
  ];
  const where = and(...conds);
  const base = () =>
    db
      .select({
        followUp: followUps,
        caseNumber: cases.caseNumber,
        clientName: clients.name,
        organizationId: organizations.id,
        organizationName: organizations.name,
        isOverdue: sql<boolean>`${followUps.dueDate} < ${today}`,
      })
      .from(followUps)
      .innerJoin(cases, eq(cases.id, followUps.caseId))
      .innerJoin(clients, eq(clients.id, cases.clientId))
      .innerJoin(organizations, eq(organizations.id, cases.organizationId))
      .leftJoin(organizationSettings, eq(organizationSettings.organizationId, organizations.id));
  const rows = await base().where(where).orderBy(asc(followUps.dueDate), asc(cases.caseNumber)).limit(f.limit).offset(f.offset);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(followUps)
    .innerJoin(cases, eq(cases.id, followUps.caseId))
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .leftJoin(organizationSettings, eq(organizationSettings.organizationId, organizations.id))
    .where(where);
  return { rows, total };
}

// ---------------------------------------------------------------------------------------------
// Belongings

export async function findBelongings(db: Db, caseId: string): Promise<Recorded<BelongingRow>[]> {
  return db
    .select({ row: belongings, recordedByName: users.name })
    .from(belongings)
    .leftJoin(users, eq(users.id, belongings.recordedBy))
    .where(eq(belongings.caseId, caseId))
    .orderBy(asc(belongings.depositedAt), asc(belongings.description));
}

export async function findBelonging(db: Db, caseId: string, id: string): Promise<BelongingRow | undefined> {
  const [row] = await db
    .select()
    .from(belongings)
    .where(and(eq(belongings.id, id), eq(belongings.caseId, caseId)));
  return row;
}

export async function insertBelonging(tx: Db, values: typeof belongings.$inferInsert): Promise<BelongingRow> {
  const [row] = await tx.insert(belongings).values(values).returning();
  return row;
}

/** Record a deposited item as returned, unless it already was (then undefined). */
export async function markBelongingReturned(
  tx: Db,
  id: string,
  values: { returnedAt: Date; returnedTo: string },
): Promise<BelongingRow | undefined> {
  const [row] = await tx
    .update(belongings)
    .set(values)
    .where(and(eq(belongings.id, id), isNull(belongings.returnedAt)))
    .returning();
  return row;
}

// ---------------------------------------------------------------------------------------------
// What the handover record (berita acara serah terima) prints

/** The client, the unit and its parent office, and the time zone, for a case's documents. */
export async function findCaseDocumentFacts(db: Db, caseId: string) {
  const [row] = await db
    .select({ client: clients, unit: organizations, timeZone: organizationSettings.timeZone })
    .from(cases)
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .leftJoin(organizationSettings, eq(organizationSettings.organizationId, organizations.id))
    .where(eq(cases.id, caseId));
  if (!row) return undefined;
  const parent = row.unit.parentId
    ? (await db.select().from(organizations).where(eq(organizations.id, row.unit.parentId)))[0]
    : undefined;
  return { ...row, parent };
}

/** A user's name, NIP and position, for a signature block. */
export async function findSignatory(db: Db, userId: string) {
  const [row] = await db
    .select({ name: users.name, nip: users.nip, position: users.position })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

/** The active head of an organization (the first by name when there are several), for "Mengetahui". */
export async function findHeadOfOrganization(db: Db, organizationId: string) {
  const [row] = await db
    .select({ name: users.name, nip: users.nip, position: users.position })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.role, 'head'), eq(users.isActive, true)))
    .orderBy(asc(users.name))
    .limit(1);
  return row;
}
