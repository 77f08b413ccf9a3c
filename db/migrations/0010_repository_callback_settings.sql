CREATE TABLE "repository_settings" (
	"repository" text PRIMARY KEY NOT NULL,
	"analysis_workflow" text,
	"analysis_ref" text,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "features" DROP COLUMN "webhook_secret";