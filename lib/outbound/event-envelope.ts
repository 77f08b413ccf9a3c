import "server-only";

import type { OutboundEvent } from "@/db/schema";

/** The envelope every endpoint receives: `{event_id, event_type, timestamp, data}`. */
export function envelopeOf(event: OutboundEvent): string {
  return JSON.stringify({ event_id: event.id, event_type: event.type, timestamp: event.timestamp.toISOString(), data: event.data });
}
