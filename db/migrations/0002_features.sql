CREATE TYPE "public"."analysis_source" AS ENUM('webhook', 'workflow_run_event', 'polling');--> statement-breakpoint
CREATE TYPE "public"."feature_event_kind" AS ENUM('requested', 'polled', 'callback_received', 'workflow_run_received', 'duplicate_ignored', 'transient_error', 'completed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."feature_priority" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."feature_status" AS ENUM('pending', 'analyzing', 'completed', 'failed');--> statement-breakpoint
CREATE TABLE "analyses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"feature_id" uuid NOT NULL,
	"correlation_id" text NOT NULL,
	"source" "analysis_source" NOT NULL,
	"status" text NOT NULL,
	"result" jsonb,
	"error" text,
	"model_used" text,
	"tokens_used" integer,
	"workflow_run_id" bigint,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feature_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"feature_id" uuid NOT NULL,
	"correlation_id" text,
	"kind" "feature_event_kind" NOT NULL,
	"message" text NOT NULL,
	"detail" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "features" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"priority" "feature_priority" DEFAULT 'medium' NOT NULL,
	"status" "feature_status" DEFAULT 'pending' NOT NULL,
	"repository" text NOT NULL,
	"github_issue_url" text,
	"webhook_secret" text NOT NULL,
	"analysis_correlation_id" text,
	"analysis_workflow_run_id" bigint,
	"analysis_callback_url" text,
	"analysis_requested_at" timestamp with time zone,
	"webhook_received_at" timestamp with time zone,
	"last_polled_at" timestamp with time zone,
	"failure_reason" text,
	"created_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "job_runs" ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "job_runs" ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_feature_id_features_id_fk" FOREIGN KEY ("feature_id") REFERENCES "public"."features"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_events" ADD CONSTRAINT "feature_events_feature_id_features_id_fk" FOREIGN KEY ("feature_id") REFERENCES "public"."features"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "features" ADD CONSTRAINT "features_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "analyses_attempt_unique" ON "analyses" USING btree ("feature_id","correlation_id");--> statement-breakpoint
CREATE INDEX "analyses_feature_idx" ON "analyses" USING btree ("feature_id","completed_at");--> statement-breakpoint
CREATE INDEX "feature_events_feature_idx" ON "feature_events" USING btree ("feature_id","created_at");--> statement-breakpoint
CREATE INDEX "features_created_idx" ON "features" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "features_status_created_idx" ON "features" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "features_workflow_run_idx" ON "features" USING btree ("analysis_workflow_run_id");