import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LetterKind, LetterNumberPattern } from '../../../shared/contracts/letters.js';
import { organizations } from '../organizations/organizations.table.js';

/**
 * An organization's letterhead (kop surat) and numbering patterns. Any empty line falls back to the
 * parent organization's settings, then to what Singgah derives from the organization and its region.
 * Patterns are configuration, hence JSON.
 */
export const letterSettings = pgTable('letter_settings', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  governmentLine: text('government_line'),
  officeName: text('office_name'),
  unitName: text('unit_name'),
  address: text('address'),
  phone: text('phone'),
  email: text('email'),
  website: text('website'),
  postalCode: text('postal_code'),
  placeName: text('place_name'),
  headPosition: text('head_position'),
  headRank: text('head_rank'),
  /** The emblem/logo: a small PNG or JPEG, base64 (at most a few hundred KB, so it lives in the row). */
  logoMimeType: text('logo_mime_type'),
  logoBase64: text('logo_base64'),
  patterns: jsonb('patterns').$type<Partial<Record<LetterKind, LetterNumberPattern>>>().notNull().default(sql`'{}'::jsonb`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
export type LetterSettingsRow = typeof letterSettings.$inferSelect;

/**
 * The running number of each kind of letter per organization and year. Allocation locks the row
 * (`select … for update`) inside the caller's transaction, so numbers never repeat, and a rolled-back
 * letter gives its number back (no gaps in the register).
 */
export const letterCounters = pgTable(
  'letter_counters',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.kind, t.year] })],
);
