import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organizations } from '../organizations/organizations.table.js';
import { holidays, organizationSettings, sopStages, sopVersions } from './sop.table.js';

export async function findLatestSopVersion(db: Db, organizationId: string) {
  const [row] = await db
    .select()
    .from(sopVersions)
    .where(eq(sopVersions.organizationId, organizationId))
    .orderBy(desc(sopVersions.version))
    .limit(1);
  return row;
}

/**
 * The stages of the latest SOP version of each of several organizations (for naming the stages of a
 * list of cases), in two statements whatever the number of organizations.
 */
export async function findLatestSopStagesOf(db: Db, organizationIds: string[]) {
  if (organizationIds.length === 0) return [];
  const latest = await db
    .selectDistinctOn([sopVersions.organizationId], { id: sopVersions.id, organizationId: sopVersions.organizationId })
    .from(sopVersions)
    .where(inArray(sopVersions.organizationId, organizationIds))
    .orderBy(sopVersions.organizationId, desc(sopVersions.version));
  if (latest.length === 0) return [];
  const organizationOf = new Map(latest.map((row) => [row.id, row.organizationId]));
  const stages = await db.select().from(sopStages).where(inArray(sopStages.sopVersionId, [...organizationOf.keys()]));
  return stages.map((stage) => ({ ...stage, organizationId: organizationOf.get(stage.sopVersionId) as string }));
}

export async function findSopStages(db: Db, sopVersionId: string) {
  return db.select().from(sopStages).where(eq(sopStages.sopVersionId, sopVersionId)).orderBy(asc(sopStages.position));
}

export async function insertSopVersion(
  tx: Db,
  version: typeof sopVersions.$inferInsert,
  stages: Omit<typeof sopStages.$inferInsert, 'sopVersionId'>[],
) {
  const [row] = await tx.insert(sopVersions).values(version).returning();
  const stageRows = await tx
    .insert(sopStages)
    .values(stages.map((s) => ({ ...s, sopVersionId: row.id })))
    .returning();
  return { version: row, stages: stageRows.sort((a, b) => a.position - b.position) };
}

export async function findSettings(db: Db, organizationId: string) {
  const [row] = await db.select().from(organizationSettings).where(eq(organizationSettings.organizationId, organizationId));
  return row;
}

/** The settings row, created with defaults when missing, locked for the rest of the transaction. */
export async function lockSettings(tx: Db, organizationId: string) {
  await tx.insert(organizationSettings).values({ organizationId }).onConflictDoNothing();
  const [row] = await tx.select().from(organizationSettings).where(eq(organizationSettings.organizationId, organizationId)).for('update');
  return row;
}

export async function upsertSettings(tx: Db, organizationId: string, values: Partial<typeof organizationSettings.$inferInsert>) {
  await tx.insert(organizationSettings).values({ organizationId }).onConflictDoNothing();
  const [row] = await tx
    .update(organizationSettings)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(organizationSettings.organizationId, organizationId))
    .returning();
  return row;
}

/** Settings columns (null when never configured) and holiday dates of each organization, in one statement. */
export interface SettingsWithHolidays {
  organizationId: string;
  timeZone: string | null;
  alwaysOn: boolean | null;
  workingHours: Record<string, { start: string; end: string }[]> | null;
  targetWorkingDays: string | number | null;
  maxStayDays: number | null;
  stayWarningDays: number | null;
  caseNumberPrefix: string | null;
  holidays: string[];
}

function prepareSettingsWithHolidays(db: Db) {
  return db
    .select({
      organizationId: organizations.id,
      timeZone: organizationSettings.timeZone,
      alwaysOn: organizationSettings.alwaysOn,
      workingHours: organizationSettings.workingHours,
      targetWorkingDays: organizationSettings.targetWorkingDays,
      maxStayDays: organizationSettings.maxStayDays,
      stayWarningDays: organizationSettings.stayWarningDays,
      caseNumberPrefix: organizationSettings.caseNumberPrefix,
      holidays: sql<string[]>`coalesce((select array_agg(h.date::text order by h.date) from holidays h where h.organization_id = ${organizations.id}), '{}'::text[])`,
    })
    .from(organizations)
    .leftJoin(organizationSettings, eq(organizationSettings.organizationId, organizations.id))
    .where(sql`${organizations.id} = any(${sql.placeholder('organizationIds')}::uuid[])`)
    .prepare('sop_settings_with_holidays');
}
const settingsStatements = new WeakMap<Db, ReturnType<typeof prepareSettingsWithHolidays>>();

/**
 * Settings (null where never configured) and holidays of existing organizations, in one prepared
 * statement (every worklist and report asks it).
 */
export async function findSettingsWithHolidays(db: Db, organizationIds: string[]): Promise<SettingsWithHolidays[]> {
  let statement = settingsStatements.get(db);
  if (!statement) {
    statement = prepareSettingsWithHolidays(db);
    settingsStatements.set(db, statement);
  }
  return statement.execute({ organizationIds });
}

export async function findHolidays(db: Db, organizationId: string) {
  return db.select().from(holidays).where(eq(holidays.organizationId, organizationId)).orderBy(asc(holidays.date));
}

export async function replaceHolidays(tx: Db, organizationId: string, list: { date: string; name: string }[]) {
  await tx.delete(holidays).where(eq(holidays.organizationId, organizationId));
  if (list.length) await tx.insert(holidays).values(list.map((h) => ({ ...h, organizationId })));
}
