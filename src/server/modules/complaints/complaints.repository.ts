import { and, avg, count, desc, eq, gte, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organizations } from '../organizations/organizations.table.js';
import { users } from '../users/users.table.js';
import { complaintSecrets, complaints } from './complaints.table.js';

export type NewComplaint = typeof complaints.$inferInsert;

/** A named secret, created with `candidate` on first use; every server reads the same value afterwards. */
export async function ensureSecret(db: Db, name: string, candidate: string): Promise<string> {
  await db.insert(complaintSecrets).values({ name, secret: candidate }).onConflictDoNothing();
  const [row] = await db.select().from(complaintSecrets).where(eq(complaintSecrets.name, name));
  return row.secret;
}

export async function insertComplaint(db: Db, row: NewComplaint) {
  const [created] = await db.insert(complaints).values(row).onConflictDoNothing({ target: complaints.trackingCode }).returning();
  return created;
}

export async function findByTrackingCode(db: Db, code: string) {
  const [row] = await db
    .select({ complaint: complaints, unitName: organizations.name })
    .from(complaints)
    .innerJoin(organizations, eq(organizations.id, complaints.organizationId))
    .where(eq(complaints.trackingCode, code));
  return row;
}

export async function findComplaintById(db: Db, id: string) {
  const [row] = await db
    .select({ complaint: complaints, organizationPath: organizations.path, triagedByName: users.name })
    .from(complaints)
    .innerJoin(organizations, eq(organizations.id, complaints.organizationId))
    .leftJoin(users, eq(users.id, complaints.triagedBy))
    .where(eq(complaints.id, id));
  return row;
}

export async function findComplaints(db: Db, f: { scopePath: string; includeChildren: boolean; organizationId?: string; status?: string; limit: number; offset: number }) {
  const conds: SQL[] = [
    f.includeChildren
      ? sql`(${organizations.path} = ${f.scopePath} or ${organizations.path} like ${`${f.scopePath}/%`})`
      : eq(organizations.path, f.scopePath),
  ];
  if (f.organizationId) conds.push(eq(complaints.organizationId, f.organizationId));
  if (f.status) conds.push(eq(complaints.status, f.status));
  const where = and(...conds);
  const [rows, [{ total }], [{ average }]] = await Promise.all([
    db
      .select({ complaint: complaints, organizationPath: organizations.path, triagedByName: users.name })
      .from(complaints)
      .innerJoin(organizations, eq(organizations.id, complaints.organizationId))
      .leftJoin(users, eq(users.id, complaints.triagedBy))
      .where(where)
      .orderBy(desc(complaints.receivedAt))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ total: count() }).from(complaints).innerJoin(organizations, eq(organizations.id, complaints.organizationId)).where(where),
    db
      .select({ average: avg(sql`extract(epoch from (${complaints.triagedAt} - ${complaints.receivedAt})) / 60`) })
      .from(complaints)
      .innerJoin(organizations, eq(organizations.id, complaints.organizationId))
      .where(and(conds[0], f.organizationId ? eq(complaints.organizationId, f.organizationId) : undefined, isNotNull(complaints.triagedAt), gte(complaints.receivedAt, sql`now() - interval '30 days'`))),
  ]);
  return { rows, total, average: average === null ? null : Number(average) };
}

export async function updateComplaint(db: Db, id: string, values: Partial<NewComplaint>) {
  const [row] = await db
    .update(complaints)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(complaints.id, id))
    .returning();
  return row;
}

/** Units that take complaints from the public. */
export async function findPublicUnits(db: Db) {
  return db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.kind, 'unit')).orderBy(organizations.name);
}

export async function findUnit(db: Db, id: string) {
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row;
}
