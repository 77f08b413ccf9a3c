import "server-only";

import { asc, eq } from "drizzle-orm";

import { outboundEvents, webhookDeliveries, webhookDeliveryAttempts } from "@/db/schema";
import { isUuid } from "@/db/uuid";

import { toAttemptView, toDeliveryView } from "./delivery-view";
import type { OutboundDeps } from "./deps";
import { outboundEventConcerns } from "./event-concerns";
import { envelopeOf } from "./event-envelope";

/** One delivery with the body it sends (the event's envelope) and each attempt's headers and answer. */
export async function getDelivery(deps: Pick<OutboundDeps, "db">, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await deps.db
    .select({ delivery: webhookDeliveries, event: outboundEvents })
    .from(webhookDeliveries)
    .innerJoin(outboundEvents, eq(outboundEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.id, id));
  if (!row) return undefined;
  const attempts = await deps.db
    .select()
    .from(webhookDeliveryAttempts)
    .where(eq(webhookDeliveryAttempts.deliveryId, id))
    .orderBy(asc(webhookDeliveryAttempts.attempt));
  return {
    ...toDeliveryView(row.delivery),
    concerns: outboundEventConcerns(row.event.type, row.event.data),
    request_body: envelopeOf(row.event),
    attempts: attempts.map(toAttemptView),
  };
}
