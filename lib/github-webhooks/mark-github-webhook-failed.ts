import "server-only";

import { and, eq } from "drizzle-orm";

import { webhookEvents } from "@/db/schema";

import type { GithubWebhookDeps } from "./deps";
import { finishWebhookAttempt } from "./finish-webhook-attempt";

/**
 * Marks an attempt failed with the error (after the job's retries are spent), and the event too unless
 * a newer attempt has begun meanwhile.
 */
export async function markGithubWebhookFailed(
  deps: Pick<GithubWebhookDeps, "db" | "now">,
  input: { eventId: string; attempt: number; error: string },
) {
  const error = input.error.slice(0, 2000);
  const finishedAt = deps.now();
  const [event] = await deps.db
    .select({ id: webhookEvents.id, receivedAt: webhookEvents.receivedAt })
    .from(webhookEvents)
    .where(eq(webhookEvents.id, input.eventId));
  if (!event) return;
  await deps.db
    .update(webhookEvents)
    .set({ status: "failed", processedAt: finishedAt, error })
    .where(and(eq(webhookEvents.id, input.eventId), eq(webhookEvents.attempts, input.attempt)));
  await finishWebhookAttempt(deps.db, event, input.attempt, { outcome: "failed", error, finishedAt });
}
