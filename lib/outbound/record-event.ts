import "server-only";

import { randomUUID } from "node:crypto";

import type { Executor } from "@/db";
import { outboundEvents, webhookDeliveries, type OutboundEvent } from "@/db/schema";

import { emittedEventObserver } from "./emitted-event-observer";
import type { Endpoint, FilterValue } from "./endpoints-config";
import { currentEventVersion } from "./event-catalogue";
import { matchesEventPattern, type EventType } from "./event-types";
import { nextSequence } from "./next-sequence";

/**
 * Stores an event and one delivery per enabled endpoint subscribed to it, each with the endpoint's next
 * sequence number — in the caller's transaction, so an event exists exactly when what it announces does.
 * Returns the endpoints to wake once the transaction has committed.
 */
export async function recordEvent(
  tx: Executor,
  endpoints: Endpoint[],
  input: { type: EventType; data: Record<string, unknown>; at: Date; onlyEndpoint?: string },
): Promise<{ event: OutboundEvent; endpointIds: string[] }> {
  const [event] = await tx
    .insert(outboundEvents)
    .values({
      id: `evt_${randomUUID().replaceAll("-", "")}`,
      type: input.type,
      version: currentEventVersion(input.type).version,
      timestamp: input.at,
      data: input.data,
    })
    .returning();
  await emittedEventObserver()?.(event!);
  const targets = endpoints.filter(
    (endpoint) =>
      endpoint.enabled &&
      (input.onlyEndpoint
        ? endpoint.id === input.onlyEndpoint
        : endpoint.events.some((pattern) => matchesEventPattern(pattern, input.type)) && matchesFilter(endpoint.filter, input.data)),
  );
  for (const endpoint of targets) {
    await tx.insert(webhookDeliveries).values({
      eventId: event!.id,
      eventType: input.type,
      endpointId: endpoint.id,
      endpointUrl: endpoint.url,
      sequence: await nextSequence(tx, endpoint.id),
      nextAttemptAt: input.at,
      createdAt: input.at,
    });
  }
  return { event: event!, endpointIds: targets.map((endpoint) => endpoint.id) };
}

/** Every filtered path of the data holds one of its values (an event without the field does not match). */
function matchesFilter(filter: Record<string, FilterValue[]>, data: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([path, values]) => {
    const value = path
      .split(".")
      .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), data);
    return values.some((candidate) => candidate === value);
  });
}
