import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { clients } from '../clients/clients.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { users } from '../users/users.table.js';
import { attachments } from './attachments.table.js';

export type AttachmentRow = typeof attachments.$inferSelect;

const withUploader = {
  attachment: attachments,
  organizationPath: organizations.path,
  uploadedByName: users.name,
};

/** A live (not deleted) attachment with its organization's path and the uploader's name. */
export async function findAttachmentById(db: Db, id: string) {
  const [row] = await db
    .select(withUploader)
    .from(attachments)
    .innerJoin(organizations, eq(organizations.id, attachments.organizationId))
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(and(eq(attachments.id, id), isNull(attachments.deletedAt)));
  return row;
}

/** Live attachments of a client (from every case) or of one case, newest photo date first. */
export async function findAttachments(db: Db, f: { clientId?: string; caseId?: string; kind?: string }) {
  const conds: SQL[] = [isNull(attachments.deletedAt)];
  if (f.clientId) conds.push(eq(attachments.clientId, f.clientId));
  if (f.caseId) conds.push(eq(attachments.caseId, f.caseId));
  if (f.kind) conds.push(eq(attachments.kind, f.kind));
  return db
    .select(withUploader)
    .from(attachments)
    .innerJoin(organizations, eq(organizations.id, attachments.organizationId))
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(and(...conds))
    .orderBy(desc(attachments.createdAt), desc(attachments.id));
}

/**
 * A live client with its organization's path, for the scope check of a client's attachments.
 * (Read here until the clients module offers a loader: only id and organization are needed.)
 */
export async function findClientWithOrganization(db: Db, clientId: string) {
  const [row] = await db
    .select({ id: clients.id, organizationId: clients.organizationId, organizationPath: organizations.path })
    .from(clients)
    .innerJoin(organizations, eq(organizations.id, clients.organizationId))
    .where(and(eq(clients.id, clientId), isNull(clients.deletedAt)));
  return row;
}

export async function insertAttachment(tx: Db, values: typeof attachments.$inferInsert): Promise<AttachmentRow> {
  const [row] = await tx.insert(attachments).values(values).returning();
  return row;
}

export async function updateAttachment(tx: Db, id: string, values: Partial<typeof attachments.$inferInsert>): Promise<AttachmentRow> {
  const [row] = await tx.update(attachments).set(values).where(eq(attachments.id, id)).returning();
  return row;
}

/** Mark an attachment deleted; returns undefined when it already was. The file stays on disk. */
export async function softDeleteAttachment(tx: Db, id: string, at: Date): Promise<AttachmentRow | undefined> {
  const [row] = await tx
    .update(attachments)
    .set({ deletedAt: at })
    .where(and(eq(attachments.id, id), isNull(attachments.deletedAt)))
    .returning();
  return row;
}
