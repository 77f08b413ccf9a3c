import "server-only";

import { eq } from "drizzle-orm";

import { webhookEvents } from "@/db/schema";
import { getMetrics } from "@/lib/metrics/registry";

import type { GithubWebhookDeps } from "./deps";
import { GITHUB_EVENT_HANDLERS } from "./event-handlers";
import { ignored, type ProcessedWebhook } from "./processed-webhook";

/**
 * Turns one recorded delivery into its effects, once: a row already processed, ignored or failed is
 * left alone. Event types without a handler and events about untracked repositories are marked
 * ignored, never errors.
 */
export async function processGithubWebhook(
  deps: Pick<GithubWebhookDeps, "db" | "now" | "log">,
  eventId: string,
): Promise<ProcessedWebhook> {
  const [event] = await deps.db.select().from(webhookEvents).where(eq(webhookEvents.id, eventId));
  if (!event) return ignored("the event was cleaned up before processing");
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
    await deps.db
      .update(webhookEvents)
      .set({ status: result.status, processedAt: deps.now(), error: null })
      .where(eq(webhookEvents.id, event.id));
    outcome = result.status;
  } finally {
    getMetrics().inboundProcessingSeconds.observe({ event_type: event.eventType, outcome }, (performance.now() - started) / 1000);
  }
  deps.log.info("github webhook processed", {
    delivery_id: event.webhookId,
    event_type: event.eventType,
    action: event.action,
    status: result.status,
    note: result.note,
  });
  return result;
}
