import "server-only";

import { eq } from "drizzle-orm";

import { webhookEvents } from "@/db/schema";

import type { GithubWebhookDeps } from "./deps";

/** Marks a delivery failed with the error (after the job's retries are spent). */
export async function markGithubWebhookFailed(deps: Pick<GithubWebhookDeps, "db" | "now">, eventId: string, error: string) {
  await deps.db
    .update(webhookEvents)
    .set({ status: "failed", processedAt: deps.now(), error: error.slice(0, 2000) })
    .where(eq(webhookEvents.id, eventId));
}
