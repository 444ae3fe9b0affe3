import { boolean, doublePrecision, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/organizations.table.js';

/**
 * What a shelter unit tells the public on its page /layanan/<slug>: one row per unit, edited by its
 * administrator. Address, phone and e-mail come from the organization itself.
 */
export const publicProfiles = pgTable(
  'public_profiles',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id),
    slug: text('slug').notNull(),
    description: text('description').notNull(),
    servesWhom: text('serves_whom'),
    requirements: text('requirements'),
    handoverInstructions: text('handover_instructions'),
    dutyPhone: text('duty_phone'),
    whatsapp: text('whatsapp'),
    openingHours: text('opening_hours'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    isPublished: boolean('is_published').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [uniqueIndex('public_profiles_slug_key').on(t.slug)],
);
export type PublicProfileRow = typeof publicProfiles.$inferSelect;
