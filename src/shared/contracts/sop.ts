import { z } from 'zod';
import { ROLES } from '../permissions.js';
import { SOP_RESPONSIBLE_ROLES } from '../workflow/default-sop.js';
import { workingCalendarSchema } from '../workflow/working-time.js';

export const sopStageInput = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, { message: 'validation.stage_key' }),
  nameId: z.string().trim().min(2).max(120),
  nameEn: z.string().trim().min(2).max(120),
  description: z.string().trim().max(1000).nullable().optional(),
  responsibleRole: z.enum(SOP_RESPONSIBLE_ROLES),
  standardMinutes: z.number().int().min(1).max(100_000),
  skippable: z.boolean(),
});

export const sopView = z.object({
  organizationId: z.uuid(),
  version: z.number().int(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  totalMinutes: z.number().int(),
  // Read as stored: a version saved before stages were limited to the casework roles still shows.
  stages: z.array(sopStageInput.extend({ id: z.uuid(), position: z.number().int(), responsibleRole: z.enum(ROLES) })),
});
export type SopView = z.infer<typeof sopView>;

export const publishSopBody = z
  .object({ name: z.string().trim().min(3).max(160), stages: z.array(sopStageInput).min(1).max(40) })
  .refine((b) => new Set(b.stages.map((s) => s.key)).size === b.stages.length, {
    message: 'validation.stage_keys_unique',
    path: ['stages'],
  });

export const organizationQuery = z.object({ organizationId: z.uuid() });

export const serviceSettingsView = z.object({
  organizationId: z.uuid(),
  calendar: workingCalendarSchema,
  targetWorkingDays: z.number(),
  targetMinutes: z.number().int(),
  maxStayDays: z.number().int(),
  stayWarningDays: z.number().int(),
  caseNumberPrefix: z.string(),
  holidays: z.array(z.object({ date: z.iso.date(), name: z.string() })),
});

export const updateServiceSettingsBody = z.object({
  timeZone: z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']).optional(),
  alwaysOn: z.boolean().optional(),
  workingHours: workingCalendarSchema.shape.workingHours.optional(),
  targetWorkingDays: z.number().min(0.5).max(30).optional(),
  maxStayDays: z.number().int().min(1).max(365).optional(),
  stayWarningDays: z.number().int().min(0).max(30).optional(),
  caseNumberPrefix: z.string().trim().regex(/^[A-Z0-9.-]{1,12}$/, { message: 'validation.case_number_prefix' }).optional(),
  holidays: z.array(z.object({ date: z.iso.date(), name: z.string().trim().min(1).max(120) })).max(200).optional(),
});
