import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

import {
  ANALYSIS_SOURCES,
  ANALYSIS_STATUSES,
  FEATURE_EVENT_KINDS,
  FEATURE_PRIORITIES,
  FEATURE_STATUSES,
} from "../../lib/features/feature-enums";
import { users } from "./auth";
import { uuidBelongsTo, uuidPrimaryKey } from "./columns";

export const featureStatus = pgEnum("feature_status", FEATURE_STATUSES);
export const featurePriority = pgEnum("feature_priority", FEATURE_PRIORITIES);
export const analysisSource = pgEnum("analysis_source", ANALYSIS_SOURCES);

const createdAt = () => timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow();

/** What a product manager wants built, and where its analysis stands. */
export const features = pgTable(
  "features",
  {
    id: uuidPrimaryKey(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    priority: featurePriority("priority").notNull().default("medium"),
    status: featureStatus("status").notNull().default("pending"),
    /** owner/name of the repository the analysis workflow runs in. */
    repository: text("repository").notNull(),
    githubIssueUrl: text("github_issue_url"),
    /** HMAC-SHA256(WEBHOOK_SECRET, id): signs this feature's callbacks. Never returned by any API. */
    /** Identifies the current analysis attempt: carried in the run name and in every callback. */
    analysisCorrelationId: text("analysis_correlation_id"),
    analysisWorkflowRunId: bigint("analysis_workflow_run_id", { mode: "number" }),
    analysisCallbackUrl: text("analysis_callback_url"),
    analysisRequestedAt: timestamp("analysis_requested_at", { withTimezone: true }),
    webhookReceivedAt: timestamp("webhook_received_at", { withTimezone: true }),
    lastPolledAt: timestamp("last_polled_at", { withTimezone: true }),
    failureReason: text("failure_reason"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("features_created_idx").on(table.createdAt, table.id),
    index("features_status_created_idx").on(table.status, table.createdAt, table.id),
    index("features_workflow_run_idx").on(table.analysisWorkflowRunId),
  ],
);

/** The recorded outcome of one analysis attempt: at most one per attempt, whichever path got there first. */
export const analyses = pgTable(
  "analyses",
  {
    id: uuidPrimaryKey(),
    featureId: uuidBelongsTo("feature_id", () => features.id),
    correlationId: text("correlation_id").notNull(),
    source: analysisSource("source").notNull(),
    status: text("status", { enum: ANALYSIS_STATUSES }).notNull(),
    result: jsonb("result").$type<Record<string, unknown>>(),
    error: text("error"),
    modelUsed: text("model_used"),
    tokensUsed: integer("tokens_used"),
    workflowRunId: bigint("workflow_run_id", { mode: "number" }),
    completedAt: timestamp("completed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("analyses_attempt_unique").on(table.featureId, table.correlationId),
    index("analyses_feature_idx").on(table.featureId, table.completedAt),
  ],
);

export const featureEventKind = pgEnum("feature_event_kind", FEATURE_EVENT_KINDS);

/** The status timeline of a feature's analyses, as shown on its page. */
export const featureEvents = pgTable(
  "feature_events",
  {
    id: uuidPrimaryKey(),
    featureId: uuidBelongsTo("feature_id", () => features.id),
    correlationId: text("correlation_id"),
    kind: featureEventKind("kind").notNull(),
    message: text("message").notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (table) => [index("feature_events_feature_idx").on(table.featureId, table.createdAt)],
);

export type Feature = typeof features.$inferSelect;
export type Analysis = typeof analyses.$inferSelect;
export type FeatureEvent = typeof featureEvents.$inferSelect;
export type { AnalysisSource, AnalysisStatus, FeatureEventKind, FeaturePriority, FeatureStatus } from "../../lib/features/feature-enums";
