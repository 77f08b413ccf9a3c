import "server-only";

import { asc, eq } from "drizzle-orm";

import type { Database } from "@/db";
import { webhookEventAttempts, webhookEvents } from "@/db/schema";
import { isUuid } from "@/db/uuid";

import { toWebhookEventView } from "./webhook-event-view";

/** One event as received (headers and payload), with each attempt at processing it, oldest first. */
export async function getWebhookEvent(db: Database, id: string) {
  if (!isUuid(id)) return undefined;
  const [event] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, id));
  if (!event) return undefined;
  const attempts = await db
    .select()
    .from(webhookEventAttempts)
    .where(eq(webhookEventAttempts.eventId, id))
    .orderBy(asc(webhookEventAttempts.attempt));
  return {
    ...toWebhookEventView(event),
    headers: event.headers,
    payload: event.payload,
    attempts: attempts.map((attempt) => ({
      attempt: attempt.attempt,
      trigger: attempt.trigger,
      requested_by: attempt.requestedBy,
      requested_at: attempt.requestedAt.toISOString(),
      finished_at: attempt.finishedAt?.toISOString() ?? null,
      outcome: attempt.outcome,
      note: attempt.note,
      error: attempt.error,
    })),
  };
}
