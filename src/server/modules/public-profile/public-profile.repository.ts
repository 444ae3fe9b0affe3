import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { cases } from '../cases/cases.table.js';
import { type PublicProfileRow, publicProfiles } from './public-profile.table.js';

export async function findProfileByOrganization(db: Db, organizationId: string): Promise<PublicProfileRow | undefined> {
  const [row] = await db.select().from(publicProfiles).where(eq(publicProfiles.organizationId, organizationId));
  return row;
}

export async function findProfileBySlug(db: Db, slug: string): Promise<PublicProfileRow | undefined> {
  const [row] = await db.select().from(publicProfiles).where(eq(publicProfiles.slug, slug));
  return row;
}

export async function upsertProfile(tx: Db, values: typeof publicProfiles.$inferInsert): Promise<PublicProfileRow> {
  const { organizationId: _id, ...rest } = values;
  const [row] = await tx
    .insert(publicProfiles)
    .values(values)
    .onConflictDoUpdate({ target: publicProfiles.organizationId, set: { ...rest, updatedAt: new Date() } })
    .returning();
  return row;
}

/**
 * The categories of every case that arrived in [from, to): one array per case, no other column.
 * A shelter receives hundreds of cases a year, so counting in the service stays cheap.
 */
export async function findArrivedCaseCategories(db: Db, organizationId: string, from: Date, to: Date): Promise<string[][]> {
  const rows = await db
    .select({ categories: cases.categories })
    .from(cases)
    .where(and(eq(cases.organizationId, organizationId), isNull(cases.deletedAt), gte(cases.arrivedAt, from), lt(cases.arrivedAt, to)));
  return rows.map((r) => r.categories);
}

/** How many cases were terminated in [from, to), and how many of them by their due time. */
export async function countTerminatedCases(db: Db, organizationId: string, from: Date, to: Date) {
  const [row] = await db
    .select({
      terminated: sql<number>`count(*)::int`,
      withinTarget: sql<number>`count(*) filter (where ${cases.terminatedAt} <= ${cases.dueAt})::int`,
    })
    .from(cases)
    .where(
      and(eq(cases.organizationId, organizationId), isNull(cases.deletedAt), gte(cases.terminatedAt, from), lt(cases.terminatedAt, to)),
    );
  return { terminated: row?.terminated ?? 0, withinTarget: row?.withinTarget ?? 0 };
}
