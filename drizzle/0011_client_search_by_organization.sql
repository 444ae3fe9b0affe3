-- btree_gin lets one GIN index lead with the organization (a uuid) before the trigrams.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX "clients_search_trgm_idx";--> statement-breakpoint
CREATE INDEX "clients_org_search_trgm_idx" ON "clients" USING gin ("organization_id","search_text" gin_trgm_ops);
