import { and, asc, count, desc, eq, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { attachments } from '../attachments/attachments.table.js';
import { cases } from '../cases/cases.table.js';
import { clients } from '../clients/clients.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { users } from '../users/users.table.js';
import { type ReferralRow, referralEvents, referralFiles, referrals } from './referrals.table.js';

const fromOrg = alias(organizations, 'from_org');
const toOrg = alias(organizations, 'to_org');

const listFields = {
  referral: referrals,
  fromName: fromOrg.name,
  fromPath: fromOrg.path,
  toName: toOrg.name,
  toPath: toOrg.path,
  toKind: toOrg.kind,
  toPartnerType: toOrg.partnerType,
  clientName: clients.name,
  caseNumber: cases.caseNumber,
};
export type ReferralListRow = NonNullable<Awaited<ReturnType<typeof findReferralById>>>;

function listQuery(db: Db) {
  return db
    .select(listFields)
    .from(referrals)
    .innerJoin(fromOrg, eq(fromOrg.id, referrals.fromOrganizationId))
    .innerJoin(toOrg, eq(toOrg.id, referrals.toOrganizationId))
    .innerJoin(clients, eq(clients.id, referrals.clientId))
    .innerJoin(cases, eq(cases.id, referrals.caseId));
}

export async function findReferralById(db: Db, id: string) {
  const [row] = await listQuery(db).where(eq(referrals.id, id));
  return row;
}

/** Lock a referral row for a state change (concurrent answers queue instead of racing). */
export async function lockReferral(tx: Db, id: string): Promise<ReferralRow | undefined> {
  const [row] = await tx.select().from(referrals).where(eq(referrals.id, id)).for('update');
  return row;
}

const underPath = (column: typeof fromOrg.path | typeof toOrg.path, path: string, includeChildren: boolean) =>
  includeChildren ? or(eq(column, path), like(column, `${path}/%`)) : eq(column, path);

/**
 * Referrals the actor's scope reaches, on the sending side (the case's organization) or the
 * receiving side (the institution). A referral never sent is never shown to the receiving side.
 */
export async function findReferrals(
  db: Db,
  scope: { path: string; includeChildren: boolean },
  q: { box: 'all' | 'sent' | 'received'; status?: string; institutionId?: string; caseId?: string; limit: number; offset: number },
) {
  const sent = underPath(fromOrg.path, scope.path, scope.includeChildren);
  // Only referrals that were sent: not drafts, nor drafts cancelled before sending (no `sent_at`).
  const received = and(
    underPath(toOrg.path, scope.path, scope.includeChildren),
    sql`${referrals.status} <> 'draft'`,
    sql`(${referrals.status} <> 'cancelled' or ${referrals.sentAt} is not null)`,
  );
  const side = q.box === 'sent' ? sent : q.box === 'received' ? received : or(sent, received);
  const conditions: (SQL | undefined)[] = [side];
  if (q.status) conditions.push(eq(referrals.status, q.status));
  if (q.institutionId) conditions.push(eq(referrals.toOrganizationId, q.institutionId));
  if (q.caseId) conditions.push(eq(referrals.caseId, q.caseId));
  const where = and(...conditions);
  const [rows, [{ n }]] = await Promise.all([
    listQuery(db).where(where).orderBy(desc(referrals.updatedAt)).limit(q.limit).offset(q.offset),
    db
      .select({ n: count() })
      .from(referrals)
      .innerJoin(fromOrg, eq(fromOrg.id, referrals.fromOrganizationId))
      .innerJoin(toOrg, eq(toOrg.id, referrals.toOrganizationId))
      .where(where),
  ]);
  return { rows, total: Number(n) };
}

/** Counts by institution and state of the referrals sent from the scope. */
export async function countReferralsByInstitution(db: Db, scope: { path: string; includeChildren: boolean }) {
  return db
    .select({ institutionId: referrals.toOrganizationId, institutionName: toOrg.name, status: referrals.status, count: count() })
    .from(referrals)
    .innerJoin(fromOrg, eq(fromOrg.id, referrals.fromOrganizationId))
    .innerJoin(toOrg, eq(toOrg.id, referrals.toOrganizationId))
    .where(underPath(fromOrg.path, scope.path, scope.includeChildren))
    .groupBy(referrals.toOrganizationId, toOrg.name, referrals.status)
    .orderBy(asc(toOrg.name), asc(referrals.status));
}

export async function insertReferral(tx: Db, values: typeof referrals.$inferInsert): Promise<ReferralRow> {
  const [row] = await tx.insert(referrals).values(values).returning();
  return row;
}

export async function updateReferral(tx: Db, id: string, values: Partial<typeof referrals.$inferInsert>): Promise<ReferralRow> {
  const [row] = await tx
    .update(referrals)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(referrals.id, id))
    .returning();
  return row;
}

export async function insertReferralEvent(tx: Db, values: typeof referralEvents.$inferInsert) {
  const [row] = await tx.insert(referralEvents).values(values).returning();
  return row;
}

export async function insertReferralFile(tx: Db, values: typeof referralFiles.$inferInsert) {
  const [row] = await tx.insert(referralFiles).values(values).returning();
  return row;
}

export async function findReferralFile(db: Db, referralId: string, fileId: string) {
  const [row] = await db
    .select()
    .from(referralFiles)
    .where(and(eq(referralFiles.id, fileId), eq(referralFiles.referralId, referralId)));
  return row;
}

const authorOrg = alias(organizations, 'author_org');

/** The thread of a referral, oldest first, with authors' names and files. */
export async function findReferralEvents(db: Db, referralId: string) {
  const rows = await db
    .select({ event: referralEvents, authorName: users.name, authorOrganizationName: authorOrg.name })
    .from(referralEvents)
    .leftJoin(users, eq(users.id, referralEvents.authorUserId))
    .leftJoin(authorOrg, eq(authorOrg.id, referralEvents.authorOrganizationId))
    .where(eq(referralEvents.referralId, referralId))
    .orderBy(asc(referralEvents.createdAt), asc(referralEvents.id));
  const files = await db.select().from(referralFiles).where(eq(referralFiles.referralId, referralId)).orderBy(asc(referralFiles.createdAt));
  return { rows, files };
}

/** Attachments of a case (or its client) among `ids`, not deleted. */
export async function findCaseAttachments(db: Db, c: { caseId: string; clientId: string }, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(attachments)
    .where(
      and(
        inArray(attachments.id, ids),
        isNull(attachments.deletedAt),
        or(eq(attachments.caseId, c.caseId), and(isNull(attachments.caseId), eq(attachments.clientId, c.clientId))),
      ),
    );
}

export async function findClient(db: Db, clientId: string) {
  const [row] = await db.select().from(clients).where(eq(clients.id, clientId));
  return row;
}

export async function findCase(db: Db, caseId: string) {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
  return row;
}

export async function findOrganization(db: Db, id: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row;
}

/** Active users at or under an organization holding one of `roles` (who answers for an institution). */
export async function findActiveUsersUnder(db: Db, path: string, roles: readonly string[]) {
  if (roles.length === 0) return [];
  return db
    .select({ id: users.id, organizationId: users.organizationId })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(users.isActive, true), inArray(users.role, [...roles]), or(eq(organizations.path, path), like(organizations.path, `${path}/%`))));
}

/** The active head of an organization, for the signature of the referral letter. */
export async function findHeadOfOrganization(db: Db, organizationId: string) {
  const [row] = await db
    .select({ name: users.name, nip: users.nip, position: users.position })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.role, 'head'), eq(users.isActive, true)))
    .orderBy(asc(users.name))
    .limit(1);
  return row;
}
