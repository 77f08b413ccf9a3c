import { and, desc, eq, getTableColumns, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { webhookEvents, webhookRecoveries, type WebhookEvent, type WebhookEventStatus } from "@/db/schema";
import type { Cursor } from "@/lib/pagination/cursor";
import { afterCursor, keysetPage } from "@/lib/pagination/keyset";
import { isUuid } from "@/db/uuid";

export function toWebhookEventView(event: WebhookEvent) {
  return {
    id: event.id,
    delivery_id: event.webhookId,
    source: event.source,
    event_type: event.eventType,
    action: event.action,
    repository: event.repository,
    installation_id: event.installationId,
    status: event.status,
    error: event.error,
    received_at: event.receivedAt.toISOString(),
    processed_at: event.processedAt?.toISOString() ?? null,
  };
}

export interface ListWebhookEventsInput {
  type?: string;
  status?: WebhookEventStatus;
  repository?: string;
  cursor?: Cursor;
  limit: number;
}

/** The inbound event log, newest first, by keyset pages (each filter has its own index). */
export async function listWebhookEvents(db: Database, input: ListWebhookEventsInput) {
  const { payload: _payload, ...columns } = getTableColumns(webhookEvents);
  const rows = await db
    .select({ ...columns, createdAt: webhookEvents.receivedAt })
    .from(webhookEvents)
    .where(
      and(
        input.type ? eq(webhookEvents.eventType, input.type) : undefined,
        input.status ? eq(webhookEvents.status, input.status) : undefined,
        input.repository ? eq(webhookEvents.repository, input.repository) : undefined,
        afterCursor(webhookEvents.receivedAt, webhookEvents.id, input.cursor),
      ),
    )
    .orderBy(desc(webhookEvents.receivedAt), desc(webhookEvents.id))
    .limit(input.limit + 1);
  return keysetPage(rows, input.limit, (row) => toWebhookEventView({ ...row, payload: {} }));
}

/** One event with its payload. */
export async function getWebhookEvent(db: Database, id: string) {
  if (!isUuid(id)) return undefined;
  const [event] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, id));
  return event && { ...toWebhookEventView(event), payload: event.payload };
}

/** Missed deliveries the recovery cron asked GitHub to redeliver, newest first, and whether each came back. */
export async function listWebhookRecoveries(db: Database, limit = 50) {
  const rows = await db
    .select({ recovery: webhookRecoveries, arrived: sql<boolean>`exists (select 1 from ${webhookEvents} where ${webhookEvents.webhookId} = ${webhookRecoveries.guid})` })
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
