import "server-only";

import { and, asc, eq, gte } from "drizzle-orm";

import { webhookDeliveries, type WebhookDelivery } from "@/db/schema";

import type { OutboundDeps } from "./deps";
import { requeueDeliveries } from "./requeue-deliveries";

/** Redelivers every failed delivery of an endpoint since `since`, in their original order. */
export async function recoverEndpoint(
  deps: Pick<OutboundDeps, "db" | "confirmedEndpoints" | "sendEvent" | "now">,
  endpointId: string,
  since: Date,
): Promise<WebhookDelivery[]> {
  const failed = await deps.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, "failed"), gte(webhookDeliveries.createdAt, since)),
    )
    .orderBy(asc(webhookDeliveries.sequence));
  return failed.length ? requeueDeliveries(deps, failed) : [];
}
