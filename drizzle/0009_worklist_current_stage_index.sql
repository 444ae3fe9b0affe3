-- The stage a case is in now: worklists, case summaries and the overdue counts join each case to its
-- one in-progress stage. A partial index holds only those rows (one per open case), so the join is
-- one index probe per case instead of intersecting the case's stages with every open stage.
CREATE INDEX IF NOT EXISTS "case_stages_in_progress_case_idx" ON "case_stages" USING btree ("case_id") WHERE "status" = 'in_progress';
