import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/organizations.table.js';

/**
 * The parts of a unit's printed SOP (PermenPANRB 35/2012) that its workflow does not hold: number,
 * dates and the text sections. Lists are kept one item per line. Absent → sensible defaults.
 */
export const sopDocuments = pgTable('sop_documents', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  number: text('number'),
  madeOn: date('made_on'),
  revisedOn: date('revised_on'),
  effectiveOn: date('effective_on'),
  legalBasis: text('legal_basis').notNull().default(''),
  qualifications: text('qualifications').notNull().default(''),
  relatedSops: text('related_sops').notNull().default(''),
  equipment: text('equipment').notNull().default(''),
  warnings: text('warnings').notNull().default(''),
  records: text('records').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
export type SopDocumentRow = typeof sopDocuments.$inferSelect;
