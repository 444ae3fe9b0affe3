import { and, asc, count, desc, eq, gte, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { cases } from '../cases/cases.table.js';
import { clients } from '../clients/clients.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { organizationSettings } from '../sop/sop.table.js';
import { users } from '../users/users.table.js';
import {
  caseConferenceCases,
  caseConferenceParticipants,
  type CaseConferenceRow,
  caseConferences,
  type InterventionPlanItemRow,
  interventionPlanItems,
} from './case-conferences.table.js';

export async function insertConference(tx: Db, values: typeof caseConferences.$inferInsert): Promise<CaseConferenceRow> {
  const [row] = await tx.insert(caseConferences).values(values).returning();
  return row;
}

export async function updateConference(tx: Db, id: string, values: Partial<typeof caseConferences.$inferInsert>): Promise<CaseConferenceRow> {
  const [row] = await tx
    .update(caseConferences)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(caseConferences.id, id))
    .returning();
  return row;
}

/** Mark held, unless it already was (then undefined). */
export async function markConferenceHeld(tx: Db, id: string, actorId: string): Promise<CaseConferenceRow | undefined> {
  const [row] = await tx
    .update(caseConferences)
    .set({ status: 'held', recordedHeldAt: sql`now()`, recordedHeldBy: actorId, updatedBy: actorId, updatedAt: sql`now()` })
    .where(and(eq(caseConferences.id, id), eq(caseConferences.status, 'planned')))
    .returning();
  return row;
}

export async function replaceParticipants(
  tx: Db,
  conferenceId: string,
  list: { userId: string | null; name: string; institution: string | null; role: string | null }[],
) {
  await tx.delete(caseConferenceParticipants).where(eq(caseConferenceParticipants.conferenceId, conferenceId));
  if (list.length) await tx.insert(caseConferenceParticipants).values(list.map((p, position) => ({ ...p, conferenceId, position })));
}

export async function replaceConferenceCases(tx: Db, conferenceId: string, list: { caseId: string; decision: string | null }[]) {
  await tx.delete(caseConferenceCases).where(eq(caseConferenceCases.conferenceId, conferenceId));
  if (list.length) await tx.insert(caseConferenceCases).values(list.map((c, position) => ({ ...c, conferenceId, position })));
}

export async function insertPlanItems(tx: Db, values: (typeof interventionPlanItems.$inferInsert)[]): Promise<InterventionPlanItemRow[]> {
  if (!values.length) return [];
  return tx.insert(interventionPlanItems).values(values).returning();
}

export async function updatePlanItem(tx: Db, id: string, values: Partial<typeof interventionPlanItems.$inferInsert>) {
  const [row] = await tx
    .update(interventionPlanItems)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(interventionPlanItems.id, id))
    .returning();
  return row;
}

/** A conference with its organization's path (for the scope check), name and time zone. */
export async function findConference(db: Db, id: string) {
  const [row] = await db
    .select({
      conference: caseConferences,
      organizationPath: organizations.path,
      organizationName: organizations.name,
      timeZone: organizationSettings.timeZone,
      createdByName: users.name,
    })
    .from(caseConferences)
    .innerJoin(organizations, eq(organizations.id, caseConferences.organizationId))
    .leftJoin(organizationSettings, eq(organizationSettings.organizationId, caseConferences.organizationId))
    .leftJoin(users, eq(users.id, caseConferences.createdBy))
    .where(eq(caseConferences.id, id));
  return row;
}

export async function findParticipants(db: Db, conferenceId: string) {
  return db
    .select({ row: caseConferenceParticipants, nip: users.nip, position: users.position })
    .from(caseConferenceParticipants)
    .leftJoin(users, eq(users.id, caseConferenceParticipants.userId))
    .where(eq(caseConferenceParticipants.conferenceId, conferenceId))
    .orderBy(asc(caseConferenceParticipants.position));
}

export async function findConferenceCases(db: Db, conferenceIds: string[]) {
  if (!conferenceIds.length) return [];
  return db
    .select({
      conferenceId: caseConferenceCases.conferenceId,
      caseId: caseConferenceCases.caseId,
      decision: caseConferenceCases.decision,
      caseNumber: cases.caseNumber,
      clientName: clients.name,
      currentStageKey: cases.currentStageKey,
      caseStatus: cases.status,
    })
    .from(caseConferenceCases)
    .innerJoin(cases, eq(cases.id, caseConferenceCases.caseId))
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .where(inArray(caseConferenceCases.conferenceId, conferenceIds))
    .orderBy(asc(caseConferenceCases.position));
}

function planItemSelect(db: Db) {
  return db
    .select({
      row: interventionPlanItems,
      conferenceHeldAt: caseConferences.heldAt,
      organizationPath: organizations.path,
      organizationId: caseConferences.organizationId,
      timeZone: organizationSettings.timeZone,
      caseNumber: cases.caseNumber,
      clientName: clients.name,
      responsibleName: users.name,
    })
    .from(interventionPlanItems)
    .innerJoin(caseConferences, eq(caseConferences.id, interventionPlanItems.conferenceId))
    .innerJoin(organizations, eq(organizations.id, caseConferences.organizationId))
    .leftJoin(organizationSettings, eq(organizationSettings.organizationId, caseConferences.organizationId))
    .innerJoin(cases, eq(cases.id, interventionPlanItems.caseId))
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .innerJoin(users, eq(users.id, interventionPlanItems.responsibleUserId));
}
export type PlanItemRow = Awaited<ReturnType<typeof findPlanItemsOfConference>>[number];

export async function findPlanItemsOfConference(db: Db, conferenceId: string) {
  return planItemSelect(db)
    .where(eq(interventionPlanItems.conferenceId, conferenceId))
    .orderBy(asc(interventionPlanItems.dueDate), asc(interventionPlanItems.createdAt));
}

export async function findPlanItem(db: Db, id: string): Promise<PlanItemRow | undefined> {
  const [row] = await planItemSelect(db).where(eq(interventionPlanItems.id, id));
  return row;
}

/** A person's plan items: open ones, and with `includeDoneSince` also those done since then. */
export async function findPlanItemsOfUser(db: Db, userId: string, includeDoneSince?: Date) {
  const status: SQL = includeDoneSince
    ? (or(eq(interventionPlanItems.status, 'open'), gte(interventionPlanItems.doneAt, includeDoneSince)) as SQL)
    : eq(interventionPlanItems.status, 'open');
  return planItemSelect(db)
    .where(and(eq(interventionPlanItems.responsibleUserId, userId), status))
    .orderBy(asc(interventionPlanItems.dueDate), asc(interventionPlanItems.createdAt))
    .limit(200);
}

/** Conferences in an organization subtree (or one organization), optionally those that discussed a case. */
export async function findConferenceList(
  db: Db,
  scope: { path: string; includeChildren: boolean },
  q: { caseId?: string; limit: number; offset: number },
) {
  const inScope = scope.includeChildren
    ? (or(eq(organizations.path, scope.path), like(organizations.path, `${scope.path}/%`)) as SQL)
    : eq(organizations.path, scope.path);
  const where = and(
    inScope,
    q.caseId
      ? inArray(
          caseConferences.id,
          db.select({ id: caseConferenceCases.conferenceId }).from(caseConferenceCases).where(eq(caseConferenceCases.caseId, q.caseId)),
        )
      : undefined,
  );
  const rows = await db
    .select({ conference: caseConferences, organizationName: organizations.name })
    .from(caseConferences)
    .innerJoin(organizations, eq(organizations.id, caseConferences.organizationId))
    .where(where)
    .orderBy(desc(caseConferences.heldAt))
    .limit(q.limit)
    .offset(q.offset);
  const [{ total }] = await db
    .select({ total: count() })
    .from(caseConferences)
    .innerJoin(organizations, eq(organizations.id, caseConferences.organizationId))
    .where(where);
  return { rows, total };
}

/** Counts per conference: participants, open plan items, open items due before `today` (YYYY-MM-DD). */
export async function countConferenceParts(db: Db, conferenceIds: string[], today: string) {
  if (!conferenceIds.length) return new Map<string, { participants: number; open: number; late: number }>();
  const participants = await db
    .select({ id: caseConferenceParticipants.conferenceId, n: count() })
    .from(caseConferenceParticipants)
    .where(inArray(caseConferenceParticipants.conferenceId, conferenceIds))
    .groupBy(caseConferenceParticipants.conferenceId);
  const items = await db
    .select({
      id: interventionPlanItems.conferenceId,
      open: sql<number>`count(*) filter (where ${interventionPlanItems.status} = 'open')`.mapWith(Number),
      late: sql<number>`count(*) filter (where ${interventionPlanItems.status} = 'open' and ${interventionPlanItems.dueDate} < ${today})`.mapWith(Number),
    })
    .from(interventionPlanItems)
    .where(inArray(interventionPlanItems.conferenceId, conferenceIds))
    .groupBy(interventionPlanItems.conferenceId);
  const out = new Map<string, { participants: number; open: number; late: number }>();
  for (const id of conferenceIds) out.set(id, { participants: 0, open: 0, late: 0 });
  for (const p of participants) out.get(p.id)!.participants = Number(p.n);
  for (const i of items) Object.assign(out.get(i.id)!, { open: i.open, late: i.late });
  return out;
}

/** Cases by id with what a conference needs to check and show. */
export async function findCasesByIds(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: cases.id, organizationId: cases.organizationId, status: cases.status, deletedAt: cases.deletedAt, organizationPath: organizations.path })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(inArray(cases.id, ids));
}

/** Users by id with their organization path (for scope checks) and what a participant list prints. */
export async function findUsersByIds(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: users.id, name: users.name, role: users.role, isActive: users.isActive, organizationPath: organizations.path })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(inArray(users.id, ids));
}

/** Active casework users of these organizations, for choosing participants and responsible people. */
export async function findActiveUsersOf(db: Db, organizationIds: string[]) {
  if (!organizationIds.length) return [];
  return db
    .select({ id: users.id, name: users.name, role: users.role, position: users.position })
    .from(users)
    .where(and(inArray(users.organizationId, organizationIds), eq(users.isActive, true), inArray(users.role, ['head', 'social_worker', 'shelter_officer'])))
    .orderBy(asc(users.name));
}

export async function findHeadOfOrganization(db: Db, organizationId: string) {
  const [row] = await db
    .select({ name: users.name, nip: users.nip, position: users.position })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.role, 'head'), eq(users.isActive, true)))
    .orderBy(asc(users.name))
    .limit(1);
  return row;
}
