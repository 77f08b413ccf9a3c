import "server-only";

import { and, desc, eq, getTableColumns } from "drizzle-orm";

import type { Database } from "@/db";
import { webhookEvents, type WebhookEventStatus } from "@/db/schema";
import type { Cursor } from "@/lib/pagination/cursor";
import { afterCursor, keysetPage } from "@/lib/pagination/keyset";

import { toWebhookEventView } from "./webhook-event-view";

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
