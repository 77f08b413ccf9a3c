import "server-only";

import type { Database } from "@/db";
import { webhookEventAttempts, type WebhookEvent } from "@/db/schema";

import type { WebhookAttemptOutcome } from "./webhook-event-enums";

/**
 * Records how one processing attempt ended. The first attempt's row is written here (the receipt
 * itself stays a single INSERT); later attempts were recorded when they were asked for.
 */
export async function finishWebhookAttempt(
  db: Database,
  event: Pick<WebhookEvent, "id" | "receivedAt">,
  attempt: number,
  result: { outcome: WebhookAttemptOutcome; note?: string | null; error?: string | null; finishedAt: Date },
) {
  const finished = { outcome: result.outcome, note: result.note ?? null, error: result.error ?? null, finishedAt: result.finishedAt };
  await db
    .insert(webhookEventAttempts)
    .values({ eventId: event.id, attempt, trigger: "delivery", requestedAt: event.receivedAt, ...finished })
    .onConflictDoUpdate({ target: [webhookEventAttempts.eventId, webhookEventAttempts.attempt], set: finished });
}
