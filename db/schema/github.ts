import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";

import {
  WEBHOOK_ATTEMPT_OUTCOMES,
  WEBHOOK_ATTEMPT_TRIGGERS,
  WEBHOOK_EVENT_SOURCES,
  WEBHOOK_EVENT_STATUSES,
} from "../../lib/github-webhooks/webhook-event-enums";
import { PROJECT_ITEM_KINDS, PROJECT_ITEM_STATES } from "../../lib/projects/project-item-enums";
import { users } from "./auth";
import { at, uuidBelongsTo, uuidPrimaryKey } from "./columns";

/** An installation of the GitHub App on a user or organisation account. */
export const installations = pgTable("installations", {
  /** GitHub's installation id. */
  id: bigint("id", { mode: "number" }).primaryKey(),
  accountLogin: text("account_login").notNull(),
  accountType: text("account_type").notNull(),
  repositorySelection: text("repository_selection").notNull(),
  suspendedAt: at("suspended_at"),
  installedBy: text("installed_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: at("created_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
  /** Set when GitHub reports the App uninstalled; the row stays for the event log's sake. */
  deletedAt: at("deleted_at"),
});

/** The repositories an installation can reach, as GitHub last reported them. */
export const installationRepositories = pgTable(
  "installation_repositories",
  {
    installationId: bigint("installation_id", { mode: "number" })
      .notNull()
      .references(() => installations.id, { onDelete: "cascade" }),
    repositoryId: bigint("repository_id", { mode: "number" }).notNull(),
    fullName: text("full_name").notNull(),
    addedAt: at("added_at").notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.installationId, table.repositoryId] }),
    index("installation_repositories_name_idx").on(sql`lower(${table.fullName})`),
  ],
);

/** A repository whose plan file Hooksmith follows. */
export const projects = pgTable(
  "projects",
  {
    id: uuidPrimaryKey(),
    /** owner/name, as GitHub spells it. */
    repository: text("repository").notNull(),
    installationId: bigint("installation_id", { mode: "number" }).notNull(),
    /** The plan file asked for; null → the first of docs/plan.md, plan.md, README.md that exists. */
    planPath: text("plan_path"),
    /** The plan file found at the last processing. */
    resolvedPlanPath: text("resolved_plan_path"),
    lastUpdated: at("last_updated"),
    lastError: text("last_error"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("projects_repository_unique").on(sql`lower(${table.repository})`),
    index("projects_created_idx").on(table.createdAt, table.id),
  ],
);

export interface PlanSectionCounts {
  heading: string;
  total: number;
  done: number;
}

/** The plan's task progress at one commit. */
export const projectSnapshots = pgTable(
  "project_snapshots",
  {
    id: uuidPrimaryKey(),
    projectId: uuidBelongsTo("project_id", () => projects.id),
    commitSha: text("commit_sha").notNull(),
    planPath: text("plan_path").notNull(),
    totalTasks: integer("total_tasks").notNull(),
    doneTasks: integer("done_tasks").notNull(),
    sections: jsonb("sections").$type<PlanSectionCounts[]>().notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (table) => [index("project_snapshots_project_idx").on(table.projectId, table.createdAt)],
);

/** What happened to a project and why: the updates log on its page. */
export const projectUpdates = pgTable(
  "project_updates",
  {
    id: uuidPrimaryKey(),
    projectId: uuidBelongsTo("project_id", () => projects.id),
    eventType: text("event_type").notNull(),
    deliveryId: text("delivery_id"),
    jobId: text("job_id"),
    /** The commit the plan was read at (null for updates that read nothing, e.g. a plan path change). */
    commitSha: text("commit_sha"),
    summary: text("summary").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (table) => [index("project_updates_project_idx").on(table.projectId, table.createdAt, table.id)],
);

/** The latest known state of each pull request and issue of a project, for its open/closed counts. */
export const projectItems = pgTable(
  "project_items",
  {
    projectId: uuidBelongsTo("project_id", () => projects.id),
    kind: text("kind", { enum: PROJECT_ITEM_KINDS }).notNull(),
    number: integer("number").notNull(),
    state: text("state", { enum: PROJECT_ITEM_STATES }).notNull(),
    title: text("title").notNull(),
    updatedAt: at("updated_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.projectId, table.kind, table.number] })],
);

export const webhookEventStatus = pgEnum("webhook_event_status", WEBHOOK_EVENT_STATUSES);

/** Every inbound delivery, once: X-GitHub-Delivery is unique, so a duplicate is never processed twice. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: uuidPrimaryKey(),
    source: text("source", { enum: WEBHOOK_EVENT_SOURCES }).notNull(),
    webhookId: text("webhook_id").notNull(),
    eventType: text("event_type").notNull(),
    action: text("action"),
    repository: text("repository"),
    installationId: bigint("installation_id", { mode: "number" }),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** The request headers as received, minus credentials (no Authorization or Cookie). */
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    /** Processing attempts so far: each receipt, redelivery or replay adds one (webhook_event_attempts). */
    attempts: integer("attempts").notNull().default(1),
    receivedAt: at("received_at").notNull().defaultNow(),
    processedAt: at("processed_at"),
    status: webhookEventStatus("status").notNull().default("received"),
    error: text("error"),
  },
  (table) => [
    uniqueIndex("webhook_events_webhook_id_unique").on(table.webhookId),
    index("webhook_events_received_idx").on(table.receivedAt, table.id),
    index("webhook_events_type_received_idx").on(table.eventType, table.receivedAt, table.id),
    index("webhook_events_status_received_idx").on(table.status, table.receivedAt, table.id),
    index("webhook_events_repository_received_idx").on(table.repository, table.receivedAt, table.id),
  ],
);

/** One processing of an inbound event, numbered from 1, with why it ran and how it ended. */
export const webhookEventAttempts = pgTable(
  "webhook_event_attempts",
  {
    eventId: uuidBelongsTo("event_id", () => webhookEvents.id),
    attempt: integer("attempt").notNull(),
    trigger: text("trigger", { enum: WEBHOOK_ATTEMPT_TRIGGERS }).notNull(),
    /** The person who asked for a replay. */
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    requestedAt: at("requested_at").notNull().defaultNow(),
    finishedAt: at("finished_at"),
    outcome: text("outcome", { enum: WEBHOOK_ATTEMPT_OUTCOMES }),
    note: text("note"),
    error: text("error"),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.attempt] })],
);

/** Deliveries GitHub reported failed that we never recorded, and our request to redeliver each. */
export const webhookRecoveries = pgTable(
  "webhook_recoveries",
  {
    /** GitHub's delivery id (GET /app/hook/deliveries). */
    deliveryId: bigint("delivery_id", { mode: "number" }).primaryKey(),
    guid: text("guid").notNull(),
    eventType: text("event_type").notNull(),
    action: text("action"),
    deliveredAt: at("delivered_at").notNull(),
    requestedAt: at("requested_at").notNull().defaultNow(),
    /** Redelivery requested, or GitHub's refusal. */
    outcome: text("outcome").notNull(),
  },
  (table) => [index("webhook_recoveries_requested_idx").on(table.requestedAt)],
);

export type Installation = typeof installations.$inferSelect;
export type Project = typeof projects.$inferSelect;
export type ProjectSnapshot = typeof projectSnapshots.$inferSelect;
export type ProjectUpdate = typeof projectUpdates.$inferSelect;
export type WebhookEvent = typeof webhookEvents.$inferSelect;
export type WebhookEventAttempt = typeof webhookEventAttempts.$inferSelect;
export type { WebhookEventStatus } from "../../lib/github-webhooks/webhook-event-enums";
export type WebhookRecovery = typeof webhookRecoveries.$inferSelect;

/** How one repository's analysis workflow is dispatched, when an admin overrides the defaults. */
export const repositorySettings = pgTable("repository_settings", {
  /** owner/name, lower-cased: repository names match case-insensitively. */
  repository: text("repository").primaryKey(),
  /** The workflow file; null → ANALYSIS_WORKFLOW. */
  analysisWorkflow: text("analysis_workflow"),
  /** The ref the workflow runs on; null → ANALYSIS_WORKFLOW_REF, else the repository's default branch. */
  analysisRef: text("analysis_ref"),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

export type RepositorySettings = typeof repositorySettings.$inferSelect;
