import { sql } from 'drizzle-orm';
import { date, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/organizations.table.js';

/** A satisfaction-survey period of a unit (SKM, PermenPANRB 14/2017: at least once a year). */
export const surveyPeriods = pgTable(
  'survey_periods',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('survey_periods_org_dates_idx').on(t.organizationId, t.startsOn)],
);
export type SurveyPeriodRow = typeof surveyPeriods.$inferSelect;

/**
 * One anonymous questionnaire. `deviceHash` is the SHA-256 of a random token kept in the
 * respondent's browser cookie: one response per device per period, without knowing who answered.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    periodId: uuid('period_id')
      .notNull()
      .references(() => surveyPeriods.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    deviceHash: text('device_hash').notNull(),
    u1: smallint('u1'),
    u2: smallint('u2'),
    u3: smallint('u3'),
    u4: smallint('u4'),
    u5: smallint('u5'),
    u6: smallint('u6'),
    u7: smallint('u7'),
    u8: smallint('u8'),
    u9: smallint('u9'),
    ageGroup: text('age_group').notNull(),
    sex: text('sex').notNull(),
    education: text('education').notNull(),
    respondentType: text('respondent_type').notNull(),
    suggestion: text('suggestion'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('survey_responses_period_device_key').on(t.periodId, t.deviceHash)],
);
export type SurveyResponseRow = typeof surveyResponses.$inferSelect;
