import "server-only";

import { desc, sql } from "drizzle-orm";

import type { Database } from "@/db";
import { webhookEvents, webhookRecoveries } from "@/db/schema";

/** Missed deliveries the recovery cron asked GitHub to redeliver, newest first, and whether each came back. */
export async function listWebhookRecoveries(db: Database, limit = 50) {
  const rows = await db
    .select({
      recovery: webhookRecoveries,
      arrived: sql<boolean>`exists (select 1 from ${webhookEvents} where ${webhookEvents.webhookId} = ${webhookRecoveries.guid})`,
    })
    .from(webhookRecoveries)
    .orderBy(desc(webhookRecoveries.requestedAt))
    .limit(limit);
  return rows.map(({ recovery, arrived }) => ({
    delivery_id: recovery.deliveryId,
    guid: recovery.guid,
    event_type: recovery.eventType,
    action: recovery.action,
    delivered_at: recovery.deliveredAt.toISOString(),
    requested_at: recovery.requestedAt.toISOString(),
    outcome: recovery.outcome,
    arrived,
  }));
}
