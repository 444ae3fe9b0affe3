import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AssessmentFinding, AssessmentReportSnapshot } from '../../../shared/contracts/assessment-reports.js';
import { cases } from '../cases/cases.table.js';
import { organizations } from '../organizations/organizations.table.js';

/**
 * The assessment report (Laporan Hasil Asesmen / Laporan Sosial) of a case: generated from the latest
 * submitted psychosocial assessment, edited while a draft, submitted, then approved by the head (who
 * gets it a letter number) or returned with a note. At approval the printed facts are frozen in
 * `snapshot`, so the official document never changes afterwards.
 */
export const assessmentReports = pgTable(
  'assessment_reports',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** 'draft' | 'submitted' | 'approved' | 'returned'. */
    status: text('status').notNull().default('draft'),
    /** The submitted form response the findings came from. */
    sourceResponseId: uuid('source_response_id'),
    nature: text('nature').notNull(),
    attachmentsNote: text('attachments_note').notNull(),
    subject: text('subject').notNull(),
    addressee: text('addressee'),
    findings: jsonb('findings').$type<AssessmentFinding[]>().notNull().default(sql`'[]'::jsonb`),
    analysis: text('analysis').notNull().default(''),
    recommendation: text('recommendation').notNull().default(''),
    letterNumber: text('letter_number'),
    letterYear: integer('letter_year'),
    letterSeq: integer('letter_seq'),
    letterDate: timestamp('letter_date', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    returnNote: text('return_note'),
    snapshot: jsonb('snapshot').$type<AssessmentReportSnapshot>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [index('assessment_reports_case_idx').on(t.caseId, t.createdAt), index('assessment_reports_org_status_idx').on(t.organizationId, t.status)],
);
export type AssessmentReportRow = typeof assessmentReports.$inferSelect;
