import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clients } from '../clients/clients.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { sopStages, sopVersions } from '../sop/sop.table.js';

/** A Satpol PP raid or any group intake: shared source, place and time for many cases. */
export const intakeBatches = pgTable('intake_batches', {
  id: uuid('id').primaryKey().default(sql`uuid_v7()`),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id),
  source: text('source').notNull(),
  broughtByName: text('brought_by_name'),
  broughtByAgency: text('brought_by_agency'),
  letterNumber: text('letter_number'),
  foundLocation: text('found_location'),
  foundAt: timestamp('found_at', { withTimezone: true }),
  arrivedAt: timestamp('arrived_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
});

/**
 * One episode of service for a client, from arrival (the clock starts at `arrivedAt`) to termination.
 * A returning client gets a new case; earlier cases stay as history.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    caseNumber: text('case_number').notNull(),
    sopVersionId: uuid('sop_version_id')
      .notNull()
      .references(() => sopVersions.id),
    status: text('status').notNull().default('open'),
    source: text('source').notNull(),
    broughtByName: text('brought_by_name'),
    broughtByAgency: text('brought_by_agency'),
    letterNumber: text('letter_number'),
    foundLocation: text('found_location'),
    foundAt: timestamp('found_at', { withTimezone: true }),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }).notNull(),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    presentingProblem: text('presenting_problem'),
    batchId: uuid('batch_id').references(() => intakeBatches.id),
    assignedWorkerId: uuid('assigned_worker_id'),
    currentStageKey: text('current_stage_key'),
    targetMinutes: integer('target_minutes').notNull(),
    /** When the case passes its target, computed in working time at intake. */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    civilRegistration: text('civil_registration').notNull().default('unknown'),
    tracingStatus: text('tracing_status').notNull().default('not_started'),
    terminatedAt: timestamp('terminated_at', { withTimezone: true }),
    terminationOutcome: text('termination_outcome'),
    terminationNotes: text('termination_notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('cases_org_number_key').on(t.organizationId, t.caseNumber),
    index('cases_org_status_arrived_idx').on(t.organizationId, t.status, t.arrivedAt),
    // The worklists' filter, order and total (newest first, live cases) from the index alone.
    index('cases_worklist_idx')
      .on(t.organizationId, t.status, t.arrivedAt, t.id)
      .where(sql`deleted_at is null`),
    index('cases_client_idx').on(t.clientId),
    index('cases_assigned_idx').on(t.assignedWorkerId),
    index('cases_current_stage_idx').on(t.organizationId, t.currentStageKey),
    index('cases_categories_idx').using('gin', t.categories),
  ],
);
export type CaseRow = typeof cases.$inferSelect;

/** The case's copy of its SOP stages, with their state and times. */
export const caseStages = pgTable(
  'case_stages',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    sopStageId: uuid('sop_stage_id')
      .notNull()
      .references(() => sopStages.id),
    position: integer('position').notNull(),
    key: text('key').notNull(),
    standardMinutes: integer('standard_minutes').notNull(),
    status: text('status').notNull().default('pending'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    /** When the stage passes its standard time, computed in working time when it starts. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by'),
    responsibleRole: text('responsible_role').notNull(),
    skippable: boolean('skippable').notNull(),
    skipReason: text('skip_reason'),
    notes: text('notes'),
    /** When the staff were told this stage went past its standard time (each stage is told once). */
    overdueNotifiedAt: timestamp('overdue_notified_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('case_stages_case_position_key').on(t.caseId, t.position),
    // Deadlines are only ever looked up for stages in progress (overdue counts, overdue notices): a
    // partial index holds one entry per open case instead of one per stage row (12 per case), so an
    // intake writes 1 entry here instead of 12.
    index('case_stages_in_progress_due_idx')
      .on(t.dueAt)
      .where(sql`${t.status} = 'in_progress'`),
  ],
);
export type CaseStageRow = typeof caseStages.$inferSelect;

/**
 * The last running number given to an organization's cases per case-number prefix and year
 * (`PREFIX-YYYY-NNNN`). Incremented in the statement that inserts the case, so a rolled-back intake
 * gives its number back (no gaps) and the row lock that serializes an organization's numbering is
 * held only until that statement's transaction ends. A missing row starts from the highest number
 * already in `cases` (databases from before this table, data loaded in bulk).
 */
export const caseNumberCounters = pgTable(
  'case_number_counters',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    lastSequence: integer('last_sequence').notNull(),
  },
  (t) => [primaryKey({ name: 'case_number_counters_pkey', columns: [t.organizationId, t.prefix, t.year] })],
);
