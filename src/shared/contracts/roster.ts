import { z } from 'zod';

/** Wall-clock time `HH:MM` (00:00–23:59) in the organization's time zone. */
export const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.clock_time' });
const isoDate = z.iso.date();
const note = z.string().trim().max(120).optional().nullable();

export const shiftView = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  shiftDate: z.string().describe('Local date the shift starts on (YYYY-MM-DD)'),
  startTime: z.string(),
  endTime: z.string().describe('An end at or before the start means the shift ends the next day (night shift)'),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  crossesMidnight: z.boolean(),
  officerUserId: z.uuid(),
  officerName: z.string(),
  roleNote: z.string().nullable(),
  patternId: z.uuid().nullable(),
  handoverNote: z.string().nullable(),
  handoverAt: z.iso.datetime().nullable(),
});
export type ShiftView = z.infer<typeof shiftView>;

export const onDutyOfficerView = z.object({
  shiftId: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  phone: z.string().nullable(),
  roleNote: z.string().nullable(),
  startTime: z.string(),
  endTime: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
});
export type OnDutyOfficerView = z.infer<typeof onDutyOfficerView>;

export const onDutyView = z.object({
  organizationId: z.uuid(),
  timeZone: z.string(),
  at: z.iso.datetime(),
  officers: z.array(onDutyOfficerView),
  lastHandover: z
    .object({ note: z.string(), at: z.iso.datetime().nullable(), officerName: z.string(), shiftId: z.uuid() })
    .nullable()
    .describe('The latest handover note written by an officer at the end of a shift'),
});
export type OnDutyView = z.infer<typeof onDutyView>;

export const rosterQuery = z.object({
  organizationId: z.uuid().optional().describe("The shelter unit; the user's own organization when left out"),
  from: isoDate.describe('First local date (inclusive)'),
  to: isoDate.describe('Last local date (inclusive); at most 62 days after `from`'),
});

export const onDutyQuery = z.object({
  organizationId: z.uuid().optional(),
});

export const rosterView = z.object({
  organizationId: z.uuid(),
  timeZone: z.string(),
  shifts: z.array(shiftView),
  officers: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string() })).describe('Staff who can be rostered'),
});
export type RosterView = z.infer<typeof rosterView>;

export const createShiftBody = z.object({
  organizationId: z.uuid(),
  shiftDate: isoDate,
  startTime: clockTime,
  endTime: clockTime,
  officerUserId: z.uuid(),
  roleNote: note,
});
export type CreateShiftBody = z.infer<typeof createShiftBody>;

export const swapShiftBody = z
  .object({
    withShiftId: z.uuid().optional().describe("Exchange officers with this shift (the other officer takes this shift and vice versa)"),
    toUserId: z.uuid().optional().describe('Hand this shift over to another officer'),
    reason: z.string().trim().min(3).max(300),
  })
  .refine((b) => Boolean(b.withShiftId) !== Boolean(b.toUserId), { message: 'validation.roster_swap_target', path: ['toUserId'] });
export type SwapShiftBody = z.infer<typeof swapShiftBody>;

export const handoverBody = z.object({ note: z.string().trim().min(3).max(2000) });
export type HandoverBody = z.infer<typeof handoverBody>;

export const patternSlot = z.object({
  day: z.number().int().min(0).max(27).describe('Day of the cycle, 0 = the anchor date'),
  startTime: clockTime,
  endTime: clockTime,
  officerUserId: z.uuid(),
  roleNote: note,
});
export type PatternSlot = z.infer<typeof patternSlot>;

export const createPatternBody = z.object({
  organizationId: z.uuid(),
  name: z.string().trim().min(2).max(80),
  cycleDays: z.number().int().min(1).max(28).default(7).describe('7 for a weekly rotation'),
  anchorDate: isoDate.describe('The date that is day 0 of the cycle'),
  slots: z.array(patternSlot).min(1).max(200),
});
export type CreatePatternBody = z.infer<typeof createPatternBody>;

export const patternView = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  name: z.string(),
  cycleDays: z.number().int(),
  anchorDate: z.string(),
  slots: z.array(patternSlot),
});
export type PatternView = z.infer<typeof patternView>;

export const applyPatternBody = z.object({
  from: isoDate,
  to: isoDate.describe('At most 92 days after `from`'),
});
export type ApplyPatternBody = z.infer<typeof applyPatternBody>;

export const applyPatternResult = z.object({ created: z.number().int(), skipped: z.number().int() });

export const shiftParams = z.object({ shiftId: z.uuid() });
export const patternParams = z.object({ patternId: z.uuid() });
