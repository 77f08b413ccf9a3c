import "server-only";

import type { OutboundEvent } from "@/db/schema";

import type { OutboundDeps } from "./deps";
import type { EventType } from "./event-types";
import type { Outbox } from "./outbox";
import { recordEvent } from "./record-event";
import { wakeEndpoints } from "./wake-endpoints";
import { withOutbox } from "./with-outbox";

/** Emits one event on its own (a test event from the admin page): stored with its deliveries, then handed over. */
export async function emitEvent(
  deps: Pick<OutboundDeps, "db" | "endpoints" | "sendEvent" | "now">,
  type: EventType,
  data: Record<string, unknown>,
  options: { onlyEndpoint?: string } = {},
): Promise<{ event: OutboundEvent; endpointIds: string[] }> {
  let recorded: { event: OutboundEvent; endpointIds: string[] } | undefined;
  // An outbox of its own: it may address one endpoint only, keeps the stored event to hand back, and a
  // failed wake-up fails the call, since the caller asked for this event to go out now.
  const outbox: Outbox = {
    record: async (tx, eventType, eventData) => {
      recorded = await recordEvent(tx, deps.endpoints(), {
        type: eventType,
        data: eventData,
        at: deps.now(),
        onlyEndpoint: options.onlyEndpoint,
      });
      return recorded.endpointIds;
    },
    wake: (endpointIds) => wakeEndpoints(deps, endpointIds),
  };
  return withOutbox(deps.db, outbox, async (_tx, emit) => {
    await emit(type, data);
    return recorded!;
  });
}
