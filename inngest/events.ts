import "server-only";

import { eventType, type EventType, type StandardSchemaV1 } from "inngest";
import { z } from "zod";

/**
 * Every event the app's background functions send or react to: its name and the zod schema of its
 * data, in one place. The SDK's own `inngest/*` events (function.failed, scheduled.timer) are not here.
 *
 * - A function's trigger is the event type (`triggers: [analysisRequested]`): its `event.data` is typed, and
 *   the SDK checks the data against the schema before the handler runs (a malformed event fails the run
 *   at once, with EventValidationError, a NonRetriableError). An `onFailure` handler gets the original
 *   event unchecked, so it parses `event.data.event.data` with the schema itself.
 * - Code holding the Inngest client sends `type.create(data)`: typed, and checked by the SDK before it is sent.
 * - `lib/` has no client: it takes a `sendEvent(event: JobEvent)` dep and builds `{ name: type.name, data }`,
 *   which the JobEvent union checks field by field.
 */

/** A feature's analysis workflow was dispatched: the poller starts waiting for its result. */
export const analysisRequested = eventType("feature/analysis.requested", {
  schema: z.object({
    feature_id: z.uuid(),
    correlation_id: z.string().min(1),
    run_id: z.number().int().nullable(),
    requested_at: z.iso.datetime({ offset: true }),
    callback: z.boolean(),
  }),
});

/** Sent whenever an attempt's result is recorded, by any path: the poller stops waiting on it. */
export const analysisRecorded = eventType("feature/analysis.recorded", {
  schema: z.object({ feature_id: z.uuid(), correlation_id: z.string().min(1) }),
});

/** The App's workflow_run `completed` webhook, handed on to the analysis flow. */
export const workflowRunCompleted = eventType("github/workflow_run.completed", {
  schema: z.object({
    run_id: z.number().int().positive(),
    run_name: z.string().nullable(),
    conclusion: z.string().nullable(),
    repository: z.string(),
  }),
});

/** Sent for every new GitHub delivery once its row is stored; the processing function picks it up. */
export const githubWebhookReceived = eventType("github/webhook.received", {
  // processing_key is `<event_id>:<attempt>`: a replay or redelivery is a new attempt, so it runs again.
  schema: z.object({
    event_id: z.uuid(),
    event_type: z.string(),
    delivery_id: z.string(),
    attempt: z.number().int().min(1),
    processing_key: z.string(),
  }),
});

/** Asks for a project's plan to be (re)read; `priority` (seconds, Inngest's priority.run) puts plan and manifest pushes first. */
export const projectProcessRequested = eventType("project/process.requested", {
  schema: z.object({
    project_id: z.uuid(),
    commit_sha: z.string().nullable(),
    reason: z.string(),
    /** Why a push asked for it (which files changed), for the logs. */
    detail: z.string().optional(),
    delivery_id: z.string().nullish(),
    priority: z.number().int(),
  }),
});

/** Asks the endpoint's delivery job to deliver what is due, in sequence order. */
export const endpointDrainRequested = eventType("webhooks/endpoint.drain", {
  schema: z.object({ endpoint_id: z.string().min(1) }),
});

/** The job engine self-test, from the /jobs page or the API; unset fields take the function's defaults. */
export const jobsSelfTestRequested = eventType("hooksmith/jobs.self-test", {
  schema: z.object({
    pauseSeconds: z.number().int().min(0).max(3600).optional(),
    holdSeconds: z.number().int().min(0).max(60).optional(),
  }),
});

/** `npm run bench` only (HOOKSMITH_BENCH=1): a no-op run of `steps` steps, to time the job engine itself. */
export const benchJobRequested = eventType("hooksmith/bench.job", {
  schema: z.object({ steps: z.number().int().min(1).max(10) }),
});

/** The whole catalogue, for code that lists the app's events. */
export const jobEventTypes = [
  analysisRequested,
  analysisRecorded,
  workflowRunCompleted,
  githubWebhookReceived,
  projectProcessRequested,
  endpointDrainRequested,
  jobsSelfTestRequested,
] as const;

/** An event of one type, as sent: its name and its data. */
export type JobEventOf<T> =
  T extends EventType<infer Name, infer Schema extends StandardSchemaV1<Record<string, unknown>>>
    ? { name: Name; data: StandardSchemaV1.InferInput<Schema> }
    : never;

/** Any event of the catalogue, told apart by its name. */
export type JobEvent = JobEventOf<(typeof jobEventTypes)[number]>;
