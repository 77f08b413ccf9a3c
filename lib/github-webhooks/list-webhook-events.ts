import "server-only";

import { getTableColumns } from "drizzle-orm";

import type { Database } from "@/db";
import { webhookEvents, type WebhookEventStatus } from "@/db/schema";
import type { Cursor } from "@/lib/pagination/cursor";
import { equalsWhenSet, keysetPage, newestFirst } from "@/lib/pagination/keyset";

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
  const query = db
    .select({ ...columns, createdAt: webhookEvents.receivedAt })
    .from(webhookEvents)
    .$dynamic();
  const rows = await newestFirst(query, { createdAt: webhookEvents.receivedAt, id: webhookEvents.id }, input, [
    equalsWhenSet(webhookEvents.eventType, input.type),
    equalsWhenSet(webhookEvents.status, input.status),
    equalsWhenSet(webhookEvents.repository, input.repository),
  ]);
  return keysetPage(rows, input.limit, (row) => toWebhookEventView({ ...row, payload: {} }));
}
