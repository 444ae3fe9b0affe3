import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from '../cases/cases.table.js';
import { organizations } from '../organizations/organizations.table.js';

export const rooms = pgTable('rooms', {
  id: uuid('id').primaryKey().default(sql`uuid_v7()`),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id),
  name: text('name').notNull(),
  sex: text('sex').notNull().default('mixed'),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const beds = pgTable('beds', {
  id: uuid('id').primaryKey().default(sql`uuid_v7()`),
  roomId: uuid('room_id')
    .notNull()
    .references(() => rooms.id),
  label: text('label').notNull(),
  isActive: boolean('is_active').notNull().default(true),
});

/** A client's stay on a bed; at most one open stay per bed and per case (partial unique indexes). */
export const stays = pgTable(
  'stays',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    bedId: uuid('bed_id')
      .notNull()
      .references(() => beds.id),
    admittedAt: timestamp('admitted_at', { withTimezone: true }).notNull(),
    dischargedAt: timestamp('discharged_at', { withTimezone: true }),
    admittedBy: uuid('admitted_by'),
    dischargedBy: uuid('discharged_by'),
  },
  (t) => [
    uniqueIndex('stays_open_bed_key').on(t.bedId).where(sql`discharged_at is null`),
    uniqueIndex('stays_open_case_key').on(t.caseId).where(sql`discharged_at is null`),
    index('stays_org_idx').on(t.organizationId, t.dischargedAt),
  ],
);
