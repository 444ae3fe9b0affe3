import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from '../cases/cases.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { users } from '../users/users.table.js';

/**
 * A community complaint (aduan masyarakat) filed on the public form. The reporter's contact is
 * private: it is shown only to officers, never on the public status page.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    trackingCode: text('tracking_code').notNull(),
    description: text('description').notNull(),
    address: text('address').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    gpsAccuracyMeters: integer('gps_accuracy_meters'),
    seenAt: timestamp('seen_at', { withTimezone: true }),
    reporterName: text('reporter_name'),
    reporterPhone: text('reporter_phone'),
    reporterEmail: text('reporter_email'),
    photoStorageKey: text('photo_storage_key'),
    photoContentType: text('photo_content_type'),
    photoSizeBytes: integer('photo_size_bytes'),
    status: text('status').notNull().default('new'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    triagedAt: timestamp('triaged_at', { withTimezone: true }),
    triagedBy: uuid('triaged_by').references(() => users.id),
    dismissReason: text('dismiss_reason'),
    caseId: uuid('case_id').references(() => cases.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('complaints_tracking_code_key').on(t.trackingCode),
    index('complaints_org_status_idx').on(t.organizationId, t.status, t.receivedAt),
  ],
);
export type ComplaintRow = typeof complaints.$inferSelect;

/** Server-wide secrets kept in the database so several app servers agree (e.g. the challenge HMAC key). */
export const complaintSecrets = pgTable('complaint_secrets', {
  name: text('name').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
