import { randomUUID } from "node:crypto";
import { and, inArray, lte, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { outboundEvents, webhookDeliveries, webhookEndpointState, type OutboundEvent } from "@/db/schema";
import type { Endpoint } from "./endpoints-config";
import { endpointDrainRequested } from "@/inngest/events";
import type { OutboundDeps } from "./deps";
import { matchesEventPattern, type EventType } from "./event-types";

/** A delivery still to be sent: due now, or waiting out a backoff. */
export const OPEN_STATUSES = ["pending", "retrying"] as const;


/** The envelope every endpoint receives: `{event_id, event_type, timestamp, data}`. */
export function envelopeOf(event: OutboundEvent): string {
  return JSON.stringify({ event_id: event.id, event_type: event.type, timestamp: event.timestamp.toISOString(), data: event.data });
}

/** Next sequence number of an endpoint; the row lock orders concurrent emitters. */
export async function nextSequence(tx: Executor, endpointId: string): Promise<number> {
  const [row] = await tx
    .insert(webhookEndpointState)
    .values({ endpointId, lastSequence: 1 })
    .onConflictDoUpdate({ target: webhookEndpointState.endpointId, set: { lastSequence: sql`${webhookEndpointState.lastSequence} + 1`, updatedAt: new Date() } })
    .returning({ sequence: webhookEndpointState.lastSequence });
  return row!.sequence;
}

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
  const [event] = await tx.insert(outboundEvents).values({ id: `evt_${randomUUID().replaceAll("-", "")}`, type: input.type, timestamp: input.at, data: input.data }).returning();
  const targets = endpoints.filter(
    (endpoint) => endpoint.enabled && (input.onlyEndpoint ? endpoint.id === input.onlyEndpoint : endpoint.events.some((pattern) => matchesEventPattern(pattern, input.type))),
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

/** Hands the endpoints to their drainers; the request that emitted never waits for delivery. */
export async function wakeEndpoints(deps: Pick<OutboundDeps, "sendEvent">, endpointIds: string[]) {
  if (endpointIds.length) await deps.sendEvent(endpointIds.map((endpointId) => ({ name: endpointDrainRequested.name, data: { endpoint_id: endpointId } })));
}

/** Emits one event on its own: stored with its deliveries, then handed over. */
export async function emitEvent(
  deps: Pick<OutboundDeps, "db" | "endpoints" | "sendEvent" | "now">,
  type: EventType,
  data: Record<string, unknown>,
  options: { onlyEndpoint?: string } = {},
): Promise<{ event: OutboundEvent; endpointIds: string[] }> {
  const recorded = await deps.db.transaction((tx) => recordEvent(tx, deps.endpoints(), { type, data, at: deps.now(), onlyEndpoint: options.onlyEndpoint }));
  await wakeEndpoints(deps, recorded.endpointIds);
  return recorded;
}

/** Wakes every endpoint with a delivery overdue by 30 s (a crash or a lost wake-up); returns how many. */
export async function wakeOverdueEndpoints(deps: Pick<OutboundDeps, "db" | "sendEvent" | "now">): Promise<number> {
  const overdue = new Date(deps.now().getTime() - 30_000);
  const due = await deps.db
    .selectDistinct({ endpointId: webhookDeliveries.endpointId })
    .from(webhookDeliveries)
    .where(and(inArray(webhookDeliveries.status, [...OPEN_STATUSES]), lte(webhookDeliveries.nextAttemptAt, overdue)));
  await wakeEndpoints(deps, due.map((row) => row.endpointId));
  return due.length;
}
