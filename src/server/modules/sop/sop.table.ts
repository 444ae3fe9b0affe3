import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/organizations.table.js';

/**
 * An organization's SOP, versioned: a change creates a new version; cases keep the version they
 * started on, so history is never rewritten.
 */
export const sopVersions = pgTable(
  'sop_versions',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('sop_versions_org_version_key').on(t.organizationId, t.version)],
);

export const sopStages = pgTable(
  'sop_stages',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    sopVersionId: uuid('sop_version_id')
      .notNull()
      .references(() => sopVersions.id),
    position: integer('position').notNull(),
    key: text('key').notNull(),
    nameId: text('name_id').notNull(),
    nameEn: text('name_en').notNull(),
    description: text('description'),
    responsibleRole: text('responsible_role').notNull(),
    standardMinutes: integer('standard_minutes').notNull(),
    skippable: boolean('skippable').notNull().default(false),
  },
  (t) => [uniqueIndex('sop_stages_version_position_key').on(t.sopVersionId, t.position)],
);

/**
 * Per-organization service settings: the working calendar used by the timers, the case target, the
 * shelter stay limit. Working hours are configuration, hence JSON.
 */
export const organizationSettings = pgTable('organization_settings', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  timeZone: text('time_zone').notNull().default('Asia/Jakarta'),
  alwaysOn: boolean('always_on').notNull().default(false),
  workingHours: jsonb('working_hours').$type<Record<string, { start: string; end: string }[]>>(),
  targetWorkingDays: numeric('target_working_days', { precision: 4, scale: 1 }).notNull().default('2'),
  maxStayDays: integer('max_stay_days').notNull().default(7),
  stayWarningDays: integer('stay_warning_days').notNull().default(1),
  caseNumberPrefix: text('case_number_prefix').notNull().default('RS'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const holidays = pgTable(
  'holidays',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    date: date('date').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('holidays_org_date_key').on(t.organizationId, t.date), index('holidays_date_idx').on(t.date)],
);
