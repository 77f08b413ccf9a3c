import "server-only";

import { asc, inArray } from "drizzle-orm";

import { webhookDeliveries, webhookDeliveryAttempts } from "@/db/schema";
import type { Cursor } from "@/lib/pagination/cursor";
import { equalsWhenSet, keysetPage, newestFirst } from "@/lib/pagination/keyset";

import type { WebhookDeliveryStatus } from "./delivery-status";
import { toAttemptView, toDeliveryView } from "./delivery-view";
import type { OutboundDeps } from "./deps";

/** The delivery log, newest first, by keyset pages, each delivery with its attempts. */
export async function listDeliveries(
  deps: Pick<OutboundDeps, "db">,
  input: { endpointId?: string; status?: WebhookDeliveryStatus; eventType?: string; cursor?: Cursor; limit: number },
) {
  const rows = await newestFirst(deps.db.select().from(webhookDeliveries).$dynamic(), webhookDeliveries, input, [
    equalsWhenSet(webhookDeliveries.endpointId, input.endpointId),
    equalsWhenSet(webhookDeliveries.status, input.status),
    equalsWhenSet(webhookDeliveries.eventType, input.eventType),
  ]);
  const ids = rows.slice(0, input.limit).map((row) => row.id);
  const attempts = ids.length
    ? await deps.db
        .select()
        .from(webhookDeliveryAttempts)
        .where(inArray(webhookDeliveryAttempts.deliveryId, ids))
        .orderBy(asc(webhookDeliveryAttempts.attempt))
    : [];
  return keysetPage(rows, input.limit, (delivery) => ({
    ...toDeliveryView(delivery),
    attempts: attempts.filter((attempt) => attempt.deliveryId === delivery.id).map(toAttemptView),
  }));
}
