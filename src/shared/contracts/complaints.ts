import { z } from 'zod';

/** Where a complaint stands: new → dismissed (with a reason) or handled (turned into an intake). */
export const COMPLAINT_STATUSES = ['new', 'dismissed', 'handled'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Tracking codes: `ADU-` and 6 characters without look-alikes (no 0/O, 1/I/L). */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const trackingCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^ADU-[2-9A-HJKMNP-Z]{6}$/, { message: 'validation.tracking_code_format' });

const optionalText = (max: number) => z.string().trim().max(max).optional().nullable();

export const complaintChallenge = z.object({
  question: z.string().describe('A small sum to answer, e.g. `7 + 5`'),
  token: z.string().describe('Send back with the answer; signed, valid for a limited time'),
});
export type ComplaintChallenge = z.infer<typeof complaintChallenge>;

export const publicUnit = z.object({ id: z.uuid(), name: z.string() });
export type PublicUnit = z.infer<typeof publicUnit>;

export const createComplaintBody = z.object({
  organizationId: z.uuid().describe('The shelter unit the complaint goes to'),
  description: z.string().trim().min(10).max(2000).describe('What was seen: the person, their condition'),
  address: z.string().trim().min(5).max(300).describe('Where: street, landmark, village'),
  latitude: z.number().min(-90).max(90).optional().nullable(),
  longitude: z.number().min(-180).max(180).optional().nullable(),
  gpsAccuracyMeters: z.number().int().min(0).max(100_000).optional().nullable(),
  seenAt: z.iso.datetime({ offset: true }).optional().nullable(),
  reporterName: optionalText(120),
  reporterPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 -]{6,20}$/, { message: 'validation.phone_format' })
    .optional()
    .nullable()
    .or(z.literal('')),
  reporterEmail: z.email().max(200).optional().nullable().or(z.literal('')),
  challengeToken: z.string().min(10).max(500),
  challengeAnswer: z.string().trim().max(10),
  website: z.string().max(200).optional().describe('Leave empty (a field people do not see; bots fill it in)'),
});
export type CreateComplaintBody = z.infer<typeof createComplaintBody>;

export const createdComplaint = z.object({
  trackingCode: z.string(),
  photoToken: z.string().describe('Lets this reporter add one photo within 30 minutes (POST …/photo)'),
});
export type CreatedComplaint = z.infer<typeof createdComplaint>;

/** What anyone with the tracking code may see: no description, place or contact. */
export const publicComplaintStatus = z.object({
  trackingCode: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  receivedAt: z.iso.datetime(),
  triagedAt: z.iso.datetime().nullable(),
  unitName: z.string(),
});
export type PublicComplaintStatus = z.infer<typeof publicComplaintStatus>;

export const complaintView = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  trackingCode: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  description: z.string(),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  gpsAccuracyMeters: z.number().nullable(),
  seenAt: z.iso.datetime().nullable(),
  reporterName: z.string().nullable(),
  reporterPhone: z.string().nullable(),
  reporterEmail: z.string().nullable(),
  hasPhoto: z.boolean(),
  receivedAt: z.iso.datetime(),
  triagedAt: z.iso.datetime().nullable(),
  triagedByName: z.string().nullable(),
  dismissReason: z.string().nullable(),
  caseId: z.uuid().nullable(),
  responseMinutes: z.number().nullable().describe('Received → first triage, in minutes (null while new)'),
});
export type ComplaintView = z.infer<typeof complaintView>;

export const listComplaintsQuery = z.object({
  organizationId: z.uuid().optional(),
  status: z.enum(COMPLAINT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const complaintList = z.object({
  items: z.array(complaintView),
  total: z.number().int(),
  averageResponseMinutes: z.number().nullable().describe('Average received → first triage over the last 30 days'),
});
export type ComplaintList = z.infer<typeof complaintList>;

export const dismissComplaintBody = z.object({ reason: z.string().trim().min(3).max(500) });
export const linkCaseBody = z.object({ caseId: z.uuid() });
export const complaintParams = z.object({ id: z.uuid() });
export const trackingParams = z.object({ code: trackingCode });
