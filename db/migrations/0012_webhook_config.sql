CREATE TABLE "webhook_config" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"generation" bigint NOT NULL,
	"hash" text NOT NULL,
	"endpoints" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
