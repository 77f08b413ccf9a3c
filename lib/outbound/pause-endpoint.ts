import "server-only";

import { webhookEndpointState } from "@/db/schema";

import type { OutboundDeps } from "./deps";

/** Pauses an endpoint: its deliveries wait, in order, until it is resumed. */
export async function pauseEndpoint(deps: Pick<OutboundDeps, "db" | "now">, endpointId: string) {
  const now = deps.now();
  const reason = "paused by an admin";
  await deps.db
    .insert(webhookEndpointState)
    .values({ endpointId, pausedAt: now, pausedReason: reason })
    .onConflictDoUpdate({ target: webhookEndpointState.endpointId, set: { pausedAt: now, pausedReason: reason, updatedAt: now } });
}
