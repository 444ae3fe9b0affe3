import { describe, expect, it } from 'vitest';
import {
  availableReferralActions,
  decideReferralTransition,
  REFERRAL_ACTIONS,
  REFERRAL_STATUSES,
  type ReferralAction,
  type ReferralSide,
  type ReferralStatus,
} from '../../../shared/contracts/referrals.js';

/** Every allowed move: [from, action, side, to]. Anything not listed here must be refused. */
const ALLOWED: [ReferralStatus, ReferralAction, ReferralSide, ReferralStatus][] = [
  ['draft', 'send', 'sender', 'sent'],
  ['draft', 'cancel', 'sender', 'cancelled'],
  ['sent', 'accept', 'receiver', 'accepted'],
  ['sent', 'decline', 'receiver', 'declined'],
  ['sent', 'cancel', 'sender', 'cancelled'],
  ['accepted', 'hand_over', 'receiver', 'handed_over'],
  ['accepted', 'cancel', 'sender', 'cancelled'],
  ['handed_over', 'complete', 'receiver', 'completed'],
];

const SIDES: ReferralSide[] = ['sender', 'receiver'];
const everyMove = REFERRAL_STATUSES.flatMap((from) => REFERRAL_ACTIONS.flatMap((action) => SIDES.map((side) => [from, action, side] as const)));

describe('referral state machine', () => {
  it.each(ALLOWED)('%s → %s by the %s leads to %s', (from, action, side, to) => {
    expect(decideReferralTransition(from, action, side)).toEqual({ ok: true, to });
  });

  const forbidden = everyMove.filter(([from, action, side]) => !ALLOWED.some((a) => a[0] === from && a[1] === action && a[2] === side));
  it.each(forbidden)('%s: %s by the %s is refused', (from, action, side) => {
    const decision = decideReferralTransition(from, action, side);
    expect(decision.ok).toBe(false);
  });

  it('checks every combination of state, action and side exactly once', () => {
    expect(ALLOWED.length + forbidden.length).toBe(REFERRAL_STATUSES.length * REFERRAL_ACTIONS.length * SIDES.length);
  });

  it('says which side an action belongs to before whether the state allows it', () => {
    expect(decideReferralTransition('sent', 'accept', 'sender')).toEqual({ ok: false, problem: 'wrong_side' });
    expect(decideReferralTransition('draft', 'accept', 'receiver')).toEqual({ ok: false, problem: 'not_allowed' });
  });

  it('ends for good once declined, completed or cancelled', () => {
    for (const end of ['declined', 'completed', 'cancelled'] as const) {
      expect(availableReferralActions(end, 'sender')).toEqual([]);
      expect(availableReferralActions(end, 'receiver')).toEqual([]);
    }
  });

  it('offers each side only its own next steps', () => {
    expect(availableReferralActions('draft', 'sender')).toEqual(['send', 'cancel']);
    expect(availableReferralActions('sent', 'receiver')).toEqual(['accept', 'decline']);
    expect(availableReferralActions('accepted', 'receiver')).toEqual(['hand_over']);
    expect(availableReferralActions('accepted', 'sender')).toEqual(['cancel']);
  });
});
