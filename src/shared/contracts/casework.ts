/**
 * What each stage of a case records (health check, identity documents, family tracing, SPM services,
 * reunification, follow-ups, belongings): request bodies and views, shared by the server and the web.
 * Labels of the coded values are in i18n under `enums.<name>.<code>`.
 */
import { z } from 'zod';
import {
  CIVIL_REGISTRATION,
  FOLLOW_UP_CHANNELS,
  IDENTITY_DOCUMENT_STATUSES,
  IDENTITY_DOCUMENT_TYPES,
  INSURANCE_TYPES,
  MENTAL_STATES,
  REUNIFICATION_DESTINATIONS,
  SPM_SERVICES,
  TRACING_CHANNELS,
  TRACING_RESULTS,
  TRACING_STATUSES,
} from '../domain/enums.js';

const text = (max = 500) => z.string().trim().max(max);
const optionalText = (max = 500) => text(max).optional().nullable();
const requiredText = (max = 500) => text(max).min(1, { message: 'validation.required' });
/** A moment with its offset, e.g. `2026-05-11T09:30:00+07:00`. */
const moment = () => z.iso.datetime({ offset: true });
const regionCode = z.string().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, { message: 'validation.region_code' });

export const caseRecordParams = z.object({ caseId: z.uuid(), id: z.uuid() });

// ---------------------------------------------------------------------------------------------
// Health check (initial identification): health data is specific personal data (UU 27/2022).

export const createHealthCheckBody = z.object({
  checkedAt: moment().optional().describe('When the check was done; now when left out'),
  bloodPressure: z
    .string()
    .trim()
    .regex(/^\d{2,3}\/\d{2,3}$/, { message: 'validation.blood_pressure' })
    .optional()
    .nullable()
    .describe('Systolic/diastolic in mmHg, e.g. 120/80'),
  pulse: z.number().int().min(20).max(250).optional().nullable().describe('Beats per minute'),
  temperature: z.number().min(30).max(45).optional().nullable().describe('Body temperature in °C'),
  respiration: z.number().int().min(4).max(80).optional().nullable().describe('Breaths per minute'),
  weightKg: z.number().min(1).max(300).optional().nullable(),
  visibleConditions: optionalText(2000).describe('Wounds, skin disease, disability, hygiene…'),
  mentalState: z.enum(MENTAL_STATES).optional().nullable(),
  suspectedPsychosis: z.boolean().optional().describe('Also set when mentalState is suspected_psychosis'),
  referredTo: optionalText(200).describe('Puskesmas, hospital or RSJ the client was referred to'),
  insuranceType: z.enum(INSURANCE_TYPES).optional().nullable().describe('BPJS (PBI / non-PBI) or KIS membership'),
  insuranceNumber: z
    .string()
    .trim()
    .regex(/^\d{8,16}$/, { message: 'validation.insurance_number' })
    .optional()
    .nullable(),
  notes: optionalText(2000),
}).refine(
  // A check with nothing found is not a record: at least one measurement, finding, referral or note.
  (b) =>
    [b.bloodPressure, b.pulse, b.temperature, b.respiration, b.weightKg, b.visibleConditions, b.mentalState, b.referredTo, b.insuranceType, b.insuranceNumber, b.notes].some(
      (v) => v !== undefined && v !== null && v !== '',
    ) || b.suspectedPsychosis === true,
  { message: 'validation.health_check_empty', path: ['notes'] },
);
export type CreateHealthCheckBody = z.infer<typeof createHealthCheckBody>;

export const healthCheckView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  checkedAt: z.iso.datetime(),
  bloodPressure: z.string().nullable(),
  pulse: z.number().int().nullable(),
  temperature: z.number().nullable(),
  respiration: z.number().int().nullable(),
  weightKg: z.number().nullable(),
  visibleConditions: z.string().nullable(),
  mentalState: z.enum(MENTAL_STATES).nullable(),
  suspectedPsychosis: z.boolean(),
  referredTo: z.string().nullable(),
  insuranceType: z.enum(INSURANCE_TYPES).nullable(),
  insuranceNumber: z.string().nullable(),
  notes: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type HealthCheckView = z.infer<typeof healthCheckView>;

// ---------------------------------------------------------------------------------------------
// Identity documents (requests to Dukcapil)

export const createIdentityDocumentBody = z.object({
  documentType: z.enum(IDENTITY_DOCUMENT_TYPES),
  preparedAt: moment().optional().describe('When the request file was prepared; now when left out'),
  notes: optionalText(2000),
});
export type CreateIdentityDocumentBody = z.infer<typeof createIdentityDocumentBody>;

export const identityDocumentTransitionBody = z.object({
  to: z.enum(IDENTITY_DOCUMENT_STATUSES).describe('prepared → submitted → recorded → issued, or refused from any non-final status'),
  at: moment().optional().describe('When it happened; now when left out'),
  documentNumber: optionalText(40).describe('The number on the document (16 digits for NIK, KTP-el and KK)'),
  refusalReason: optionalText(1000).describe('Required when refused'),
});
export type IdentityDocumentTransitionBody = z.infer<typeof identityDocumentTransitionBody>;

export const identityDocumentView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  documentType: z.enum(IDENTITY_DOCUMENT_TYPES),
  status: z.enum(IDENTITY_DOCUMENT_STATUSES),
  preparedAt: z.iso.datetime(),
  submittedAt: z.iso.datetime().nullable(),
  recordedAt: z.iso.datetime().nullable(),
  issuedAt: z.iso.datetime().nullable(),
  refusedAt: z.iso.datetime().nullable(),
  refusalReason: z.string().nullable(),
  documentNumber: z.string().nullable(),
  notes: z.string().nullable(),
  allowedTransitions: z.array(z.enum(IDENTITY_DOCUMENT_STATUSES)).describe('Where the request may go next'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type IdentityDocumentView = z.infer<typeof identityDocumentView>;

// ---------------------------------------------------------------------------------------------
// Family tracing

export const createTracingAttemptBody = z.object({
  attemptedAt: moment().optional().describe('When the attempt was made; now when left out'),
  channel: z.enum(TRACING_CHANNELS),
  byName: optionalText(160).describe('Who made the attempt (officer, TKSK, police…)'),
  result: z.enum(TRACING_RESULTS),
  notes: optionalText(2000),
});
export type CreateTracingAttemptBody = z.infer<typeof createTracingAttemptBody>;

export const closeTracingBody = z.object({}).describe('No fields: closing says every channel was tried without finding the family');

export const tracingAttemptView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  attemptedAt: z.iso.datetime(),
  channel: z.enum(TRACING_CHANNELS),
  byName: z.string().nullable(),
  result: z.enum(TRACING_RESULTS),
  notes: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type TracingAttemptView = z.infer<typeof tracingAttemptView>;

export const tracingView = z.object({
  status: z.enum(TRACING_STATUSES),
  attempts: z.array(tracingAttemptView).describe('Newest first'),
});
export type TracingView = z.infer<typeof tracingView>;

export const tracingAttemptResult = z.object({ attempt: tracingAttemptView, tracingStatus: z.enum(TRACING_STATUSES) });

// ---------------------------------------------------------------------------------------------
// Rehabilitation services (the 11 SPM services, Permensos 9/2018)

export const createServiceBody = z.object({
  service: z.enum(SPM_SERVICES),
  serviceDate: z.iso.date(),
  quantity: z.number().int().min(1).max(1000).default(1).describe('Portions, pieces, sessions…'),
  notes: optionalText(1000),
});
export type CreateServiceBody = z.infer<typeof createServiceBody>;

export const serviceView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  service: z.enum(SPM_SERVICES),
  serviceDate: z.iso.date(),
  quantity: z.number().int(),
  notes: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type ServiceView = z.infer<typeof serviceView>;

export const serviceTotal = z.object({
  service: z.enum(SPM_SERVICES),
  quantity: z.number().int().describe('Sum of quantities'),
  days: z.number().int().describe('Distinct days on which the service was given'),
  firstDate: z.iso.date(),
  lastDate: z.iso.date(),
});
export type ServiceTotal = z.infer<typeof serviceTotal>;

export const servicesView = z.object({
  items: z.array(serviceView).describe('Newest day first'),
  totals: z.array(serviceTotal).describe('One row per service given, in the order of the SPM list'),
});
export type ServicesView = z.infer<typeof servicesView>;

// ---------------------------------------------------------------------------------------------
// Reunification / return home

export const reunificationBody = z.object({
  destinationType: z.enum(REUNIFICATION_DESTINATIONS),
  destinationName: requiredText(200).describe("The family's name, the home district's Dinas Sosial, or the institution"),
  destinationAddress: optionalText(300),
  destinationRegionCode: regionCode.optional().nullable(),
  travelMode: optionalText(120).describe('Escorted by car, bus ticket, train…'),
  travelCost: z.number().int().min(0).max(1_000_000_000).optional().nullable().describe('In rupiah'),
  receivedByName: requiredText(160).describe('The person who received the client'),
  receivedByRelation: optionalText(120).describe('Relation to the client, or position at the receiving office'),
  receivedByIdNumber: optionalText(40).describe('NIK or NIP of the person who received the client'),
  handedOverAt: moment(),
  handoverNumber: optionalText(80).describe('Number of the handover record (berita acara)'),
  notes: optionalText(2000),
});
export type ReunificationBody = z.infer<typeof reunificationBody>;

export const reunificationView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  destinationType: z.enum(REUNIFICATION_DESTINATIONS),
  destinationName: z.string(),
  destinationAddress: z.string().nullable(),
  destinationRegionCode: z.string().nullable(),
  travelMode: z.string().nullable(),
  travelCost: z.number().int().nullable(),
  receivedByName: z.string(),
  receivedByRelation: z.string().nullable(),
  receivedByIdNumber: z.string().nullable(),
  handedOverAt: z.iso.datetime(),
  handoverNumber: z.string().nullable(),
  notes: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type ReunificationView = z.infer<typeof reunificationView>;

export const handoverPdfQuery = z.object({
  lang: z.enum(['id', 'en']).default('id').describe('Indonesian (the official text) or an English working copy'),
});

// ---------------------------------------------------------------------------------------------
// Monitoring & evaluation follow-ups

export const scheduleFollowUpBody = z.object({
  dueDate: z.iso.date(),
  notes: optionalText(1000),
});
export type ScheduleFollowUpBody = z.infer<typeof scheduleFollowUpBody>;

export const followUpDoneBody = z.object({
  doneAt: moment().optional().describe('When the follow-up was done; now when left out'),
  channel: z.enum(FOLLOW_UP_CHANNELS),
  situation: requiredText(2000).describe("The client's situation as found"),
  notes: optionalText(2000),
});
export type FollowUpDoneBody = z.infer<typeof followUpDoneBody>;

export const followUpView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  dueDate: z.iso.date(),
  doneAt: z.iso.datetime().nullable(),
  channel: z.enum(FOLLOW_UP_CHANNELS).nullable(),
  situation: z.string().nullable(),
  notes: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type FollowUpView = z.infer<typeof followUpView>;

export const dueFollowUpsQuery = z.object({
  days: z.coerce.number().int().min(0).max(90).default(7).describe('Include follow-ups due within this many days from today'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const dueFollowUpView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  clientName: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  dueDate: z.iso.date(),
  notes: z.string().nullable(),
  isOverdue: z.boolean().describe('Due before today (in the organization’s time zone)'),
});
export type DueFollowUpView = z.infer<typeof dueFollowUpView>;

// ---------------------------------------------------------------------------------------------
// Belongings deposited at intake

export const depositBelongingBody = z.object({
  description: requiredText(300),
  quantity: z.number().int().min(1).max(10_000).default(1),
  depositedAt: moment().optional().describe('Now when left out'),
});
export type DepositBelongingBody = z.infer<typeof depositBelongingBody>;

export const returnBelongingBody = z.object({
  returnedTo: requiredText(160).describe('Who received the item back (the client, a family member…)'),
  returnedAt: moment().optional().describe('Now when left out'),
});
export type ReturnBelongingBody = z.infer<typeof returnBelongingBody>;

export const belongingView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  description: z.string(),
  quantity: z.number().int(),
  depositedAt: z.iso.datetime(),
  returnedAt: z.iso.datetime().nullable(),
  returnedTo: z.string().nullable(),
  recordedByName: z.string().nullable(),
});
export type BelongingView = z.infer<typeof belongingView>;

// ---------------------------------------------------------------------------------------------
// Everything recorded for a case, for the case page

export const caseRecordsView = z.object({
  caseId: z.uuid(),
  civilRegistration: z.enum(CIVIL_REGISTRATION),
  healthChecks: z.array(healthCheckView).describe('Newest first'),
  identityDocuments: z.array(identityDocumentView),
  tracing: tracingView,
  services: servicesView,
  reunification: reunificationView.nullable(),
  followUps: z.array(followUpView).describe('By due date'),
  belongings: z.array(belongingView),
});
export type CaseRecordsView = z.infer<typeof caseRecordsView>;
