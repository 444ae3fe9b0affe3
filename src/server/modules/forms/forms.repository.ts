import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { users } from '../users/users.table.js';
import {
  type FormResponseRow,
  type FormTemplateRow,
  type FormTemplateVersionRow,
  formResponses,
  formTemplates,
  formTemplateVersions,
} from './forms.table.js';

// ---------------------------------------------------------------------------------------------
// Templates and versions

export async function findTemplates(db: Db, organizationId: string): Promise<FormTemplateRow[]> {
  return db.select().from(formTemplates).where(eq(formTemplates.organizationId, organizationId)).orderBy(asc(formTemplates.createdAt), asc(formTemplates.key));
}

export async function findTemplateById(db: Db, id: string): Promise<FormTemplateRow | undefined> {
  const [row] = await db.select().from(formTemplates).where(eq(formTemplates.id, id));
  return row;
}

export async function findTemplateByKey(db: Db, organizationId: string, key: string): Promise<FormTemplateRow | undefined> {
  const [row] = await db
    .select()
    .from(formTemplates)
    .where(and(eq(formTemplates.organizationId, organizationId), eq(formTemplates.key, key)));
  return row;
}

export async function insertTemplate(tx: Db, values: typeof formTemplates.$inferInsert): Promise<FormTemplateRow> {
  const [row] = await tx.insert(formTemplates).values(values).returning();
  return row;
}

export async function updateTemplate(tx: Db, id: string, values: Partial<typeof formTemplates.$inferInsert>): Promise<void> {
  await tx.update(formTemplates).set(values).where(eq(formTemplates.id, id));
}

/** A version with the name of the user who published it. */
export type VersionWithNames = { row: FormTemplateVersionRow; publishedByName: string | null };

export async function findVersions(db: Db, templateIds: string[]): Promise<VersionWithNames[]> {
  if (templateIds.length === 0) return [];
  return db
    .select({ row: formTemplateVersions, publishedByName: users.name })
    .from(formTemplateVersions)
    .leftJoin(users, eq(users.id, formTemplateVersions.publishedBy))
    .where(inArray(formTemplateVersions.templateId, templateIds))
    .orderBy(asc(formTemplateVersions.templateId), desc(formTemplateVersions.version));
}

export async function findVersionById(db: Db, id: string): Promise<(VersionWithNames & { template: FormTemplateRow }) | undefined> {
  const [row] = await db
    .select({ row: formTemplateVersions, publishedByName: users.name, template: formTemplates })
    .from(formTemplateVersions)
    .innerJoin(formTemplates, eq(formTemplates.id, formTemplateVersions.templateId))
    .leftJoin(users, eq(users.id, formTemplateVersions.publishedBy))
    .where(eq(formTemplateVersions.id, id));
  return row;
}

/** The version row locked for a change (publish, edit), so two admins cannot publish it twice. */
export async function lockVersion(tx: Db, id: string): Promise<FormTemplateVersionRow | undefined> {
  const [row] = await tx.select().from(formTemplateVersions).where(eq(formTemplateVersions.id, id)).for('update');
  return row;
}

/** The template row locked while a version number is chosen. */
export async function lockTemplate(tx: Db, id: string): Promise<FormTemplateRow | undefined> {
  const [row] = await tx.select().from(formTemplates).where(eq(formTemplates.id, id)).for('update');
  return row;
}

export async function findLatestVersion(db: Db, templateId: string, status?: 'draft' | 'published'): Promise<FormTemplateVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(formTemplateVersions)
    .where(and(eq(formTemplateVersions.templateId, templateId), status ? eq(formTemplateVersions.status, status) : undefined))
    .orderBy(desc(formTemplateVersions.version))
    .limit(1);
  return row;
}

export async function insertVersion(tx: Db, values: typeof formTemplateVersions.$inferInsert): Promise<FormTemplateVersionRow> {
  const [row] = await tx.insert(formTemplateVersions).values(values).returning();
  return row;
}

export async function updateVersion(tx: Db, id: string, values: Partial<typeof formTemplateVersions.$inferInsert>): Promise<FormTemplateVersionRow> {
  const [row] = await tx.update(formTemplateVersions).set(values).where(eq(formTemplateVersions.id, id)).returning();
  return row;
}

/** Remove a draft version nobody filled in (a draft version is never used by responses). */
export async function deleteDraftVersion(tx: Db, id: string): Promise<void> {
  await tx.delete(formTemplateVersions).where(and(eq(formTemplateVersions.id, id), eq(formTemplateVersions.status, 'draft')));
}

// ---------------------------------------------------------------------------------------------
// Responses

const createdByUser = alias(users, 'created_by_user');
const updatedByUser = alias(users, 'updated_by_user');
const submittedByUser = alias(users, 'submitted_by_user');

/** A response with its template, its version and the names of the people who wrote it. */
export type ResponseWithContext = {
  row: FormResponseRow;
  template: FormTemplateRow;
  version: FormTemplateVersionRow;
  createdByName: string | null;
  updatedByName: string | null;
  submittedByName: string | null;
};

function selectResponses(db: Db) {
  return db
    .select({
      row: formResponses,
      template: formTemplates,
      version: formTemplateVersions,
      createdByName: createdByUser.name,
      updatedByName: updatedByUser.name,
      submittedByName: submittedByUser.name,
    })
    .from(formResponses)
    .innerJoin(formTemplates, eq(formTemplates.id, formResponses.templateId))
    .innerJoin(formTemplateVersions, eq(formTemplateVersions.id, formResponses.templateVersionId))
    .leftJoin(createdByUser, eq(createdByUser.id, formResponses.createdBy))
    .leftJoin(updatedByUser, eq(updatedByUser.id, formResponses.updatedBy))
    .leftJoin(submittedByUser, eq(submittedByUser.id, formResponses.submittedBy));
}

export async function findResponsesOfCase(db: Db, caseId: string): Promise<ResponseWithContext[]> {
  return selectResponses(db).where(eq(formResponses.caseId, caseId)).orderBy(desc(formResponses.createdAt));
}

export async function findResponse(db: Db, caseId: string, id: string): Promise<ResponseWithContext | undefined> {
  const [row] = await selectResponses(db).where(and(eq(formResponses.caseId, caseId), eq(formResponses.id, id)));
  return row;
}

/** The response row locked for a change (auto-save racing a submit must not lose either). */
export async function lockResponse(tx: Db, caseId: string, id: string): Promise<FormResponseRow | undefined> {
  const [row] = await tx
    .select()
    .from(formResponses)
    .where(and(eq(formResponses.caseId, caseId), eq(formResponses.id, id)))
    .for('update');
  return row;
}

/** The latest submitted response of a template (by key) in a case: what the assessment report reads. */
export async function findLatestSubmitted(db: Db, caseId: string, templateKey: string): Promise<ResponseWithContext | undefined> {
  const [row] = await selectResponses(db)
    .where(and(eq(formResponses.caseId, caseId), eq(formTemplates.key, templateKey), eq(formResponses.status, 'submitted')))
    .orderBy(desc(formResponses.submittedAt))
    .limit(1);
  return row;
}

export async function insertResponse(tx: Db, values: typeof formResponses.$inferInsert): Promise<FormResponseRow> {
  const [row] = await tx.insert(formResponses).values(values).returning();
  return row;
}

export async function updateResponse(tx: Db, id: string, values: Partial<typeof formResponses.$inferInsert>): Promise<void> {
  await tx.update(formResponses).set(values).where(eq(formResponses.id, id));
}

export async function deleteResponse(tx: Db, id: string): Promise<void> {
  await tx.delete(formResponses).where(eq(formResponses.id, id));
}
