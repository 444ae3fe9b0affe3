import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases } from '../cases/cases.table.js';

const caseRef = () =>
  uuid('case_id')
    .notNull()
    .references(() => cases.id);
const id = () => uuid('id').primaryKey().default(sql`uuid_v7()`);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Initial identification and health check (health data: specific personal data under UU 27/2022). */
export const healthChecks = pgTable(
  'health_checks',
  {
    id: id(),
    caseId: caseRef(),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    bloodPressure: text('blood_pressure'),
    pulse: integer('pulse'),
    temperature: numeric('temperature', { precision: 4, scale: 1 }),
    respiration: integer('respiration'),
    weightKg: numeric('weight_kg', { precision: 5, scale: 1 }),
    visibleConditions: text('visible_conditions'),
    mentalState: text('mental_state'),
    suspectedPsychosis: boolean('suspected_psychosis').notNull().default(false),
    referredTo: text('referred_to'),
    insuranceType: text('insurance_type'),
    insuranceNumber: text('insurance_number'),
    notes: text('notes'),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [index('health_checks_case_idx').on(t.caseId)],
);

/** A request to Dukcapil for an identity document (NIK, KTP-el recording, KK, birth certificate). */
export const identityDocumentRequests = pgTable(
  'identity_document_requests',
  {
    id: id(),
    caseId: caseRef(),
    documentType: text('document_type').notNull(),
    status: text('status').notNull().default('prepared'),
    preparedAt: timestamp('prepared_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    refusedAt: timestamp('refused_at', { withTimezone: true }),
    refusalReason: text('refusal_reason'),
    documentNumber: text('document_number'),
    notes: text('notes'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('identity_docs_case_idx').on(t.caseId), index('identity_docs_status_idx').on(t.status)],
);

/** One attempt to find the client's family. */
export const tracingAttempts = pgTable(
  'tracing_attempts',
  {
    id: id(),
    caseId: caseRef(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull(),
    channel: text('channel').notNull(),
    byName: text('by_name'),
    result: text('result').notNull(),
    notes: text('notes'),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [index('tracing_attempts_case_idx').on(t.caseId)],
);

/** A service given in the shelter, counted for the minimum service standard (SPM, 11 services). */
export const rehabilitationServices = pgTable(
  'rehabilitation_services',
  {
    id: id(),
    caseId: caseRef(),
    service: text('service').notNull(),
    serviceDate: date('service_date').notNull(),
    quantity: integer('quantity').notNull().default(1),
    notes: text('notes'),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [index('rehab_services_case_idx').on(t.caseId), index('rehab_services_date_idx').on(t.serviceDate)],
);

/** Reunification / return home, with the handover record (berita acara serah terima). */
export const reunifications = pgTable(
  'reunifications',
  {
    id: id(),
    caseId: caseRef(),
    destinationType: text('destination_type').notNull(),
    destinationName: text('destination_name').notNull(),
    destinationAddress: text('destination_address'),
    destinationRegionCode: text('destination_region_code'),
    travelMode: text('travel_mode'),
    travelCost: numeric('travel_cost', { precision: 12, scale: 0 }),
    receivedByName: text('received_by_name').notNull(),
    receivedByRelation: text('received_by_relation'),
    receivedByIdNumber: text('received_by_id_number'),
    handedOverAt: timestamp('handed_over_at', { withTimezone: true }).notNull(),
    handoverNumber: text('handover_number'),
    notes: text('notes'),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [index('reunifications_case_idx').on(t.caseId)],
);

/** A scheduled follow-up after return (monitoring & evaluation). */
export const followUps = pgTable(
  'follow_ups',
  {
    id: id(),
    caseId: caseRef(),
    dueDate: date('due_date').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    channel: text('channel'),
    situation: text('situation'),
    notes: text('notes'),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [index('follow_ups_case_idx').on(t.caseId), index('follow_ups_due_idx').on(t.dueDate)],
);

/** Belongings deposited at intake, and their return at discharge. */
export const belongings = pgTable(
  'belongings',
  {
    id: id(),
    caseId: caseRef(),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull().default(1),
    depositedAt: timestamp('deposited_at', { withTimezone: true }).notNull().defaultNow(),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnedTo: text('returned_to'),
    recordedBy: uuid('recorded_by'),
  },
  (t) => [index('belongings_case_idx').on(t.caseId)],
);
