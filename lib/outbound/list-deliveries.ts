import "server-only";

import { asc, inArray } from "drizzle-orm";

import { outboundEvents, webhookDeliveries, webhookDeliveryAttempts } from "@/db/schema";
import type { Cursor } from "@/lib/pagination/cursor";
import { equalsWhenSet, keysetPage, newestFirst } from "@/lib/pagination/keyset";

import type { WebhookDeliveryStatus } from "./delivery-status";
import { toAttemptView, toDeliveryView } from "./delivery-view";
import type { OutboundDeps } from "./deps";
import { outboundEventConcerns } from "./event-concerns";

/** The delivery log, newest first, by keyset pages, each delivery with its attempts and what its event is about. */
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
  const eventIds = [...new Set(rows.slice(0, input.limit).map((row) => row.eventId))];
  const events = eventIds.length
    ? await deps.db
        .select({ id: outboundEvents.id, type: outboundEvents.type, data: outboundEvents.data })
        .from(outboundEvents)
        .where(inArray(outboundEvents.id, eventIds))
    : [];
  const concerns = new Map(events.map((event) => [event.id, outboundEventConcerns(event.type, event.data)]));
  return keysetPage(rows, input.limit, (delivery) => ({
    ...toDeliveryView(delivery),
    concerns: concerns.get(delivery.eventId) ?? { feature: null, project: null, user: null },
    attempts: attempts.filter((attempt) => attempt.deliveryId === delivery.id).map(toAttemptView),
  }));
}
