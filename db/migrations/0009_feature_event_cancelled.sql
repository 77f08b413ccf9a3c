ALTER TYPE "public"."feature_event_kind" ADD VALUE 'cancelled';--> statement-breakpoint
ALTER TYPE "public"."feature_event_kind" ADD VALUE 'dispatch_failed';