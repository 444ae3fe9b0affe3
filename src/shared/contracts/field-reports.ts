/**
 * Field reports: a social pillar or Satpol PP officer reports a person in need from the field (photo,
 * location, description, category). The report waits at the shelter as a pending intake; the
 * submitter follows only what happened to the people they reported.
 */
import { z } from 'zod';
import { CASE_STATUSES, SEXES } from '../domain/enums.js';
import { CATEGORY_CODES } from '../domain/ppks.js';
import { pagingQuery } from './common.js';

export const FIELD_REPORT_STATUSES = ['pending', 'accepted', 'declined'] as const;

/** The text fields of the multipart submission (the photo is the file part `photo`). */
export const submitFieldReportFields = z.object({
  description: z.string().trim().min(5).max(2000),
  categories: z
    .preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(z.enum(CATEGORY_CODES)).min(1).max(10))
    .describe('Comma-separated category codes'),
  personName: z.string().trim().max(160).optional(),
  sex: z.enum(SEXES).default('unknown'),
  estimatedAge: z.coerce.number().int().min(0).max(120).optional(),
  latitude: z.coerce.number().min(-90).max(90).optional(),
  longitude: z.coerce.number().min(-180).max(180).optional(),
  locationText: z.string().trim().max(300).optional(),
  foundAt: z.iso.datetime({ offset: true }).optional(),
});
export type SubmitFieldReportFields = z.infer<typeof submitFieldReportFields>;

/** What the submitter sees of their own report: its outcome, never the case record. */
export const ownFieldReportView = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  description: z.string(),
  categories: z.array(z.string()),
  locationText: z.string().nullable(),
  status: z.enum(FIELD_REPORT_STATUSES),
  declineReason: z.string().nullable(),
  organizationName: z.string(),
  caseStatus: z.enum(CASE_STATUSES).nullable(),
  caseStageKey: z.string().nullable(),
  caseOutcome: z.string().nullable(),
});
export type OwnFieldReportView = z.infer<typeof ownFieldReportView>;

/** What the shelter sees of a pending or reviewed report. */
export const fieldReportView = ownFieldReportView.extend({
  organizationId: z.uuid(),
  personName: z.string().nullable(),
  sex: z.enum(SEXES),
  estimatedAge: z.number().int().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  foundAt: z.iso.datetime(),
  submittedByName: z.string().nullable(),
  submitterOrganizationName: z.string().nullable(),
  photoUrl: z.string().nullable(),
  caseId: z.uuid().nullable(),
});
export type FieldReportView = z.infer<typeof fieldReportView>;

export const listFieldReportsQuery = pagingQuery.extend({ status: z.enum(FIELD_REPORT_STATUSES).default('pending') });
export const declineFieldReportBody = z.object({ reason: z.string().trim().min(3).max(1000) });
export const acceptFieldReportBody = z.object({
  /** When the person arrived at the shelter (defaults to now). */
  arrivedAt: z.iso.datetime({ offset: true }).optional(),
});
