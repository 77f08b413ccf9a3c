import "server-only";

import type { OutboundEvent } from "@/db/schema";

import type { OutboundDeps } from "./deps";
import type { EventType } from "./event-types";
import { recordEvent } from "./record-event";
import { wakeEndpoints } from "./wake-endpoints";

/** Emits one event on its own (a test event from the admin page): stored with its deliveries, then handed over. */
export async function emitEvent(
  deps: Pick<OutboundDeps, "db" | "confirmedEndpoints" | "sendEvent" | "now">,
  type: EventType,
  data: Record<string, unknown>,
  options: { onlyEndpoint?: string } = {},
): Promise<{ event: OutboundEvent; endpointIds: string[] }> {
  // No domain write to join, so no outbox: it may address one endpoint only, hands back the stored event,
  // and a failed wake-up fails the call, since the caller asked for this event to go out now.
  const recorded = await deps.db.transaction(async (tx) =>
    recordEvent(tx, (await deps.confirmedEndpoints(tx)).endpoints, { type, data, at: deps.now(), onlyEndpoint: options.onlyEndpoint }),
  );
  await wakeEndpoints(deps, recorded.endpointIds);
  return recorded;
}
