import { z } from 'zod';
import { SEXES } from '../domain/enums.js';

/** Who a room is for: men, women, or anyone (a family room, or a unit with one room). */
export const ROOM_SEXES = ['male', 'female', 'mixed'] as const;
export type RoomSex = (typeof ROOM_SEXES)[number];

const name = z.string().trim().min(1).max(80);
const bedLabel = z.string().trim().min(1).max(40);
const instant = z.iso.datetime({ offset: true });

// ---------------------------------------------------------------------------------------------
// Rooms and beds (administration)

export const bedView = z.object({
  id: z.uuid(),
  roomId: z.uuid(),
  label: z.string(),
  isActive: z.boolean(),
  isOccupied: z.boolean().describe('An open stay is on this bed (who is on it is shown only on the occupancy board)'),
});
export type BedView = z.infer<typeof bedView>;

export const roomView = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  name: z.string(),
  sex: z.enum(ROOM_SEXES),
  isActive: z.boolean(),
  createdAt: z.iso.datetime(),
  beds: z.array(bedView),
});
export type RoomView = z.infer<typeof roomView>;

export const listRoomsQuery = z.object({
  organizationId: z.uuid().optional().describe("The shelter unit; the user's own organization when left out"),
  includeInactive: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Also list rooms and beds taken out of service'),
});

export const createRoomBody = z.object({
  organizationId: z.uuid().describe('The shelter unit the room belongs to'),
  name,
  sex: z.enum(ROOM_SEXES).default('mixed'),
  bedLabels: z.array(bedLabel).max(50).default([]).describe('Beds to create with the room, e.g. ["A1", "A2"]'),
});
export type CreateRoomBody = z.infer<typeof createRoomBody>;

export const updateRoomBody = z.object({
  name: name.optional(),
  sex: z.enum(ROOM_SEXES).optional(),
  isActive: z.boolean().optional().describe('false takes the room out of service; refused while someone stays in it'),
});
export type UpdateRoomBody = z.infer<typeof updateRoomBody>;

export const createBedBody = z.object({ label: bedLabel });
export const updateBedBody = z.object({
  label: bedLabel.optional(),
  isActive: z.boolean().optional().describe('false takes the bed out of service; refused while it is occupied'),
});
export type UpdateBedBody = z.infer<typeof updateBedBody>;

// ---------------------------------------------------------------------------------------------
// Stays

/** Where a case stands against the organization's stay limit. */
export const stayLength = z.object({
  daysStayed: z
    .number()
    .int()
    .describe('Nights spent in the shelter during this case, counted in calendar days of the organization (admission day = 0), over all its stays'),
  stayLimitDays: z.number().int().describe('organization_settings.maxStayDays (7 when the organization has no settings)'),
  daysLeft: z.number().int().describe('stayLimitDays − daysStayed; negative when over the limit'),
  isStayWarning: z.boolean().describe('Within stayWarningDays of the limit, not yet over it'),
  isOverStay: z.boolean().describe('More nights than the limit'),
});
export type StayLength = z.infer<typeof stayLength>;

export const stayView = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  caseId: z.uuid(),
  bedId: z.uuid(),
  bedLabel: z.string(),
  roomId: z.uuid(),
  roomName: z.string(),
  admittedAt: z.iso.datetime().describe('When the client was put on this bed (a move starts a new stay)'),
  dischargedAt: z.iso.datetime().nullable(),
  admittedByName: z.string().nullable(),
  dischargedByName: z.string().nullable(),
});
export type StayView = z.infer<typeof stayView>;

/** The shelter side of one case: its stays (newest first), the open one, and its length against the limit. */
export const caseStaysView = stayLength.extend({
  caseId: z.uuid(),
  currentStay: stayView.nullable(),
  firstAdmittedAt: z.iso.datetime().nullable(),
  stays: z.array(stayView),
});
export type CaseStaysView = z.infer<typeof caseStaysView>;

export const listStaysQuery = z.object({ caseId: z.uuid() });

export const admitBody = z.object({
  caseId: z.uuid(),
  bedId: z.uuid(),
  admittedAt: instant.optional().describe('When the client was put on the bed; now when left out. Not before the case arrived, not in the future'),
});
export type AdmitBody = z.infer<typeof admitBody>;

export const moveStayBody = z.object({
  bedId: z.uuid().describe('The free bed to move to, in the same organization'),
  at: instant.optional(),
});
export type MoveStayBody = z.infer<typeof moveStayBody>;

export const dischargeBody = z.object({
  at: instant.optional(),
  notes: z.string().trim().max(1000).optional().nullable(),
});
export type DischargeBody = z.infer<typeof dischargeBody>;

export const stayParams = z.object({ stayId: z.uuid() });
export const roomParams = z.object({ roomId: z.uuid() });
export const bedParams = z.object({ bedId: z.uuid() });

// ---------------------------------------------------------------------------------------------
// The occupancy board

export const occupantView = stayLength.extend({
  stayId: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  clientId: z.uuid(),
  clientName: z.string(),
  clientSex: z.enum(SEXES),
  admittedAt: z.iso.datetime().describe('First admission of this case to the shelter'),
  onBedSince: z.iso.datetime().describe('When the client was put on this bed'),
});
export type OccupantView = z.infer<typeof occupantView>;

export const occupancyBedView = z.object({
  id: z.uuid(),
  label: z.string(),
  occupant: occupantView.nullable(),
});

export const occupancyRoomView = z.object({
  id: z.uuid(),
  name: z.string(),
  sex: z.enum(ROOM_SEXES),
  beds: z.array(occupancyBedView),
});

export const occupancyBoard = z.object({
  organizationId: z.uuid(),
  organizationName: z.string(),
  asOf: z.iso.datetime(),
  stayLimitDays: z.number().int(),
  stayWarningDays: z.number().int(),
  totals: z.object({
    beds: z.number().int(),
    occupied: z.number().int(),
    free: z.number().int(),
    stayWarnings: z.number().int(),
    overStays: z.number().int(),
  }),
  rooms: z.array(occupancyRoomView),
});
export type OccupancyBoard = z.infer<typeof occupancyBoard>;

export const occupancyQuery = z.object({
  organizationId: z.uuid().optional().describe("The shelter unit; the user's own organization when left out"),
});
