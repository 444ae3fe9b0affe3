import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organizations } from '../organizations/organizations.table.js';
import { organizationSettings } from '../sop/sop.table.js';
import { letterCounters, type LetterSettingsRow, letterSettings } from './letters.table.js';

export async function findLetterSettings(db: Db, organizationId: string): Promise<LetterSettingsRow | undefined> {
  const [row] = await db.select().from(letterSettings).where(eq(letterSettings.organizationId, organizationId));
  return row;
}

/** The settings row, created empty when missing, locked for the rest of the transaction. */
export async function lockLetterSettings(tx: Db, organizationId: string): Promise<LetterSettingsRow> {
  await tx.insert(letterSettings).values({ organizationId }).onConflictDoNothing();
  const [row] = await tx.select().from(letterSettings).where(eq(letterSettings.organizationId, organizationId)).for('update');
  return row;
}

export async function updateLetterSettings(tx: Db, organizationId: string, values: Partial<typeof letterSettings.$inferInsert>) {
  const [row] = await tx
    .update(letterSettings)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(letterSettings.organizationId, organizationId))
    .returning();
  return row;
}

/**
 * The counter row of (organization, kind, year), created at zero when missing and locked until the
 * caller's transaction ends: a second allocation waits here until the first commits or rolls back.
 */
export async function lockLetterCounter(tx: Db, organizationId: string, kind: string, year: number): Promise<number> {
  await tx.insert(letterCounters).values({ organizationId, kind, year, lastSeq: 0 }).onConflictDoNothing();
  const [row] = await tx
    .select({ lastSeq: letterCounters.lastSeq })
    .from(letterCounters)
    .where(and(eq(letterCounters.organizationId, organizationId), eq(letterCounters.kind, kind), eq(letterCounters.year, year)))
    .for('update');
  return row.lastSeq;
}

export async function setLetterCounter(tx: Db, organizationId: string, kind: string, year: number, lastSeq: number) {
  await tx
    .update(letterCounters)
    .set({ lastSeq, updatedAt: sql`now()` })
    .where(and(eq(letterCounters.organizationId, organizationId), eq(letterCounters.kind, kind), eq(letterCounters.year, year)));
}

/** An organization, its parent (the Dinas Sosial of a unit) and its time zone. */
export async function findOrganizationFacts(db: Db, organizationId: string) {
  const [row] = await db
    .select({ organization: organizations, timeZone: organizationSettings.timeZone })
    .from(organizations)
    .leftJoin(organizationSettings, eq(organizationSettings.organizationId, organizations.id))
    .where(eq(organizations.id, organizationId));
  if (!row) return undefined;
  const parent = row.organization.parentId
    ? (await db.select().from(organizations).where(eq(organizations.id, row.organization.parentId)))[0]
    : undefined;
  return { organization: row.organization, parent, timeZone: row.timeZone ?? 'Asia/Jakarta' };
}
