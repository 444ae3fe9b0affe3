import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases } from '../cases/cases.table.js';
import { organizations } from '../organizations/organizations.table.js';

/**
 * A person reported from the field by a social pillar (TKSK, PSM, pendamping PKH) or a Satpol PP
 * officer: a photo, where, what and which category. It waits at the shelter as a pending intake
 * until staff open a case for it (or decline it); the submitter follows only its outcome.
 */
export const fieldReports = pgTable(
  'field_reports',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    /** The shelter (unit or Dinas Sosial) that receives the report. */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    submittedBy: uuid('submitted_by').notNull(),
    submitterOrganizationId: uuid('submitter_organization_id')
      .notNull()
      .references(() => organizations.id),
    description: text('description').notNull(),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    personName: text('person_name'),
    sex: text('sex').notNull().default('unknown'),
    estimatedAge: integer('estimated_age'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    locationText: text('location_text'),
    foundAt: timestamp('found_at', { withTimezone: true }).notNull(),
    photoStorageKey: text('photo_storage_key'),
    photoMimeType: text('photo_mime_type'),
    photoSizeBytes: integer('photo_size_bytes'),
    status: text('status').notNull().default('pending'),
    caseId: uuid('case_id').references(() => cases.id),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('field_reports_org_status_idx').on(t.organizationId, t.status), index('field_reports_submitter_idx').on(t.submittedBy)],
);
export type FieldReportRow = typeof fieldReports.$inferSelect;
