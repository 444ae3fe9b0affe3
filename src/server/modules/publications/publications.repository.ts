import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type SopDocumentRow, sopDocuments } from './publications.table.js';

export async function findSopDocument(db: Db, organizationId: string): Promise<SopDocumentRow | undefined> {
  const [row] = await db.select().from(sopDocuments).where(eq(sopDocuments.organizationId, organizationId));
  return row;
}

export async function upsertSopDocument(tx: Db, values: typeof sopDocuments.$inferInsert): Promise<SopDocumentRow> {
  const { organizationId: _id, ...rest } = values;
  const [row] = await tx
    .insert(sopDocuments)
    .values(values)
    .onConflictDoUpdate({ target: sopDocuments.organizationId, set: { ...rest, updatedAt: new Date() } })
    .returning();
  return row;
}
