import "server-only";

import { eq } from "drizzle-orm";

import { webhookDeliveries, type WebhookDelivery } from "@/db/schema";
import { isUuid } from "@/db/uuid";
import { notFound } from "@/lib/errors";

import type { OutboundDeps } from "./deps";
import { requeueDeliveries } from "./requeue-deliveries";

/** A new attempt chain for a logged delivery: the same event (same webhook-id) at the end of the endpoint's queue. */
export async function redeliver(
  deps: Pick<OutboundDeps, "db" | "confirmedEndpoints" | "sendEvent" | "now">,
  deliveryId: string,
): Promise<WebhookDelivery> {
  const [original] = isUuid(deliveryId) ? await deps.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId)) : [];
  if (!original) throw notFound("Delivery");
  const copies = await requeueDeliveries(deps, [original]);
  return copies[0]!;
}
