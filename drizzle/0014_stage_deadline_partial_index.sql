DROP INDEX "case_stages_status_due_idx";--> statement-breakpoint
CREATE INDEX "case_stages_in_progress_due_idx" ON "case_stages" USING btree ("due_at") WHERE "case_stages"."status" = 'in_progress';