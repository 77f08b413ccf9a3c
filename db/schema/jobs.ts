import { sql } from "drizzle-orm";
import { bigint, bigserial, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Relative, not "@/": drizzle-kit loads the schema without the app's path aliases.
import { RUN_STATUSES, type RunStatus } from "../../lib/jobs/embedded/run-status";
import { uuidBelongsTo, uuidPrimaryKey } from "./columns";

/**
 * State of the embedded job executor (used when no Inngest server is configured). Everything a run
 * needs to resume after a crash lives here: its trigger, memoized step results, sleeps and waits.
 */
export const jobRunStatus = pgEnum("job_run_status", RUN_STATUSES);

/** Every event sent to the executor (inngest.send / step.sendEvent), for triggers, waits and the UI. */
export const jobEvents = pgTable(
  "job_events",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    /** The event's own timestamp (ms), as Inngest events carry it. */
    ts: bigint("ts", { mode: "number" }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("job_events_name_received_idx").on(table.name, table.receivedAt)],
);

export interface MemoizedStep {
  type: "data" | "error";
  data?: unknown;
  error?: unknown;
}

export interface RunWait {
  /** Hashed id of the waitForEvent step. */
  stepId: string;
  event: string;
  /** The `if` expression, already checked to be one the executor evaluates. */
  expression: string | null;
  since: string;
}

export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuidPrimaryKey(),
    functionId: text("function_id").notNull(),
    eventId: text("event_id"),
    /** The triggering event exactly as handed to the function. */
    event: jsonb("event").$type<Record<string, unknown>>().notNull(),
    status: jobRunStatus("status").notNull().default("queued"),
    /** Attempt of the step (or function call) in progress; reset when a step completes. */
    attempt: integer("attempt").notNull().default(0),
    steps: jsonb("steps").$type<Record<string, MemoizedStep>>().notNull().default({}),
    stack: jsonb("stack").$type<string[]>().notNull().default([]),
    output: jsonb("output"),
    error: jsonb("error").$type<{ name?: string; message: string; stack?: string } | null>(),
    concurrencyKeys: jsonb("concurrency_keys").$type<string[]>().notNull().default([]),
    singletonKey: text("singleton_key"),
    /** When the run may next be driven (queued, sleeping, retry backoff, wait timeout). */
    nextRunAt: timestamp("next_run_at", { withTimezone: true }).notNull().defaultNow(),
    /** A driver holds the run until then; an expired lease means the driver died. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    /**
     * Set afresh by each claim; a driver writes the run back only while the token is still its own, so a
     * driver whose lease was taken over (it stalled past lease_until) cannot overwrite the new holder's work.
     */
    leaseToken: uuid("lease_token"),
    /** Hashed id of the step a sleep is for; stored as null when it wakes. */
    sleepStepId: text("sleep_step_id"),
    wait: jsonb("wait").$type<RunWait | null>(),
    /** Parallel steps the SDK planned, run one request each before the function is called again. */
    planned: jsonb("planned").$type<string[]>().notNull().default([]),
    cancelledBy: text("cancelled_by"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (table) => [
    index("job_runs_due_idx")
      .on(table.nextRunAt)
      .where(sql`status in ('queued', 'sleeping', 'waiting', 'running')`),
    index("job_runs_function_idx").on(table.functionId, table.createdAt),
    index("job_runs_singleton_idx").on(table.functionId, table.singletonKey),
    // Every ingested event looks up the runs waiting for it: without this, a backlog of queued runs is scanned per event.
    index("job_runs_waiting_event_idx")
      .on(sql`(${table.wait}->>'event')`)
      .where(sql`status = 'waiting'`),
  ],
);

/** One row per step attempt the executor saw, for the /jobs timeline. */
export const jobRunSteps = pgTable(
  "job_run_steps",
  {
    /** Insertion order: steps of one request share their timestamps. */
    id: bigserial("id", { mode: "number" }).primaryKey(),
    runId: uuidBelongsTo("run_id", () => jobRuns.id),
    stepId: text("step_id").notNull(),
    name: text("name").notNull(),
    op: text("op").notNull(),
    status: text("status").notNull(),
    attempt: integer("attempt").notNull(),
    error: jsonb("error"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (table) => [index("job_run_steps_run_idx").on(table.runId, table.startedAt)],
);

/** Idempotency keys claimed per function, for 24 hours as on Inngest. */
export const jobIdempotencyKeys = pgTable(
  "job_idempotency_keys",
  {
    functionId: text("function_id").notNull(),
    key: text("key").notNull(),
    runId: uuid("run_id"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.functionId, table.key] })],
);

/** Next fire time of each cron trigger. */
export const jobCrons = pgTable(
  "job_crons",
  {
    functionId: text("function_id").notNull(),
    cron: text("cron").notNull(),
    nextAt: timestamp("next_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.functionId, table.cron] })],
);

export type JobRun = typeof jobRuns.$inferSelect;
export type JobRunStep = typeof jobRunSteps.$inferSelect;
export type JobRunStatus = RunStatus;
