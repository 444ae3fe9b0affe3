import { describe, expect, it } from 'vitest';
import { IDENTITY_DOCUMENT_STATUSES } from '../../../shared/domain/enums.js';
import { canTransition, type IdentityDocumentState, type IdentityDocumentStatus, isFinalStatus, planTransition } from './identity-documents.js';

const t0 = new Date('2026-05-11T02:00:00Z');
const later = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);

/** A request that has reached `status`, each step an hour after the one before. */
function stateAt(status: IdentityDocumentStatus, documentType: IdentityDocumentState['documentType'] = 'ktp_el'): IdentityDocumentState {
  const order: IdentityDocumentStatus[] = ['prepared', 'submitted', 'recorded', 'issued'];
  const reached = status === 'refused' ? 1 : order.indexOf(status);
  return {
    documentType,
    status,
    preparedAt: t0,
    submittedAt: reached >= 1 ? later(1) : null,
    recordedAt: reached >= 2 ? later(2) : null,
    issuedAt: reached >= 3 ? later(3) : null,
    refusedAt: status === 'refused' ? later(2) : null,
  };
}

describe('identity document requests: which status may follow which', () => {
  // from → the statuses it may move to; every other pair is refused.
  const ALLOWED: Record<IdentityDocumentStatus, IdentityDocumentStatus[]> = {
    prepared: ['submitted', 'refused'],
    submitted: ['recorded', 'refused'],
    recorded: ['issued', 'refused'],
    issued: [],
    refused: [],
  };
  const pairs = IDENTITY_DOCUMENT_STATUSES.flatMap((from) => IDENTITY_DOCUMENT_STATUSES.map((to) => [from, to, ALLOWED[from].includes(to)] as const));

  it.each(pairs)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
    const plan = planTransition(stateAt(from), { to, at: later(10), refusalReason: 'Data tidak lengkap' });
    if (allowed) {
      expect(plan.ok).toBe(true);
    } else {
      expect(plan).toEqual({
        ok: false,
        problem: { status: 409, code: 'identity_documents.transition_not_allowed', field: 'to', vars: { from, to } },
      });
    }
  });

  it('issued and refused are final; the others are not', () => {
    expect(IDENTITY_DOCUMENT_STATUSES.filter(isFinalStatus)).toEqual(['issued', 'refused']);
  });
});

describe('identity document requests: what a transition stamps and checks', () => {
  it('each step stamps its own date', () => {
    const cases: [IdentityDocumentStatus, IdentityDocumentStatus, string][] = [
      ['prepared', 'submitted', 'submittedAt'],
      ['submitted', 'recorded', 'recordedAt'],
      ['recorded', 'issued', 'issuedAt'],
      ['prepared', 'refused', 'refusedAt'],
      ['recorded', 'refused', 'refusedAt'],
    ];
    for (const [from, to, field] of cases) {
      const plan = planTransition(stateAt(from), { to, at: later(10), refusalReason: 'Ditolak' });
      expect(plan.ok && plan.changes).toMatchObject({ status: to, [field]: later(10) });
    }
  });

  it('a refusal needs a reason (blank does not count), and keeps it', () => {
    for (const refusalReason of [undefined, null, '', '   ']) {
      const plan = planTransition(stateAt('submitted'), { to: 'refused', at: later(10), refusalReason });
      expect(plan).toEqual({ ok: false, problem: { status: 400, code: 'identity_documents.refusal_reason_required', field: 'refusalReason' } });
    }
    const plan = planTransition(stateAt('submitted'), { to: 'refused', at: later(10), refusalReason: '  Tidak ada surat keterangan  ' });
    expect(plan.ok && plan.changes.refusalReason).toBe('Tidak ada surat keterangan');
  });

  it.each([
    ['nik', '3574015207850001', true],
    ['ktp_el', '3574015207850001', true],
    ['kk', '3574010101200001', true],
    ['kk', '35740101012000', false],
    ['ktp_el', '3574-0152-0785-0001', false],
    ['birth_certificate', '3574-LT-12052026-0001', true],
  ] as const)('a %s numbered %s is accepted: %s', (documentType, documentNumber, ok) => {
    const plan = planTransition(stateAt('recorded', documentType), { to: 'issued', at: later(10), documentNumber });
    expect(plan.ok).toBe(ok);
    if (ok) expect(plan.ok && plan.changes.documentNumber).toBe(documentNumber);
    else expect(!plan.ok && plan.problem).toEqual({ status: 400, code: 'identity_documents.document_number_format', field: 'documentNumber' });
  });

  it('a step dated before the step before it is refused; the same moment is fine', () => {
    const tooEarly = planTransition(stateAt('recorded'), { to: 'issued', at: later(1) });
    expect(!tooEarly.ok && tooEarly.problem).toMatchObject({ status: 400, code: 'identity_documents.date_before_previous_step', field: 'at' });
    expect(planTransition(stateAt('recorded'), { to: 'issued', at: later(2) }).ok).toBe(true);
  });
});
