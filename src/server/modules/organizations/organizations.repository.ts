import { asc, eq, like, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { type OrganizationRow, organizations } from './organizations.table.js';

export async function findOrganizationById(db: Db, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row;
}

/** Organizations whose path is `path` or below it (when `includeChildren`). */
export async function findOrganizationsInScope(db: Db, path: string, includeChildren: boolean): Promise<OrganizationRow[]> {
  const where = includeChildren
    ? or(eq(organizations.path, path), like(organizations.path, `${path}/%`))
    : eq(organizations.path, path);
  return db.select().from(organizations).where(where).orderBy(asc(organizations.path));
}

export type NewOrganization = Omit<typeof organizations.$inferInsert, 'id' | 'path'> & { parentPath: string | null };

/** Insert an organization and set its tree path from its parent's path and its own id. */
export async function insertOrganization(tx: Db, org: NewOrganization): Promise<OrganizationRow> {
  const id = newId();
  const { parentPath, ...values } = org;
  const [row] = await tx
    .insert(organizations)
    .values({ ...values, id, path: parentPath ? `${parentPath}/${id}` : id })
    .returning();
  return row;
}

export async function updateOrganization(tx: Db, id: string, values: Partial<typeof organizations.$inferInsert>) {
  const [row] = await tx
    .update(organizations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(organizations.id, id))
    .returning();
  return row;
}

/** Find a top-level or child organization by kind and region code (used to reuse province/national nodes). */
export async function findOrganizationByKindAndRegion(db: Db, kind: string, regionCode: string | null) {
  const rows = await db.select().from(organizations).where(eq(organizations.kind, kind));
  return rows.find((r) => r.regionCode === regionCode);
}
