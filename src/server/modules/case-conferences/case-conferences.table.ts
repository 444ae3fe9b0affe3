import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases } from '../cases/cases.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { users } from '../users/users.table.js';

/** A case conference (rapat kasus): where and when, what was discussed, and whether it was held. */
export const caseConferences = pgTable(
  'case_conferences',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    summary: text('summary'),
    /** 'planned' | 'held'. */
    status: text('status').notNull().default('planned'),
    recordedHeldAt: timestamp('recorded_held_at', { withTimezone: true }),
    recordedHeldBy: uuid('recorded_held_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [index('case_conferences_org_held_idx').on(t.organizationId, t.heldAt)],
);
export type CaseConferenceRow = typeof caseConferences.$inferSelect;

/** Who took part: a user of Singgah, or an outside person with their institution. */
export const caseConferenceParticipants = pgTable(
  'case_conference_participants',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    conferenceId: uuid('conference_id')
      .notNull()
      .references(() => caseConferences.id),
    position: integer('position').notNull(),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    institution: text('institution'),
    role: text('role'),
  },
  (t) => [index('case_conference_participants_conf_idx').on(t.conferenceId)],
);

/** The cases discussed, each with the decision taken about it. */
export const caseConferenceCases = pgTable(
  'case_conference_cases',
  {
    conferenceId: uuid('conference_id')
      .notNull()
      .references(() => caseConferences.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    position: integer('position').notNull(),
    decision: text('decision'),
  },
  (t) => [primaryKey({ columns: [t.conferenceId, t.caseId] }), index('case_conference_cases_case_idx').on(t.caseId)],
);

/** The intervention plan: what is to be done for a case, by whom, by when. */
export const interventionPlanItems = pgTable(
  'intervention_plan_items',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    conferenceId: uuid('conference_id')
      .notNull()
      .references(() => caseConferences.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    description: text('description').notNull(),
    responsibleUserId: uuid('responsible_user_id')
      .notNull()
      .references(() => users.id),
    dueDate: date('due_date').notNull(),
    /** 'open' | 'done'. */
    status: text('status').notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('intervention_plan_items_responsible_idx').on(t.responsibleUserId, t.status, t.dueDate),
    index('intervention_plan_items_conf_idx').on(t.conferenceId),
    index('intervention_plan_items_case_idx').on(t.caseId),
  ],
);
export type InterventionPlanItemRow = typeof interventionPlanItems.$inferSelect;
