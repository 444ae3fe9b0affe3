CREATE TABLE "letter_counters" (
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "letter_counters_organization_id_kind_year_pk" PRIMARY KEY("organization_id","kind","year")
);
--> statement-breakpoint
CREATE TABLE "letter_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"government_line" text,
	"office_name" text,
	"unit_name" text,
	"address" text,
	"phone" text,
	"email" text,
	"website" text,
	"postal_code" text,
	"place_name" text,
	"head_position" text,
	"head_rank" text,
	"logo_mime_type" text,
	"logo_base64" text,
	"patterns" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "assessment_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"source_response_id" uuid,
	"nature" text NOT NULL,
	"attachments_note" text NOT NULL,
	"subject" text NOT NULL,
	"addressee" text,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"analysis" text DEFAULT '' NOT NULL,
	"recommendation" text DEFAULT '' NOT NULL,
	"letter_number" text,
	"letter_year" integer,
	"letter_seq" integer,
	"letter_date" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"return_note" text,
	"snapshot" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "case_conference_cases" (
	"conference_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"decision" text,
	CONSTRAINT "case_conference_cases_conference_id_case_id_pk" PRIMARY KEY("conference_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "case_conference_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"institution" text,
	"role" text
);
--> statement-breakpoint
CREATE TABLE "case_conferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"summary" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"recorded_held_at" timestamp with time zone,
	"recorded_held_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "intervention_plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"description" text NOT NULL,
	"responsible_user_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "letter_counters" ADD CONSTRAINT "letter_counters_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_settings" ADD CONSTRAINT "letter_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_reports" ADD CONSTRAINT "assessment_reports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_reports" ADD CONSTRAINT "assessment_reports_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conference_cases" ADD CONSTRAINT "case_conference_cases_conference_id_case_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."case_conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conference_cases" ADD CONSTRAINT "case_conference_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conference_participants" ADD CONSTRAINT "case_conference_participants_conference_id_case_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."case_conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conference_participants" ADD CONSTRAINT "case_conference_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conferences" ADD CONSTRAINT "case_conferences_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_plan_items" ADD CONSTRAINT "intervention_plan_items_conference_id_case_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."case_conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_plan_items" ADD CONSTRAINT "intervention_plan_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_plan_items" ADD CONSTRAINT "intervention_plan_items_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_reports_case_idx" ON "assessment_reports" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "assessment_reports_org_status_idx" ON "assessment_reports" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "case_conference_cases_case_idx" ON "case_conference_cases" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_conference_participants_conf_idx" ON "case_conference_participants" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "case_conferences_org_held_idx" ON "case_conferences" USING btree ("organization_id","held_at");--> statement-breakpoint
CREATE INDEX "intervention_plan_items_responsible_idx" ON "intervention_plan_items" USING btree ("responsible_user_id","status","due_date");--> statement-breakpoint
CREATE INDEX "intervention_plan_items_conf_idx" ON "intervention_plan_items" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "intervention_plan_items_case_idx" ON "intervention_plan_items" USING btree ("case_id");