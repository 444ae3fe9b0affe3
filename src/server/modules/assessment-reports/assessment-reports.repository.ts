import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { attachments } from '../attachments/attachments.table.js';
import { cases } from '../cases/cases.table.js';
import { clients } from '../clients/clients.table.js';
import { formResponses, formTemplates, formTemplateVersions } from '../forms/forms.table.js';
import { users } from '../users/users.table.js';
import { type AssessmentReportRow, assessmentReports } from './assessment-reports.table.js';

const createdByUser = alias(users, 'created_by_user');
const submittedByUser = alias(users, 'submitted_by_user');
const decidedByUser = alias(users, 'decided_by_user');

export interface ReportWithNames {
  row: AssessmentReportRow;
  createdByName: string | null;
  submittedByName: string | null;
  decidedByName: string | null;
}

function selectWithNames(db: Db) {
  return db
    .select({
      row: assessmentReports,
      createdByName: createdByUser.name,
      submittedByName: submittedByUser.name,
      decidedByName: decidedByUser.name,
    })
    .from(assessmentReports)
    .leftJoin(createdByUser, eq(createdByUser.id, assessmentReports.createdBy))
    .leftJoin(submittedByUser, eq(submittedByUser.id, assessmentReports.submittedBy))
    .leftJoin(decidedByUser, eq(decidedByUser.id, assessmentReports.decidedBy));
}

export async function findReportsOfCase(db: Db, caseId: string): Promise<ReportWithNames[]> {
  return selectWithNames(db).where(eq(assessmentReports.caseId, caseId)).orderBy(desc(assessmentReports.createdAt));
}

export async function findReport(db: Db, caseId: string, reportId: string): Promise<ReportWithNames | undefined> {
  const [row] = await selectWithNames(db).where(and(eq(assessmentReports.id, reportId), eq(assessmentReports.caseId, caseId)));
  return row;
}

/** A report of the case not yet approved (a case has at most one in the works). */
export async function findUnfinishedReport(db: Db, caseId: string): Promise<AssessmentReportRow | undefined> {
  const [row] = await db
    .select()
    .from(assessmentReports)
    .where(and(eq(assessmentReports.caseId, caseId), inArray(assessmentReports.status, ['draft', 'submitted', 'returned'])))
    .limit(1);
  return row;
}

export async function insertReport(tx: Db, values: typeof assessmentReports.$inferInsert): Promise<AssessmentReportRow> {
  const [row] = await tx.insert(assessmentReports).values(values).returning();
  return row;
}

/** Change a report only if it is still in `fromStatuses` (someone else may have moved it meanwhile). */
export async function updateReportFromStatus(
  tx: Db,
  id: string,
  fromStatuses: string[],
  values: Partial<typeof assessmentReports.$inferInsert>,
): Promise<AssessmentReportRow | undefined> {
  const [row] = await tx
    .update(assessmentReports)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(assessmentReports.id, id), inArray(assessmentReports.status, fromStatuses)))
    .returning();
  return row;
}

/** The latest submitted response of a template (by key) for a case, with the definition it was filled in. */
export async function findLatestSubmittedResponse(db: Db, caseId: string, templateKey: string, responseId?: string) {
  const [row] = await db
    .select({ response: formResponses, definition: formTemplateVersions.definition })
    .from(formResponses)
    .innerJoin(formTemplates, eq(formTemplates.id, formResponses.templateId))
    .innerJoin(formTemplateVersions, eq(formTemplateVersions.id, formResponses.templateVersionId))
    .where(
      and(
        eq(formResponses.caseId, caseId),
        eq(formResponses.status, 'submitted'),
        responseId ? eq(formResponses.id, responseId) : eq(formTemplates.key, templateKey),
      ),
    )
    .orderBy(desc(formResponses.submittedAt))
    .limit(1);
  return row;
}

/** The case's client, for the identity table of the report. */
export async function findClientOfCase(db: Db, caseId: string) {
  const [row] = await db.select({ client: clients }).from(cases).innerJoin(clients, eq(clients.id, cases.clientId)).where(eq(cases.id, caseId));
  return row?.client;
}

/**
 * The client's newest photo that a PDF can print (PNG or JPEG), taken by the case's organization or one
 * under it: a photo another unit took of the same (returning) client is not this office's to print.
 */
export async function findLatestClientPhoto(db: Db, clientId: string, organizationId: string) {
  const [row] = await db
    .select({ id: attachments.id, storageKey: attachments.storageKey, mimeType: attachments.mimeType })
    .from(attachments)
    .where(
      and(
        eq(attachments.clientId, clientId),
        sql`${attachments.organizationId} in (select o.id from organizations o, organizations c where c.id = ${organizationId} and (o.path = c.path or o.path like c.path || '/%'))`,
        eq(attachments.kind, 'photo'),
        inArray(attachments.mimeType, ['image/png', 'image/jpeg']),
        isNull(attachments.deletedAt),
      ),
    )
    .orderBy(sql`${attachments.takenAt} desc nulls last`, desc(attachments.createdAt))
    .limit(1);
  return row;
}

export async function findAttachmentFile(db: Db, id: string) {
  const [row] = await db
    .select({ storageKey: attachments.storageKey, mimeType: attachments.mimeType })
    .from(attachments)
    .where(and(eq(attachments.id, id), isNull(attachments.deletedAt)));
  return row;
}

/** A user's name, NIP and position, for a signature block. */
export async function findSignatory(db: Db, userId: string) {
  const [row] = await db.select({ name: users.name, nip: users.nip, position: users.position }).from(users).where(eq(users.id, userId));
  return row;
}

/** The active head of an organization (the first by name), when no head has decided yet. */
export async function findHeadOfOrganization(db: Db, organizationId: string) {
  const [row] = await db
    .select({ name: users.name, nip: users.nip, position: users.position })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.role, 'head'), eq(users.isActive, true)))
    .orderBy(asc(users.name))
    .limit(1);
  return row;
}

/** Lock the case row until the transaction ends (one report generation at a time per case). */
export async function lockCaseRow(tx: Db, caseId: string) {
  await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for('update');
}
