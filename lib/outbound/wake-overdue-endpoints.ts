import "server-only";

import { and, inArray, lte } from "drizzle-orm";

import { webhookDeliveries } from "@/db/schema";

import { OPEN_STATUSES } from "./delivery-status";
import type { OutboundDeps } from "./deps";
import { wakeEndpoints } from "./wake-endpoints";

/** Wakes every endpoint with a delivery overdue by 30 s (a crash or a lost wake-up); returns how many. */
export async function wakeOverdueEndpoints(deps: Pick<OutboundDeps, "db" | "sendEvent" | "now">): Promise<number> {
  const overdue = new Date(deps.now().getTime() - 30_000);
  const due = await deps.db
    .selectDistinct({ endpointId: webhookDeliveries.endpointId })
    .from(webhookDeliveries)
    .where(and(inArray(webhookDeliveries.status, [...OPEN_STATUSES]), lte(webhookDeliveries.nextAttemptAt, overdue)));
  await wakeEndpoints(
    deps,
    due.map((row) => row.endpointId),
  );
  return due.length;
}
