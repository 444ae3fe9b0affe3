import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/organizations.table.js';
import { users } from '../users/users.table.js';

/** One slot of a recurring pattern: on day `day` of the cycle, from `startTime` to `endTime` (may cross midnight). */
export type RosterPatternSlot = { day: number; startTime: string; endTime: string; officerUserId: string; roleNote?: string | null };

/**
 * A duty shift (piket). `shiftDate`, `startTime` and `endTime` are the wall clock in the organization's
 * time zone as planned; `startsAt`/`endsAt` are the instants computed from them when the shift is saved
 * (a night shift ends the next day), so "who is on duty now" is a plain indexed comparison.
 */
export const rosterShifts = pgTable(
  'roster_shifts',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    shiftDate: date('shift_date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    officerUserId: uuid('officer_user_id')
      .notNull()
      .references(() => users.id),
    roleNote: text('role_note'),
    patternId: uuid('pattern_id'),
    handoverNote: text('handover_note'),
    handoverAt: timestamp('handover_at', { withTimezone: true }),
    handoverBy: uuid('handover_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('roster_shifts_org_time_idx').on(t.organizationId, t.startsAt, t.endsAt),
    index('roster_shifts_officer_idx').on(t.officerUserId, t.startsAt),
  ],
);
export type RosterShiftRow = typeof rosterShifts.$inferSelect;

/** A recurring rotation (e.g. weekly): a cycle of `cycleDays` days counted from `anchorDate`, with slots per day. */
export const rosterPatterns = pgTable('roster_patterns', {
  id: uuid('id').primaryKey().default(sql`uuid_v7()`),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id),
  name: text('name').notNull(),
  cycleDays: integer('cycle_days').notNull().default(7),
  anchorDate: date('anchor_date').notNull(),
  slots: jsonb('slots').$type<RosterPatternSlot[]>().notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type RosterPatternRow = typeof rosterPatterns.$inferSelect;
