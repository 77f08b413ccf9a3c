import "server-only";

import { eq } from "drizzle-orm";

import { webhookEvents } from "@/db/schema";
import { getMetrics } from "@/lib/metrics/registry";

import type { GithubWebhookDeps } from "./deps";
import { GITHUB_EVENT_HANDLERS } from "./event-handlers";
import { finishWebhookAttempt } from "./finish-webhook-attempt";
import { ignored, type ProcessedWebhook } from "./processed-webhook";

/**
 * Turns one recorded delivery into its effects, once per attempt: a row already processed, ignored or
 * failed is left alone, and so is an attempt a newer one (a replay or redelivery) superseded. Event
 * types without a handler and events about untracked repositories are marked ignored, never errors.
 * The attempt's outcome is kept with it (webhook_event_attempts).
 */
export async function processGithubWebhook(
  deps: Pick<GithubWebhookDeps, "db" | "now" | "log">,
  eventId: string,
  attempt?: number,
): Promise<ProcessedWebhook> {
  const [event] = await deps.db.select().from(webhookEvents).where(eq(webhookEvents.id, eventId));
  if (!event) return ignored("the event was cleaned up before processing");
  if (attempt !== undefined && attempt !== event.attempts) return ignored(`superseded by attempt ${event.attempts}`);
  if (event.status !== "received")
    return { status: event.status === "failed" ? "ignored" : event.status, note: "already handled", followUps: [] };
  // Own keys only, so a type named like an Object.prototype member is not mistaken for a handler.
  const handler = Object.hasOwn(GITHUB_EVENT_HANDLERS, event.eventType) ? GITHUB_EVENT_HANDLERS[event.eventType] : undefined;
  const started = performance.now();
  // A handler that throws is observed as "error": the job retries it, and each try took its time.
  let outcome = "error";
  let result: ProcessedWebhook;
  try {
    result = handler ? await handler(deps, event) : ignored(`${event.eventType} events are not used`);
    const finishedAt = deps.now();
    await deps.db
      .update(webhookEvents)
      .set({ status: result.status, processedAt: finishedAt, error: null })
      .where(eq(webhookEvents.id, event.id));
    await finishWebhookAttempt(deps.db, event, event.attempts, { outcome: result.status, note: result.note, finishedAt });
    outcome = result.status;
  } finally {
    getMetrics().inboundProcessingSeconds.observe({ event_type: event.eventType, outcome }, (performance.now() - started) / 1000);
  }
  deps.log.info("github webhook processed", {
    delivery_id: event.webhookId,
    event_type: event.eventType,
    action: event.action,
    attempt: event.attempts,
    status: result.status,
    note: result.note,
  });
  return result;
}
