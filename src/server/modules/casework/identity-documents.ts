/**
 * The life of a request to Dukcapil for an identity document, as pure rules:
 *
 *   prepared → submitted → recorded → issued
 *   prepared | submitted | recorded → refused (with a reason)
 *
 * `issued` and `refused` are final. Each step stamps its own date, which may not precede the date of
 * the step before it (a back-dated entry is allowed, an impossible order is not).
 */
import type { IDENTITY_DOCUMENT_STATUSES, IDENTITY_DOCUMENT_TYPES } from '../../../shared/domain/enums.js';

export type IdentityDocumentStatus = (typeof IDENTITY_DOCUMENT_STATUSES)[number];
export type IdentityDocumentType = (typeof IDENTITY_DOCUMENT_TYPES)[number];

/** The statuses each status may move to. */
export const IDENTITY_DOCUMENT_TRANSITIONS: Record<IdentityDocumentStatus, readonly IdentityDocumentStatus[]> = {
  prepared: ['submitted', 'refused'],
  submitted: ['recorded', 'refused'],
  recorded: ['issued', 'refused'],
  issued: [],
  refused: [],
};

/** Which date column a status stamps. */
export const STATUS_DATE_FIELD = {
  prepared: 'preparedAt',
  submitted: 'submittedAt',
  recorded: 'recordedAt',
  issued: 'issuedAt',
  refused: 'refusedAt',
} as const satisfies Record<IdentityDocumentStatus, string>;

type DateField = (typeof STATUS_DATE_FIELD)[IdentityDocumentStatus];

/** The request as the rules need to see it. */
export interface IdentityDocumentState {
  documentType: IdentityDocumentType;
  status: IdentityDocumentStatus;
  preparedAt: Date;
  submittedAt: Date | null;
  recordedAt: Date | null;
  issuedAt: Date | null;
  refusedAt: Date | null;
}

export interface TransitionInput {
  to: IdentityDocumentStatus;
  at: Date;
  documentNumber?: string | null;
  refusalReason?: string | null;
}

/** Why a transition is refused: an error code, and the input field at fault when there is one. */
export interface TransitionProblem {
  status: 400 | 409;
  code: string;
  field?: string;
  vars?: Record<string, unknown>;
}

export type TransitionResult =
  | { ok: true; changes: Partial<Record<DateField, Date>> & { status: IdentityDocumentStatus; documentNumber?: string; refusalReason?: string } }
  | { ok: false; problem: TransitionProblem };

/** Documents whose number is a 16-digit population number (NIK on a NIK or KTP-el, the KK number). */
const SIXTEEN_DIGIT_TYPES: readonly IdentityDocumentType[] = ['nik', 'ktp_el', 'kk'];

/** Whether `from` may move to `to`. */
export function canTransition(from: IdentityDocumentStatus, to: IdentityDocumentStatus): boolean {
  return IDENTITY_DOCUMENT_TRANSITIONS[from].includes(to);
}

/** Whether a status is final (nothing may follow it). */
export function isFinalStatus(status: IdentityDocumentStatus): boolean {
  return IDENTITY_DOCUMENT_TRANSITIONS[status].length === 0;
}

/** The latest date stamped so far: a new step may not be dated before it. */
function latestStamp(state: IdentityDocumentState): Date {
  const stamps = [state.preparedAt, state.submittedAt, state.recordedAt, state.issuedAt, state.refusedAt].filter(
    (d): d is Date => d instanceof Date,
  );
  return new Date(Math.max(...stamps.map((d) => d.getTime())));
}

/**
 * Check one transition and say what it changes. A forbidden move is a 409
 * (`identity_documents.transition_not_allowed`); a missing refusal reason, a malformed document
 * number or a date before the previous step is a 400 naming the field.
 */
export function planTransition(state: IdentityDocumentState, input: TransitionInput): TransitionResult {
  const { to } = input;
  if (!canTransition(state.status, to)) {
    return { ok: false, problem: { status: 409, code: 'identity_documents.transition_not_allowed', vars: { from: state.status, to }, field: 'to' } };
  }
  const reason = input.refusalReason?.trim();
  if (to === 'refused' && !reason) {
    return { ok: false, problem: { status: 400, code: 'identity_documents.refusal_reason_required', field: 'refusalReason' } };
  }
  const number = input.documentNumber?.trim();
  if (number && SIXTEEN_DIGIT_TYPES.includes(state.documentType) && !/^\d{16}$/.test(number)) {
    return { ok: false, problem: { status: 400, code: 'identity_documents.document_number_format', field: 'documentNumber' } };
  }
  const previous = latestStamp(state);
  if (input.at.getTime() < previous.getTime()) {
    return {
      ok: false,
      problem: { status: 400, code: 'identity_documents.date_before_previous_step', field: 'at', vars: { previous: previous.toISOString() } },
    };
  }
  return {
    ok: true,
    changes: {
      status: to,
      [STATUS_DATE_FIELD[to]]: input.at,
      ...(number ? { documentNumber: number } : {}),
      ...(to === 'refused' ? { refusalReason: reason } : {}),
    },
  };
}
