CREATE TABLE "public_profiles" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"description" text NOT NULL,
	"serves_whom" text,
	"requirements" text,
	"handover_instructions" text,
	"duty_phone" text,
	"whatsapp" text,
	"opening_hours" text,
	"latitude" double precision,
	"longitude" double precision,
	"is_published" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "survey_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"device_hash" text NOT NULL,
	"u1" smallint,
	"u2" smallint,
	"u3" smallint,
	"u4" smallint,
	"u5" smallint,
	"u6" smallint,
	"u7" smallint,
	"u8" smallint,
	"u9" smallint,
	"age_group" text NOT NULL,
	"sex" text NOT NULL,
	"education" text NOT NULL,
	"respondent_type" text NOT NULL,
	"suggestion" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sop_documents" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"number" text,
	"made_on" date,
	"revised_on" date,
	"effective_on" date,
	"legal_basis" text DEFAULT '' NOT NULL,
	"qualifications" text DEFAULT '' NOT NULL,
	"related_sops" text DEFAULT '' NOT NULL,
	"equipment" text DEFAULT '' NOT NULL,
	"warnings" text DEFAULT '' NOT NULL,
	"records" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "public_profiles" ADD CONSTRAINT "public_profiles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_periods" ADD CONSTRAINT "survey_periods_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_period_id_survey_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."survey_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sop_documents" ADD CONSTRAINT "sop_documents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "public_profiles_slug_key" ON "public_profiles" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "survey_periods_org_dates_idx" ON "survey_periods" USING btree ("organization_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_period_device_key" ON "survey_responses" USING btree ("period_id","device_hash");