/**
 * Referrals (rujukan): a case's client referred to an institution, as a record both sides work on.
 * The state machine is a pure function here, shared by the server (which enforces it) and the web
 * (which shows only the buttons that can work).
 */
import { z } from 'zod';
import { SEXES, SPM_SERVICES } from '../domain/enums.js';
import { PARTNER_TYPES } from '../permissions.js';
import { pagingQuery } from './common.js';

export const REFERRAL_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'handed_over', 'completed', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_ACTIONS = ['send', 'accept', 'decline', 'hand_over', 'complete', 'cancel'] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

/** The sending shelter, or the institution the referral is addressed to. */
export type ReferralSide = 'sender' | 'receiver';

export const REFERRAL_URGENCIES = ['routine', 'urgent', 'emergency'] as const;
/** The client's consent; without it, a legal basis must be written down (PDP: public-service duty). */
export const REFERRAL_CONSENTS = ['given', 'refused', 'unable'] as const;

/** Which side performs each action, from which states, and where it leads. */
export const REFERRAL_TRANSITIONS: Record<ReferralAction, { side: ReferralSide; from: readonly ReferralStatus[]; to: ReferralStatus }> = {
  send: { side: 'sender', from: ['draft'], to: 'sent' },
  accept: { side: 'receiver', from: ['sent'], to: 'accepted' },
  decline: { side: 'receiver', from: ['sent'], to: 'declined' },
  hand_over: { side: 'receiver', from: ['accepted'], to: 'handed_over' },
  complete: { side: 'receiver', from: ['handed_over'], to: 'completed' },
  cancel: { side: 'sender', from: ['draft', 'sent', 'accepted'], to: 'cancelled' },
};

export type TransitionDecision = { ok: true; to: ReferralStatus } | { ok: false; problem: 'wrong_side' | 'not_allowed' };

/**
 * Whether `side` may take `action` on a referral in state `from`. The receiving side's actions are
 * also taken by the sender when the institution has no account in Singgah (the service decides that
 * and then asks as the receiver).
 */
export function decideReferralTransition(from: ReferralStatus, action: ReferralAction, side: ReferralSide): TransitionDecision {
  const rule = REFERRAL_TRANSITIONS[action];
  if (rule.side !== side) return { ok: false, problem: 'wrong_side' };
  if (!rule.from.includes(from)) return { ok: false, problem: 'not_allowed' };
  return { ok: true, to: rule.to };
}

/** The actions `side` can take now (for the buttons). */
export function availableReferralActions(from: ReferralStatus, side: ReferralSide): ReferralAction[] {
  return REFERRAL_ACTIONS.filter((a) => decideReferralTransition(from, a, side).ok);
}

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).optional().nullable();

export const createReferralBody = z
  .object({
    caseId: z.uuid(),
    toOrganizationId: z.uuid().describe('The institution: a partner organization or another district’s Dinas Sosial'),
    reason: text(3000).min(5),
    services: z.array(z.enum(SPM_SERVICES)).max(SPM_SERVICES.length).default([]),
    servicesNote: optionalText(2000),
    urgency: z.enum(REFERRAL_URGENCIES).default('routine'),
    documentIds: z.array(z.uuid()).max(30).default([]).describe('Attachments of the case shared with the institution'),
    consent: z.enum(REFERRAL_CONSENTS),
    legalBasis: optionalText(2000).describe('Required when consent is refused or cannot be given'),
  })
  .refine((b) => b.consent === 'given' || (b.legalBasis ?? '').trim().length >= 5, {
    message: 'validation.legal_basis_required',
    path: ['legalBasis'],
  });
export type CreateReferralBody = z.infer<typeof createReferralBody>;

export const updateReferralBody = z.object({
  toOrganizationId: z.uuid().optional(),
  reason: text(3000).min(5).optional(),
  services: z.array(z.enum(SPM_SERVICES)).max(SPM_SERVICES.length).optional(),
  servicesNote: optionalText(2000),
  urgency: z.enum(REFERRAL_URGENCIES).optional(),
  documentIds: z.array(z.uuid()).max(30).optional(),
  consent: z.enum(REFERRAL_CONSENTS).optional(),
  legalBasis: optionalText(2000),
});
export type UpdateReferralBody = z.infer<typeof updateReferralBody>;

export const sendReferralBody = z.object({ note: optionalText(2000) });
export const cancelReferralBody = z.object({ reason: text(2000).min(3) });

export const respondReferralBody = z
  .object({
    action: z.enum(['accept', 'decline', 'hand_over', 'complete']),
    /** Decline: why (required). Others: an optional note for the thread. */
    note: optionalText(2000),
    /** Hand over: when the client arrived. */
    handedOverAt: z.iso.datetime({ offset: true }).optional(),
    /** Hand over: who received the client. */
    receivedByName: optionalText(160),
  })
  .refine((b) => b.action !== 'decline' || (b.note ?? '').trim().length >= 3, { message: 'validation.decline_reason_required', path: ['note'] })
  .refine((b) => b.action !== 'hand_over' || (b.receivedByName ?? '').trim().length >= 2, {
    message: 'validation.received_by_required',
    path: ['receivedByName'],
  });
export type RespondReferralBody = z.infer<typeof respondReferralBody>;

export const REFERRAL_MESSAGE_KINDS = ['message', 'progress_note'] as const;
export const postReferralMessageBody = z.object({
  kind: z.enum(REFERRAL_MESSAGE_KINDS).default('message'),
  body: text(4000).min(1),
});

export const referralFileView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  url: z.string(),
});

export const referralEventView = z.object({
  id: z.uuid(),
  kind: z.enum(['status', 'message', 'progress_note']),
  fromStatus: z.enum(REFERRAL_STATUSES).nullable(),
  toStatus: z.enum(REFERRAL_STATUSES).nullable(),
  body: z.string().nullable(),
  authorName: z.string().nullable(),
  authorOrganizationName: z.string().nullable(),
  side: z.enum(['sender', 'receiver']).nullable(),
  createdAt: z.iso.datetime(),
  files: z.array(referralFileView),
});
export type ReferralEventView = z.infer<typeof referralEventView>;

/** The part of the client record shared with the institution, and nothing more. */
export const sharedClientView = z.object({
  name: z.string(),
  sex: z.enum(SEXES),
  birthDate: z.string().nullable(),
  estimatedAge: z.number().int().nullable(),
  categories: z.array(z.string()),
});

export const referralDocumentView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  caption: z.string().nullable(),
  url: z.string(),
});

export const referralSummary = z.object({
  id: z.uuid(),
  status: z.enum(REFERRAL_STATUSES),
  urgency: z.enum(REFERRAL_URGENCIES),
  letterNumber: z.string().nullable(),
  fromOrganizationId: z.uuid(),
  fromOrganizationName: z.string(),
  toOrganizationId: z.uuid(),
  toOrganizationName: z.string(),
  toOrganizationKind: z.string(),
  toPartnerType: z.enum(PARTNER_TYPES).nullable(),
  clientName: z.string(),
  /** The viewer's side of this referral. */
  side: z.enum(['sender', 'receiver']),
  /** The sending case, for the sending side only. */
  caseId: z.uuid().nullable(),
  caseNumber: z.string().nullable(),
  sentAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});
export type ReferralSummary = z.infer<typeof referralSummary>;

export const referralDetail = referralSummary.extend({
  reason: z.string(),
  services: z.array(z.string()),
  servicesNote: z.string().nullable(),
  consent: z.enum(REFERRAL_CONSENTS),
  legalBasis: z.string().nullable(),
  client: sharedClientView,
  documents: z.array(referralDocumentView),
  respondedAt: z.iso.datetime().nullable(),
  declineReason: z.string().nullable(),
  handedOverAt: z.iso.datetime().nullable(),
  receivedByName: z.string().nullable(),
  completedAt: z.iso.datetime().nullable(),
  cancelledAt: z.iso.datetime().nullable(),
  cancelReason: z.string().nullable(),
  /** Between districts: the case opened at the receiving Dinas Sosial (for the receiving side). */
  receivingCaseId: z.uuid().nullable(),
  receivingCaseNumber: z.string().nullable(),
  /** Whether the institution has its own accounts; if not, the shelter records its answers. */
  institutionHasAccount: z.boolean(),
  /** What the viewer can do now. */
  actions: z.array(z.enum(REFERRAL_ACTIONS)),
  canEdit: z.boolean(),
  canPost: z.boolean(),
  events: z.array(referralEventView),
  createdAt: z.iso.datetime(),
});
export type ReferralDetail = z.infer<typeof referralDetail>;

export const REFERRAL_BOXES = ['all', 'sent', 'received'] as const;
export const listReferralsQuery = pagingQuery.extend({
  box: z.enum(REFERRAL_BOXES).default('all'),
  status: z.enum(REFERRAL_STATUSES).optional(),
  institutionId: z.uuid().optional(),
  caseId: z.uuid().optional(),
});
export type ListReferralsQuery = z.infer<typeof listReferralsQuery>;

export const referralParams = z.object({ id: z.uuid() });
export const referralFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
export const referralLetterQuery = z.object({ lang: z.enum(['id', 'en']).default('id') });

/** Counts by institution and state, for the office's overview. */
export const referralOverview = z.object({
  items: z.array(z.object({ institutionId: z.uuid(), institutionName: z.string(), status: z.enum(REFERRAL_STATUSES), count: z.number().int() })),
});

