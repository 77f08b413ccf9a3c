import { z } from "zod";

import {
  WEBHOOK_ATTEMPT_OUTCOMES,
  WEBHOOK_ATTEMPT_TRIGGERS,
  WEBHOOK_EVENT_SOURCES,
  WEBHOOK_EVENT_STATUSES,
} from "@/lib/github-webhooks/webhook-event-enums";

import { anyJson, eventConcerns, isoTime } from "./common-schemas";

const eventFields = {
  id: z.uuid(),
  delivery_id: z.string(),
  source: z.enum(WEBHOOK_EVENT_SOURCES),
  event_type: z.string(),
  action: z.string().nullable(),
  repository: z.string().nullable(),
  installation_id: z.number().int().nullable(),
  status: z.enum(WEBHOOK_EVENT_STATUSES),
  error: z.string().nullable(),
  received_at: isoTime,
  processed_at: isoTime.nullable(),
};

/** lib/github-webhooks/webhook-event-view.ts, without the payload (the log). */
export const inboundEventView = z
  .object({
    ...eventFields,
    attempts: z.number().int().meta({ description: "Processing attempts so far" }),
    // The feature whose analysis run it reports, the tracked project of its repository, its sender.
    concerns: eventConcerns,
  })
  .meta({ id: "InboundEvent" });

/** lib/github-webhooks/get-webhook-event.ts: one inbound event as received, with each processing attempt. */
export const inboundEventDetail = z
  .object({
    ...eventFields,
    headers: z.record(z.string(), z.string()).meta({ description: "The request headers as received, minus credentials" }),
    payload: anyJson,
    attempts: z.array(
      z.object({
        attempt: z.number().int(),
        trigger: z.enum(WEBHOOK_ATTEMPT_TRIGGERS),
        requested_by: z.string().nullable().meta({ description: "The user who asked for a replay" }),
        requested_at: isoTime,
        finished_at: isoTime.nullable(),
        outcome: z.enum(WEBHOOK_ATTEMPT_OUTCOMES).nullable().meta({ description: "Null while the attempt is under way" }),
        note: z.string().nullable(),
        error: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "InboundEventDetail" });

/** lib/github-webhooks/replay-webhook-events.ts: an event sent back to processing, as a new attempt. */
export const replayedInboundEvent = z
  .object({ id: z.uuid(), delivery_id: z.string(), event_type: z.string(), attempt: z.number().int() })
  .meta({ id: "ReplayedInboundEvent" });

/** lib/github-webhooks/github-webhook-health.ts and -hourly.ts. */
export const githubWebhookHealthView = z.object({
  status: z.enum(["healthy", "degraded"]),
  success_rate: z.number(),
  total_events_last_hour: z.number().int(),
  failed_events_last_hour: z.number().int(),
  last_event_at: isoTime.nullable(),
  hourly: z.array(z.object({ hour: isoTime, total: z.number().int(), failed: z.number().int(), success_rate: z.number().nullable() })),
});

/** lib/github-webhooks/list-webhook-recoveries.ts. */
export const webhookRecovery = z.object({
  delivery_id: z.number().int(),
  guid: z.string(),
  event_type: z.string(),
  action: z.string().nullable(),
  delivered_at: isoTime,
  requested_at: isoTime,
  outcome: z.string(),
  arrived: z.boolean(),
});

/** lib/github-webhooks/receive-github-webhook.ts `GithubWebhookAnswer`. */
export const githubWebhookAnswer = z.object({
  status: z.enum(["accepted", "duplicate"]),
  event_type: z.string(),
  delivery_id: z.string(),
});
