import { and, arrayContains, asc, eq, ilike, inArray, isNotNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organizations } from '../organizations/organizations.table.js';
import { users } from '../users/users.table.js';
import { type InstitutionProfileRow, institutionProfiles } from './institutions.table.js';

const fields = { organization: organizations, profile: institutionProfiles };
export type InstitutionRow = { organization: typeof organizations.$inferSelect; profile: InstitutionProfileRow | null };

/** Referral institutions: partner organizations and every district's Dinas Sosial, with their profiles. */
export async function findInstitutions(
  db: Db,
  q: { q?: string; partnerType?: string; isDinsosDistrict?: boolean; category?: string; service?: string; regionCode?: string },
): Promise<InstitutionRow[]> {
  const conditions: (SQL | undefined)[] = [inArray(organizations.kind, ['partner', 'regency'])];
  if (q.isDinsosDistrict) conditions.push(eq(organizations.kind, 'regency'));
  else if (q.partnerType) conditions.push(and(eq(organizations.kind, 'partner'), eq(organizations.partnerType, q.partnerType)));
  if (q.q) {
    const pattern = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(organizations.name, pattern), ilike(organizations.address, pattern)));
  }
  if (q.category) conditions.push(arrayContains(institutionProfiles.categories, [q.category]));
  if (q.service) conditions.push(arrayContains(institutionProfiles.services, [q.service]));
  if (q.regionCode) conditions.push(or(eq(organizations.regionCode, q.regionCode), like(organizations.regionCode, `${q.regionCode}.%`)));
  return db
    .select(fields)
    .from(organizations)
    .leftJoin(institutionProfiles, eq(institutionProfiles.organizationId, organizations.id))
    .where(and(...conditions))
    .orderBy(asc(organizations.kind), asc(organizations.name))
    .limit(500);
}

export async function findInstitution(db: Db, id: string): Promise<InstitutionRow | undefined> {
  const [row] = await db
    .select(fields)
    .from(organizations)
    .leftJoin(institutionProfiles, eq(institutionProfiles.organizationId, organizations.id))
    .where(and(eq(organizations.id, id), inArray(organizations.kind, ['partner', 'regency'])));
  return row;
}

/** Organization ids (among `ids`) having at least one active user with one of `roles`. */
export async function findOrganizationsWithUsers(db: Db, ids: string[], roles: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0 || roles.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: users.organizationId })
    .from(users)
    .where(and(inArray(users.organizationId, ids), eq(users.isActive, true), inArray(users.role, [...roles])));
  return new Set(rows.map((r) => r.id));
}

export async function upsertProfile(tx: Db, organizationId: string, values: Partial<typeof institutionProfiles.$inferInsert>) {
  const [row] = await tx
    .insert(institutionProfiles)
    .values({ organizationId, ...values })
    .onConflictDoUpdate({ target: institutionProfiles.organizationId, set: { ...values, updatedAt: new Date() } })
    .returning();
  return row;
}

export async function findSeedKeys(db: Db): Promise<Set<string>> {
  const rows = await db.select({ key: institutionProfiles.seedKey }).from(institutionProfiles).where(isNotNull(institutionProfiles.seedKey));
  return new Set(rows.map((r) => r.key!));
}

/** Serialize seeding of the built-in examples (both databases support transaction-scoped advisory locks). */
export async function lockSeeding(tx: Db) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('singgah.institution_seeds'))`);
}

/** The national root and the province nodes present, for placing seeded institutions. */
export async function findTopOrganizations(db: Db) {
  return db
    .select()
    .from(organizations)
    .where(inArray(organizations.kind, ['national', 'province']));
}
