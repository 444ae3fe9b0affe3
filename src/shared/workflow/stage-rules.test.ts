import { describe, expect, it } from 'vitest';
import { decideStageAction, type StageState } from './stage-rules.js';

const s = (key: string, position: number, status: StageState['status'], skippable = false): StageState => ({ key, position, status, skippable });

const flow = (statuses: StageState['status'][]): StageState[] => [
  s('reception', 1, statuses[0]),
  s('assessment', 2, statuses[1]),
  s('case_conference', 3, statuses[2], true),
  s('reunification', 4, statuses[3], true),
  s('termination', 5, statuses[4]),
];

describe('moving a case through its SOP stages', () => {
  it.each([
    ['completing the stage in progress starts the next pending one', flow(['in_progress', 'pending', 'pending', 'pending', 'pending']), 'reception', 'complete', { ok: true, nextKey: 'assessment' }],
    ['a stage that is still waiting cannot be completed out of order', flow(['in_progress', 'pending', 'pending', 'pending', 'pending']), 'assessment', 'complete', { ok: false, problem: 'not_current' }],
    ['a finished stage cannot be completed twice', flow(['completed', 'in_progress', 'pending', 'pending', 'pending']), 'reception', 'complete', { ok: false, problem: 'not_current' }],
    ['a skippable stage in progress can be skipped', flow(['completed', 'completed', 'in_progress', 'pending', 'pending']), 'case_conference', 'skip', { ok: true, nextKey: 'reunification' }],
    ['the assessment may not be skipped', flow(['completed', 'in_progress', 'pending', 'pending', 'pending']), 'assessment', 'skip', { ok: false, problem: 'not_skippable' }],
    ['a stage that does not exist is refused', flow(['in_progress', 'pending', 'pending', 'pending', 'pending']), 'rapat', 'complete', { ok: false, problem: 'unknown_stage' }],
    ['termination is closed through the termination action, not completed', flow(['completed', 'completed', 'skipped', 'completed', 'in_progress']), 'termination', 'complete', { ok: false, problem: 'last_stage_is_termination' }],
    ['skipping the last optional stage starts termination', flow(['completed', 'completed', 'skipped', 'in_progress', 'pending']), 'reunification', 'skip', { ok: true, nextKey: 'termination' }],
  ] as const)('%s', (_name, stages, key, action, expected) => {
    const decision = decideStageAction(stages, key, action);
    if (expected.ok) {
      expect(decision).toEqual({ ok: true, next: expect.objectContaining({ key: expected.nextKey }) });
    } else {
      expect(decision).toEqual({ ok: false, problem: expected.problem });
    }
  });
});
