import "server-only";

import { and, asc, eq, gte, inArray, sql, type SQL } from "drizzle-orm";

import { webhookEventAttempts, webhookEvents } from "@/db/schema";
import { found } from "@/lib/errors";

import type { GithubWebhookDeps } from "./deps";
import { processingEvent } from "./processing-event";

/** At most this many events per bulk replay; the answer says when more are left. */
export const BULK_REPLAY_LIMIT = 500;

type ReplayDeps = Pick<GithubWebhookDeps, "db" | "sendEvent" | "now" | "log">;

/** Processes one inbound event again, whatever its status, as a new attempt (POST …/events/{id}/replay). */
export async function replayWebhookEvent(deps: ReplayDeps, input: { eventId: string; requestedBy: string | null }) {
  const [replayed] = await reopen(
    deps,
    and(eq(webhookEvents.id, input.eventId), eq(webhookEvents.source, "github"))!,
    1,
    input.requestedBy,
  );
  return found(replayed, "Event");
}

/**
 * Processes again the failed GitHub events received since a time, oldest first, up to BULK_REPLAY_LIMIT
 * (POST …/events/replay). `remaining` counts the failed ones left for another call.
 */
export async function replayFailedWebhookEvents(deps: ReplayDeps, input: { since: Date; requestedBy: string | null }) {
  const failedSince = and(
    eq(webhookEvents.source, "github"),
    eq(webhookEvents.status, "failed"),
    gte(webhookEvents.receivedAt, input.since),
  );
  const replayed = await reopen(deps, failedSince!, BULK_REPLAY_LIMIT, input.requestedBy);
  const remaining = await deps.db.$count(webhookEvents, failedSince);
  return { replayed: replayed.length, remaining, events: replayed };
}

/**
 * 1. In one transaction: the chosen rows go back to `received` with a new attempt number, and each new
 *    attempt is recorded with who asked.
 * 2. After the commit, each attempt is handed to the processing function. Should that send fail, the rows
 *    stay `received` and the stuck-event sweep hands them over (the attempt number keeps it to one run).
 */
async function reopen(deps: ReplayDeps, where: SQL, limit: number, requestedBy: string | null) {
  const now = deps.now();
  const rows = await deps.db.transaction(async (tx) => {
    const chosen = tx
      .select({ id: webhookEvents.id })
      .from(webhookEvents)
      .where(where)
      .orderBy(asc(webhookEvents.receivedAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    const reopened = await tx
      .update(webhookEvents)
      .set({ status: "received", error: null, processedAt: null, attempts: sql`${webhookEvents.attempts} + 1` })
      .where(inArray(webhookEvents.id, chosen))
      .returning({
        id: webhookEvents.id,
        eventType: webhookEvents.eventType,
        webhookId: webhookEvents.webhookId,
        attempts: webhookEvents.attempts,
      });
    if (reopened.length)
      await tx
        .insert(webhookEventAttempts)
        .values(
          reopened.map((row) => ({ eventId: row.id, attempt: row.attempts, trigger: "replay" as const, requestedBy, requestedAt: now })),
        );
    return reopened;
  });
  if (rows.length) {
    await deps.sendEvent(rows.map(processingEvent));
    deps.log.info("github webhook events replayed", { count: rows.length, requested_by: requestedBy });
  }
  return rows.map((row) => ({ id: row.id, delivery_id: row.webhookId, event_type: row.eventType, attempt: row.attempts }));
}
