import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type SurveyPeriodRow, surveyPeriods, surveyResponses } from './survey.table.js';

export async function findPeriodsOfOrganization(db: Db, organizationId: string) {
  return db
    .select({ period: surveyPeriods, responses: sql<number>`count(${surveyResponses.id})::int` })
    .from(surveyPeriods)
    .leftJoin(surveyResponses, eq(surveyResponses.periodId, surveyPeriods.id))
    .where(eq(surveyPeriods.organizationId, organizationId))
    .groupBy(surveyPeriods.id)
    .orderBy(desc(surveyPeriods.startsOn), desc(surveyPeriods.createdAt));
}

export async function findPeriodById(db: Db, id: string): Promise<SurveyPeriodRow | undefined> {
  const [row] = await db.select().from(surveyPeriods).where(eq(surveyPeriods.id, id));
  return row;
}

/** The period open on a local date (the latest started one when periods overlap). */
export async function findOpenPeriod(db: Db, organizationId: string, localDate: string): Promise<SurveyPeriodRow | undefined> {
  const [row] = await db
    .select()
    .from(surveyPeriods)
    .where(and(eq(surveyPeriods.organizationId, organizationId), lte(surveyPeriods.startsOn, localDate), gte(surveyPeriods.endsOn, localDate)))
    .orderBy(desc(surveyPeriods.startsOn), desc(surveyPeriods.createdAt))
    .limit(1);
  return row;
}

export async function insertPeriod(tx: Db, values: typeof surveyPeriods.$inferInsert) {
  const [row] = await tx.insert(surveyPeriods).values(values).returning();
  return row;
}

export async function updatePeriod(tx: Db, id: string, values: Partial<typeof surveyPeriods.$inferInsert>) {
  const [row] = await tx.update(surveyPeriods).set(values).where(eq(surveyPeriods.id, id)).returning();
  return row;
}

export async function hasResponseFromDevice(db: Db, periodId: string, deviceHash: string): Promise<boolean> {
  const [row] = await db
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.periodId, periodId), eq(surveyResponses.deviceHash, deviceHash)))
    .limit(1);
  return Boolean(row);
}

/** Insert a questionnaire; returns undefined when this device already answered this period. */
export async function insertResponse(tx: Db, values: typeof surveyResponses.$inferInsert) {
  const [row] = await tx.insert(surveyResponses).values(values).onConflictDoNothing().returning({ id: surveyResponses.id });
  return row;
}

export async function findResponses(db: Db, periodId: string) {
  return db.select().from(surveyResponses).where(eq(surveyResponses.periodId, periodId)).orderBy(asc(surveyResponses.submittedAt));
}
