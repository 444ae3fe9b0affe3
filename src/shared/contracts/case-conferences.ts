/**
 * The case conference (rapat kasus): date, place, participants (users and outside people), the cases
 * discussed with a decision for each, a summary, and the intervention plan (rencana intervensi) whose
 * items appear in the responsible person's worklist.
 */
import { z } from 'zod';
import { pagingQuery } from './common.js';

export const CASE_CONFERENCE_STATUSES = ['planned', 'held'] as const;
export type CaseConferenceStatus = (typeof CASE_CONFERENCE_STATUSES)[number];
export const PLAN_ITEM_STATUSES = ['open', 'done'] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];

const text = (max: number) => z.string().trim().max(max);

/** A participant: a user of Singgah (by id), or an outside person with name and institution. */
export const conferenceParticipantInput = z.union([
  z.object({ userId: z.uuid(), role: text(120).optional().nullable() }),
  z.object({ name: text(120).min(2), institution: text(200).min(2), role: text(120).optional().nullable() }),
]);
export type ConferenceParticipantInput = z.infer<typeof conferenceParticipantInput>;

export const planItemInput = z.object({
  caseId: z.uuid(),
  /** What is to be done ("Penelusuran keluarga ke Desa …"). */
  activity: text(2000).min(3),
  responsibleUserId: z.uuid(),
  dueDate: z.iso.date(),
});
export type PlanItemInput = z.infer<typeof planItemInput>;

export const conferenceCaseInput = z.object({
  caseId: z.uuid(),
  decision: text(5000).optional().nullable(),
});

export const createCaseConferenceBody = z.object({
  heldAt: z.iso.datetime({ offset: true }),
  place: text(300).min(2),
  summary: text(20_000).optional().nullable(),
  participants: z.array(conferenceParticipantInput).min(1).max(60),
  cases: z.array(conferenceCaseInput).min(1).max(50),
  planItems: z.array(planItemInput).max(200).default([]),
});
export type CreateCaseConferenceBody = z.infer<typeof createCaseConferenceBody>;

/** Change what was recorded; the lists given replace the stored ones. Plan items are changed on their own. */
export const updateCaseConferenceBody = z.object({
  heldAt: z.iso.datetime({ offset: true }).optional(),
  place: text(300).min(2).optional(),
  summary: text(20_000).optional().nullable(),
  participants: z.array(conferenceParticipantInput).min(1).max(60).optional(),
  cases: z.array(conferenceCaseInput).min(1).max(50).optional(),
});
export type UpdateCaseConferenceBody = z.infer<typeof updateCaseConferenceBody>;

/** Record the conference as held; optionally complete the "case conference" stage of these cases. */
export const recordConferenceHeldBody = z.object({
  completeStageForCaseIds: z.array(z.uuid()).max(50).default([]),
});
export type RecordConferenceHeldBody = z.infer<typeof recordConferenceHeldBody>;

export const updatePlanItemBody = z.object({
  status: z.enum(PLAN_ITEM_STATUSES).optional(),
  activity: text(2000).min(3).optional(),
  responsibleUserId: z.uuid().optional(),
  dueDate: z.iso.date().optional(),
});
export type UpdatePlanItemBody = z.infer<typeof updatePlanItemBody>;

export const planItemView = z.object({
  id: z.uuid(),
  conferenceId: z.uuid(),
  conferenceHeldAt: z.iso.datetime(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  clientName: z.string(),
  activity: z.string(),
  responsibleUserId: z.uuid(),
  responsibleName: z.string(),
  dueDate: z.iso.date(),
  status: z.enum(PLAN_ITEM_STATUSES),
  /** Open and past its due date (in the organization's time zone). */
  isLate: z.boolean(),
  doneAt: z.iso.datetime().nullable(),
});
export type PlanItemView = z.infer<typeof planItemView>;

export const participantView = z.object({
  id: z.uuid(),
  userId: z.uuid().nullable(),
  name: z.string(),
  institution: z.string().nullable(),
  role: z.string().nullable(),
});
export type ParticipantView = z.infer<typeof participantView>;

export const conferenceCaseView = z.object({
  caseId: z.uuid(),
  caseNumber: z.string(),
  clientName: z.string(),
  currentStageKey: z.string().nullable(),
  decision: z.string().nullable(),
});
export type ConferenceCaseView = z.infer<typeof conferenceCaseView>;

export const caseConferenceSummary = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  heldAt: z.iso.datetime(),
  place: z.string(),
  status: z.enum(CASE_CONFERENCE_STATUSES),
  cases: z.array(z.object({ caseId: z.uuid(), caseNumber: z.string(), clientName: z.string() })),
  participantCount: z.number().int(),
  openPlanItems: z.number().int(),
  latePlanItems: z.number().int(),
});
export type CaseConferenceSummary = z.infer<typeof caseConferenceSummary>;

export const caseConferenceView = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  heldAt: z.iso.datetime(),
  place: z.string(),
  summary: z.string().nullable(),
  status: z.enum(CASE_CONFERENCE_STATUSES),
  recordedHeldAt: z.iso.datetime().nullable(),
  participants: z.array(participantView),
  cases: z.array(conferenceCaseView),
  planItems: z.array(planItemView),
  createdAt: z.iso.datetime(),
  createdByName: z.string().nullable(),
  minutesUrl: z.string().describe('GET: the minutes (notulen) as PDF; the download is audited'),
});
export type CaseConferenceView = z.infer<typeof caseConferenceView>;

export const listCaseConferencesQuery = pagingQuery.extend({
  caseId: z.uuid().optional(),
});
export type ListCaseConferencesQuery = z.infer<typeof listCaseConferencesQuery>;

export const caseConferenceList = z.object({ items: z.array(caseConferenceSummary), total: z.number().int() });
export const conferenceParams = z.object({ id: z.uuid() });
export const planItemParams = z.object({ id: z.uuid() });
export const minutesPdfQuery = z.object({ lang: z.enum(['id', 'en']).default('id') });
export const myPlanItemsQuery = z.object({
  /** Also list items done in the last 30 days. */
  includeDone: z.coerce.boolean().default(false),
});
export const planItemList = z.object({ items: z.array(planItemView) });

/** A user who may take part or be responsible for a plan item. */
export const conferenceUserOption = z.object({ id: z.uuid(), name: z.string(), role: z.string(), position: z.string().nullable() });
export const conferenceUserOptions = z.object({ items: z.array(conferenceUserOption) });
export const conferenceUsersQuery = z.object({ organizationId: z.uuid() });
export type CaseConferenceList = z.infer<typeof caseConferenceList>;
