import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases } from '../cases/cases.table.js';
import { clients } from '../clients/clients.table.js';
import { organizations } from '../organizations/organizations.table.js';

/**
 * A referral (rujukan) of a case's client to an institution: a record both sides work on, from the
 * draft written at the shelter to the institution's answer, the handover and completion.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    /** The organization of the case (the sending side). */
    fromOrganizationId: uuid('from_organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The institution (a partner, or another district's Dinas Sosial). */
    toOrganizationId: uuid('to_organization_id')
      .notNull()
      .references(() => organizations.id),
    status: text('status').notNull().default('draft'),
    reason: text('reason').notNull(),
    services: text('services').array().notNull().default(sql`'{}'::text[]`),
    servicesNote: text('services_note'),
    urgency: text('urgency').notNull().default('routine'),
    /** Attachments of the case shared with the institution (assessment report, identity, health notes). */
    documentIds: uuid('document_ids').array().notNull().default(sql`'{}'::uuid[]`),
    consent: text('consent').notNull(),
    /** Why the referral is lawful without the client's consent (required unless consent was given). */
    legalBasis: text('legal_basis'),
    letterNumber: text('letter_number'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    handedOverAt: timestamp('handed_over_at', { withTimezone: true }),
    receivedByName: text('received_by_name'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    /** Between districts: the case opened for the client at the receiving Dinas Sosial. */
    receivingCaseId: uuid('receiving_case_id').references(() => cases.id),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('referrals_case_idx').on(t.caseId),
    index('referrals_from_status_idx').on(t.fromOrganizationId, t.status),
    index('referrals_to_status_idx').on(t.toOrganizationId, t.status),
  ],
);
export type ReferralRow = typeof referrals.$inferSelect;

/**
 * The shared thread of a referral: every state change, message and progress note, in order, with
 * who wrote it and from which side. Both sides read the same rows.
 */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    body: text('body'),
    authorUserId: uuid('author_user_id'),
    authorOrganizationId: uuid('author_organization_id').references(() => organizations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('referral_events_referral_idx').on(t.referralId, t.createdAt)],
);
export type ReferralEventRow = typeof referralEvents.$inferSelect;

/** A file posted in a referral's thread; the bytes live in the attachments storage (UPLOAD_DIR). */
export const referralFiles = pgTable(
  'referral_files',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => referralEvents.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('referral_files_referral_idx').on(t.referralId)],
);
