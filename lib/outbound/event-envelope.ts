import "server-only";

import type { OutboundEvent } from "@/db/schema";

/** The envelope every endpoint receives: `{event_id, event_type, version, timestamp, data}`; `version` is that of `data`'s schema. */
export function envelopeOf(event: OutboundEvent): string {
  return JSON.stringify({
    event_id: event.id,
    event_type: event.type,
    version: event.version,
    timestamp: event.timestamp.toISOString(),
    data: event.data,
  });
}
