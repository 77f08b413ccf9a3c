import "server-only";

import { eq } from "drizzle-orm";

import type { Database } from "@/db";
import { webhookEvents } from "@/db/schema";
import { isUuid } from "@/db/uuid";

import { toWebhookEventView } from "./webhook-event-view";

/** One event with its payload. */
export async function getWebhookEvent(db: Database, id: string) {
  if (!isUuid(id)) return undefined;
  const [event] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, id));
  return event && { ...toWebhookEventView(event), payload: event.payload };
}
