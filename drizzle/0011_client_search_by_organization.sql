-- btree_gist lets one GiST index lead with the organization (a uuid) before the trigrams.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
DROP INDEX IF EXISTS "clients_search_trgm_idx";--> statement-breakpoint
CREATE INDEX "clients_org_search_gist_idx" ON "clients" USING gist ("organization_id","search_text" gist_trgm_ops);
