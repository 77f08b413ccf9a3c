import "server-only";

import { webhookDeliveries, type WebhookDelivery } from "@/db/schema";
import { AppError } from "@/lib/errors";

import type { OutboundDeps } from "./deps";
import { nextSequence } from "./next-sequence";
import { wakeEndpoints } from "./wake-endpoints";

/** Copies of logged deliveries at the end of their endpoints' queues (same event, same webhook-id), then wakes those endpoints. */
export async function requeueDeliveries(
  deps: Pick<OutboundDeps, "db" | "confirmedEndpoints" | "sendEvent" | "now">,
  originals: WebhookDelivery[],
): Promise<WebhookDelivery[]> {
  const endpoints = new Map((await deps.confirmedEndpoints(deps.db)).endpoints.map((endpoint) => [endpoint.id, endpoint]));
  for (const original of originals) {
    if (!endpoints.has(original.endpointId))
      throw new AppError(409, "endpoint_removed", `Endpoint ${original.endpointId} is no longer in webhooks.yaml`);
  }
  const now = deps.now();
  const copies = await deps.db.transaction(async (tx) => {
    const created: WebhookDelivery[] = [];
    for (const original of originals) {
      const [copy] = await tx
        .insert(webhookDeliveries)
        .values({
          eventId: original.eventId,
          eventType: original.eventType,
          endpointId: original.endpointId,
          endpointUrl: endpoints.get(original.endpointId)!.url,
          sequence: await nextSequence(tx, original.endpointId),
          redeliveryOf: original.id,
          nextAttemptAt: now,
          createdAt: now,
        })
        .returning();
      created.push(copy!);
    }
    return created;
  });
  await wakeEndpoints(deps, [...new Set(copies.map((copy) => copy.endpointId))]);
  return copies;
}
