import "server-only";

import { endpointDrainRequested } from "@/inngest/events";

import type { OutboundDeps } from "./deps";

/** Hands the endpoints to their delivery jobs; the request that emitted never waits for delivery. */
export async function wakeEndpoints(deps: Pick<OutboundDeps, "sendEvent">, endpointIds: string[]) {
  if (endpointIds.length)
    await deps.sendEvent(endpointIds.map((endpointId) => ({ name: endpointDrainRequested.name, data: { endpoint_id: endpointId } })));
}
