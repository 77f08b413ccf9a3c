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
  const page = rows.slice(0, input.limit);
  const ids = page.map((row) => row.id);
  const eventIds = [...new Set(page.map((row) => row.eventId))];
  const [attempts, events] = await Promise.all([
    ids.length
      ? deps.db
          .select()
          .from(webhookDeliveryAttempts)
          .where(inArray(webhookDeliveryAttempts.deliveryId, ids))
          .orderBy(asc(webhookDeliveryAttempts.attempt))
      : [],
    eventIds.length
      ? deps.db
          .select({ id: outboundEvents.id, type: outboundEvents.type, data: outboundEvents.data })
          .from(outboundEvents)
          .where(inArray(outboundEvents.id, eventIds))
      : [],
  ]);
  const attemptsByDelivery = new Map<string, (typeof attempts)[number][]>();
  for (const attempt of attempts) {
    const list = attemptsByDelivery.get(attempt.deliveryId);
    if (list) list.push(attempt);
    else attemptsByDelivery.set(attempt.deliveryId, [attempt]);
  }
  const concerns = new Map(events.map((event) => [event.id, outboundEventConcerns(event.type, event.data)]));
  return keysetPage(rows, input.limit, (delivery) => ({
    ...toDeliveryView(delivery),
    concerns: concerns.get(delivery.eventId) ?? { feature: null, project: null, user: null },
    attempts: (attemptsByDelivery.get(delivery.id) ?? []).map(toAttemptView),
  }));
}
