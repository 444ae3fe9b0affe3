import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { InstitutionContact } from '../../../shared/contracts/institutions.js';
import { organizations } from '../organizations/organizations.table.js';

/**
 * The directory profile of a referral institution (a partner organization, or another district's
 * Dinas Sosial): what it offers, whom it accepts, and the availability it shares itself.
 * Name, type, address and contact numbers of the office stay on the organization row.
 */
export const institutionProfiles = pgTable(
  'institution_profiles',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id),
    /** SPM service codes (Permensos 9/2018) the institution provides. */
    services: text('services').array().notNull().default(sql`'{}'::text[]`),
    /** Services in the institution's own words (e.g. "rehabilitasi sosial ODGJ, 6 bulan"). */
    servicesNote: text('services_note'),
    /** PPKS category codes it accepts. */
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    capacity: integer('capacity'),
    /** Places free now, as shared by the institution itself; null when not shared. */
    availablePlaces: integer('available_places'),
    availabilityNote: text('availability_note'),
    availabilityUpdatedAt: timestamp('availability_updated_at', { withTimezone: true }),
    contacts: jsonb('contacts').$type<InstitutionContact[]>().notNull().default(sql`'[]'::jsonb`),
    website: text('website'),
    /** Stable key of a built-in example institution, so seeding is idempotent. */
    seedKey: text('seed_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [uniqueIndex('institution_profiles_seed_key').on(t.seedKey)],
);
export type InstitutionProfileRow = typeof institutionProfiles.$inferSelect;
