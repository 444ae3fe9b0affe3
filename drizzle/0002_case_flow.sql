CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"client_id" uuid,
	"case_id" uuid,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"storage_key" text NOT NULL,
	"taken_at" timestamp with time zone,
	"caption" text,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"sop_stage_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"key" text NOT NULL,
	"standard_minutes" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"started_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"responsible_role" text NOT NULL,
	"skippable" boolean NOT NULL,
	"skip_reason" text,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"case_number" text NOT NULL,
	"sop_version_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"source" text NOT NULL,
	"brought_by_name" text,
	"brought_by_agency" text,
	"letter_number" text,
	"found_location" text,
	"found_at" timestamp with time zone,
	"arrived_at" timestamp with time zone NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"presenting_problem" text,
	"batch_id" uuid,
	"assigned_worker_id" uuid,
	"current_stage_key" text,
	"target_minutes" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"civil_registration" text DEFAULT 'unknown' NOT NULL,
	"tracing_status" text DEFAULT 'not_started' NOT NULL,
	"terminated_at" timestamp with time zone,
	"termination_outcome" text,
	"termination_notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "intake_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"source" text NOT NULL,
	"brought_by_name" text,
	"brought_by_agency" text,
	"letter_number" text,
	"found_location" text,
	"found_at" timestamp with time zone,
	"arrived_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "belongings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"description" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"deposited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"returned_at" timestamp with time zone,
	"returned_to" text,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"done_at" timestamp with time zone,
	"channel" text,
	"situation" text,
	"notes" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"blood_pressure" text,
	"pulse" integer,
	"temperature" numeric(4, 1),
	"respiration" integer,
	"weight_kg" numeric(5, 1),
	"visible_conditions" text,
	"mental_state" text,
	"suspected_psychosis" boolean DEFAULT false NOT NULL,
	"referred_to" text,
	"insurance_type" text,
	"insurance_number" text,
	"notes" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_document_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"document_type" text NOT NULL,
	"status" text DEFAULT 'prepared' NOT NULL,
	"prepared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"recorded_at" timestamp with time zone,
	"issued_at" timestamp with time zone,
	"refused_at" timestamp with time zone,
	"refusal_reason" text,
	"document_number" text,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rehabilitation_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"service" text NOT NULL,
	"service_date" date NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"notes" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reunifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"destination_type" text NOT NULL,
	"destination_name" text NOT NULL,
	"destination_address" text,
	"destination_region_code" text,
	"travel_mode" text,
	"travel_cost" numeric(12, 0),
	"received_by_name" text NOT NULL,
	"received_by_relation" text,
	"received_by_id_number" text,
	"handed_over_at" timestamp with time zone NOT NULL,
	"handover_number" text,
	"notes" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracing_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"attempted_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"by_name" text,
	"result" text NOT NULL,
	"notes" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_family_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"phone" text,
	"address" text,
	"region_code" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_quality" text DEFAULT 'full' NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"sex" text DEFAULT 'unknown' NOT NULL,
	"birth_date" date,
	"birth_date_quality" text DEFAULT 'unknown' NOT NULL,
	"estimated_age" integer,
	"birth_place" text,
	"religion" text,
	"marital_status" text,
	"education" text,
	"occupation" text,
	"phone" text,
	"nik" text,
	"nik_quality" text DEFAULT 'unknown' NOT NULL,
	"kk_number" text,
	"origin_region_code" text,
	"origin_address" text,
	"last_known_address" text,
	"physical_description" text,
	"distinguishing_marks" text,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "beds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"label" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sex" text DEFAULT 'mixed' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"bed_id" uuid NOT NULL,
	"admitted_at" timestamp with time zone NOT NULL,
	"discharged_at" timestamp with time zone,
	"admitted_by" uuid,
	"discharged_by" uuid
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"date" date NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"time_zone" text DEFAULT 'Asia/Jakarta' NOT NULL,
	"always_on" boolean DEFAULT false NOT NULL,
	"working_hours" jsonb,
	"target_working_days" numeric(4, 1) DEFAULT '2' NOT NULL,
	"max_stay_days" integer DEFAULT 7 NOT NULL,
	"stay_warning_days" integer DEFAULT 1 NOT NULL,
	"case_number_prefix" text DEFAULT 'RS' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sop_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sop_version_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"key" text NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	"description" text,
	"responsible_role" text NOT NULL,
	"standard_minutes" integer NOT NULL,
	"skippable" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sop_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_stages" ADD CONSTRAINT "case_stages_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_stages" ADD CONSTRAINT "case_stages_sop_stage_id_sop_stages_id_fk" FOREIGN KEY ("sop_stage_id") REFERENCES "public"."sop_stages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_sop_version_id_sop_versions_id_fk" FOREIGN KEY ("sop_version_id") REFERENCES "public"."sop_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_batch_id_intake_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."intake_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_batches" ADD CONSTRAINT "intake_batches_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "belongings" ADD CONSTRAINT "belongings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_checks" ADD CONSTRAINT "health_checks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_document_requests" ADD CONSTRAINT "identity_document_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rehabilitation_services" ADD CONSTRAINT "rehabilitation_services_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reunifications" ADD CONSTRAINT "reunifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracing_attempts" ADD CONSTRAINT "tracing_attempts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_family_members" ADD CONSTRAINT "client_family_members_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beds" ADD CONSTRAINT "beds_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stays" ADD CONSTRAINT "stays_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stays" ADD CONSTRAINT "stays_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stays" ADD CONSTRAINT "stays_bed_id_beds_id_fk" FOREIGN KEY ("bed_id") REFERENCES "public"."beds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holidays" ADD CONSTRAINT "holidays_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_settings" ADD CONSTRAINT "organization_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sop_stages" ADD CONSTRAINT "sop_stages_sop_version_id_sop_versions_id_fk" FOREIGN KEY ("sop_version_id") REFERENCES "public"."sop_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sop_versions" ADD CONSTRAINT "sop_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_client_idx" ON "attachments" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "attachments_case_idx" ON "attachments" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_stages_case_position_key" ON "case_stages" USING btree ("case_id","position");--> statement-breakpoint
CREATE INDEX "case_stages_status_due_idx" ON "case_stages" USING btree ("status","due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_org_number_key" ON "cases" USING btree ("organization_id","case_number");--> statement-breakpoint
CREATE INDEX "cases_org_status_arrived_idx" ON "cases" USING btree ("organization_id","status","arrived_at");--> statement-breakpoint
CREATE INDEX "cases_client_idx" ON "cases" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "cases_assigned_idx" ON "cases" USING btree ("assigned_worker_id");--> statement-breakpoint
CREATE INDEX "cases_current_stage_idx" ON "cases" USING btree ("organization_id","current_stage_key");--> statement-breakpoint
CREATE INDEX "cases_categories_idx" ON "cases" USING gin ("categories");--> statement-breakpoint
CREATE INDEX "belongings_case_idx" ON "belongings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "follow_ups_case_idx" ON "follow_ups" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "follow_ups_due_idx" ON "follow_ups" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "health_checks_case_idx" ON "health_checks" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "identity_docs_case_idx" ON "identity_document_requests" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "identity_docs_status_idx" ON "identity_document_requests" USING btree ("status");--> statement-breakpoint
CREATE INDEX "rehab_services_case_idx" ON "rehabilitation_services" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "rehab_services_date_idx" ON "rehabilitation_services" USING btree ("service_date");--> statement-breakpoint
CREATE INDEX "reunifications_case_idx" ON "reunifications" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "tracing_attempts_case_idx" ON "tracing_attempts" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "client_family_client_idx" ON "client_family_members" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "clients_org_idx" ON "clients" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "clients_nik_idx" ON "clients" USING btree ("nik");--> statement-breakpoint
CREATE INDEX "clients_search_trgm_idx" ON "clients" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "stays_open_bed_key" ON "stays" USING btree ("bed_id") WHERE discharged_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "stays_open_case_key" ON "stays" USING btree ("case_id") WHERE discharged_at is null;--> statement-breakpoint
CREATE INDEX "stays_org_idx" ON "stays" USING btree ("organization_id","discharged_at");--> statement-breakpoint
CREATE UNIQUE INDEX "holidays_org_date_key" ON "holidays" USING btree ("organization_id","date");--> statement-breakpoint
CREATE INDEX "holidays_date_idx" ON "holidays" USING btree ("date");--> statement-breakpoint
CREATE UNIQUE INDEX "sop_stages_version_position_key" ON "sop_stages" USING btree ("sop_version_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "sop_versions_org_version_key" ON "sop_versions" USING btree ("organization_id","version");