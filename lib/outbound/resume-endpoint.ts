import "server-only";

import { eq } from "drizzle-orm";

import { webhookEndpointState } from "@/db/schema";

import type { OutboundDeps } from "./deps";
import { wakeEndpoints } from "./wake-endpoints";

/** Resumes an endpoint and wakes its delivery job; the failure streak starts again. */
export async function resumeEndpoint(deps: Pick<OutboundDeps, "db" | "now" | "sendEvent">, endpointId: string) {
  await deps.db
    .update(webhookEndpointState)
    .set({ pausedAt: null, pausedReason: null, consecutiveFailures: 0, updatedAt: deps.now() })
    .where(eq(webhookEndpointState.endpointId, endpointId));
  await wakeEndpoints(deps, [endpointId]);
}
