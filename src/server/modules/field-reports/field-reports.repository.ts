import { and, count, desc, eq, inArray, like, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { cases } from '../cases/cases.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { users } from '../users/users.table.js';
import { type FieldReportRow, fieldReports } from './field-reports.table.js';

const submitterOrg = alias(organizations, 'submitter_org');

const fields = {
  report: fieldReports,
  organizationName: organizations.name,
  organizationPath: organizations.path,
  submittedByName: users.name,
  submitterOrganizationName: submitterOrg.name,
  caseStatus: cases.status,
  caseStageKey: cases.currentStageKey,
  caseOutcome: cases.terminationOutcome,
};
export type FieldReportListRow = NonNullable<Awaited<ReturnType<typeof findFieldReport>>>;

function query(db: Db) {
  return db
    .select(fields)
    .from(fieldReports)
    .innerJoin(organizations, eq(organizations.id, fieldReports.organizationId))
    .innerJoin(submitterOrg, eq(submitterOrg.id, fieldReports.submitterOrganizationId))
    .leftJoin(users, eq(users.id, fieldReports.submittedBy))
    .leftJoin(cases, eq(cases.id, fieldReports.caseId));
}

export async function findFieldReport(db: Db, id: string) {
  const [row] = await query(db).where(eq(fieldReports.id, id));
  return row;
}

export async function findFieldReportsInScope(db: Db, scope: { path: string; includeChildren: boolean }, q: { status: string; limit: number; offset: number }) {
  const where = and(
    scope.includeChildren ? or(eq(organizations.path, scope.path), like(organizations.path, `${scope.path}/%`)) : eq(organizations.path, scope.path),
    eq(fieldReports.status, q.status),
  );
  const [rows, [{ n }]] = await Promise.all([
    query(db).where(where).orderBy(desc(fieldReports.createdAt)).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(fieldReports).innerJoin(organizations, eq(organizations.id, fieldReports.organizationId)).where(where),
  ]);
  return { rows, total: Number(n) };
}

export async function findFieldReportsBySubmitter(db: Db, userId: string, q: { limit: number; offset: number }) {
  const where = eq(fieldReports.submittedBy, userId);
  const [rows, [{ n }]] = await Promise.all([
    query(db).where(where).orderBy(desc(fieldReports.createdAt)).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(fieldReports).where(where),
  ]);
  return { rows, total: Number(n) };
}

export async function insertFieldReport(tx: Db, values: typeof fieldReports.$inferInsert): Promise<FieldReportRow> {
  const [row] = await tx.insert(fieldReports).values(values).returning();
  return row;
}

export async function lockFieldReport(tx: Db, id: string): Promise<FieldReportRow | undefined> {
  const [row] = await tx.select().from(fieldReports).where(eq(fieldReports.id, id)).for('update');
  return row;
}

export async function updateFieldReport(tx: Db, id: string, values: Partial<typeof fieldReports.$inferInsert>) {
  const [row] = await tx.update(fieldReports).set(values).where(eq(fieldReports.id, id)).returning();
  return row;
}

export async function findOrganizationsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(organizations).where(inArray(organizations.id, ids));
}

/** Shelter units directly under a Dinas Sosial, by name. */
export async function findUnitsUnder(db: Db, regencyId: string) {
  return db
    .select()
    .from(organizations)
    .where(and(eq(organizations.parentId, regencyId), eq(organizations.kind, 'unit')))
    .orderBy(organizations.name);
}
