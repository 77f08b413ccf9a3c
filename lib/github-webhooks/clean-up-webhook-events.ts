import "server-only";

import { inArray, lt } from "drizzle-orm";

import { webhookEvents } from "@/db/schema";

import type { GithubWebhookDeps } from "./deps";

/**
 * Deletes inbound events received before `olderThan`, `batchSize` rows per statement so a large backlog
 * never holds one long lock. Returns how many rows were removed.
 */
export async function cleanUpWebhookEvents(
  deps: Pick<GithubWebhookDeps, "db">,
  input: { olderThan: Date; batchSize?: number },
): Promise<number> {
  const { olderThan, batchSize = 1000 } = input;
  let removed = 0;
  for (;;) {
    const batch = deps.db
      .select({ id: webhookEvents.id })
      .from(webhookEvents)
      .where(lt(webhookEvents.receivedAt, olderThan))
      .limit(batchSize);
    const deleted = await deps.db.delete(webhookEvents).where(inArray(webhookEvents.id, batch)).returning({ id: webhookEvents.id });
    removed += deleted.length;
    if (deleted.length < batchSize) return removed;
  }
}

export const retentionCutoff = (now: Date, days: number) => new Date(now.getTime() - days * 24 * 3600_000);
