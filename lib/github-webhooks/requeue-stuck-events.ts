import "server-only";

import { and, asc, eq, lt } from "drizzle-orm";

import { webhookEvents } from "@/db/schema";

import type { GithubWebhookDeps } from "./deps";
import { processingEvent } from "./processing-event";

const STUCK_AFTER_MS = 10 * 60_000;

/**
 * Deliveries recorded but never handed over — the process died between the INSERT and the send, or the
 * send and its clean-up both failed — are handed over again. A delivery already handed over is not run
 * twice: the processing function is idempotent on the event id and attempt.
 */
export async function requeueStuckWebhookEvents(
  deps: Pick<GithubWebhookDeps, "db" | "sendEvent" | "now" | "log">,
  limit = 500,
): Promise<number> {
  const stuck = await deps.db
    .select({
      id: webhookEvents.id,
      eventType: webhookEvents.eventType,
      webhookId: webhookEvents.webhookId,
      attempts: webhookEvents.attempts,
    })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.status, "received"), lt(webhookEvents.receivedAt, new Date(deps.now().getTime() - STUCK_AFTER_MS))))
    .orderBy(asc(webhookEvents.receivedAt))
    .limit(limit);
  if (!stuck.length) return 0;
  await deps.sendEvent(stuck.map(processingEvent));
  deps.log.warn("stuck github webhook events handed over again", { count: stuck.length });
  return stuck.length;
}
