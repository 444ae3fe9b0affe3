/**
 * The rules that move a case through its SOP stages, as pure functions. A case has exactly one stage
 * in progress while it is open; completing or skipping it starts the next pending stage at the same
 * instant, so the case clock never pauses between stages (waiting time counts against the stage
 * that follows, which is what the office must see).
 */
export type StageState = { key: string; position: number; status: 'pending' | 'in_progress' | 'completed' | 'skipped'; skippable: boolean };

export type StageAction = 'complete' | 'skip';

export type StageDecision =
  | { ok: true; next: StageState | null }
  | { ok: false; problem: 'unknown_stage' | 'not_current' | 'not_skippable' | 'last_stage_is_termination' };

/** Whether `action` may be applied to the stage `key`, and which stage starts next. */
export function decideStageAction(stages: readonly StageState[], key: string, action: StageAction): StageDecision {
  const ordered = [...stages].sort((a, b) => a.position - b.position);
  const stage = ordered.find((s) => s.key === key);
  if (!stage) return { ok: false, problem: 'unknown_stage' };
  if (stage.status !== 'in_progress') return { ok: false, problem: 'not_current' };
  if (action === 'skip' && !stage.skippable) return { ok: false, problem: 'not_skippable' };
  const next = ordered.find((s) => s.position > stage.position && s.status === 'pending') ?? null;
  // The final stage closes the case: it is done through termination, which records the outcome.
  if (!next && action === 'complete' && ordered[ordered.length - 1]?.key === key && key === 'termination')
    return { ok: false, problem: 'last_stage_is_termination' };
  return { ok: true, next };
}

/** The stage in progress, if any. */
export function currentStage<T extends StageState>(stages: readonly T[]): T | undefined {
  return stages.find((s) => s.status === 'in_progress');
}
