import "server-only";

import type { Executor } from "@/db";

import type { OutboundDeps } from "./deps";
import type { EventType } from "./event-types";
import { recordEvent } from "./record-event";
import { wakeEndpoints } from "./wake-endpoints";

/**
 * Where a domain write's events go: `record` stores one inside the write's own transaction (the event
 * exists exactly when the change does), `wake` hands the endpoints over once it has committed.
 * Domain code goes through withOutbox rather than calling these itself.
 */
export interface Outbox {
  record(tx: Executor, type: EventType, data: Record<string, unknown>): Promise<string[]>;
  wake(endpointIds: string[]): Promise<void>;
}

export function createOutbox(deps: Pick<OutboundDeps, "confirmedEndpoints" | "sendEvent" | "now" | "log">): Outbox {
  return {
    record: async (tx, type, data) =>
      (await recordEvent(tx, (await deps.confirmedEndpoints(tx)).endpoints, { type, data, at: deps.now() })).endpointIds,
    // The events are stored: a failed wake-up only delays them until the minute cron that wakes overdue endpoints.
    wake: (endpointIds) =>
      wakeEndpoints(deps, endpointIds).catch((error: unknown) => deps.log.warn("endpoints not woken; the minute cron will", { error })),
  };
}

/** For callers (tests, tools) that announce nothing. */
export const silentOutbox: Outbox = { record: async () => [], wake: async () => {} };
