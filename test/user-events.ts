import { and, asc, eq, like, sql } from "drizzle-orm";

import type { Database } from "@/db";
import { outboundEvents, webhookDeliveries } from "@/db/schema";
import { endpointDrainRequested } from "@/inngest/events";
import { createLogger } from "@/lib/log";
import { createOutbox } from "@/lib/outbound/outbox";

import { testEndpoint } from "./outbound";

/** The endpoint tests subscribe to user.*: its deliveries show which events were recorded, in order. */
export const USER_EVENTS_ENDPOINT = testEndpoint("https://crm.example.com/hooks/users", {
  id: "user-sync",
  events: ["user.*"],
  secretName: "user_sync_secret",
});

/** An outbox like the app's, delivering to USER_EVENTS_ENDPOINT; `woken` lists the endpoints it was asked to wake. */
export function userEventsOutbox() {
  const woken: string[] = [];
  const outbox = createOutbox({
    confirmedEndpoints: async () => ({ endpoints: [USER_EVENTS_ENDPOINT], unresolved: [] }),
    sendEvent: async (events) =>
      void woken.push(...events.flatMap((event) => (event.name === endpointDrainRequested.name ? [event.data.endpoint_id] : []))),
    now: () => new Date(),
    log: createLogger({ test: true }),
  });
  return { outbox, woken };
}

/** The user.* events about one user that are to be delivered to USER_EVENTS_ENDPOINT, in delivery order. */
export async function userEventsOf(db: Database, userId: string) {
  return db
    .select({ type: outboundEvents.type, data: outboundEvents.data, status: webhookDeliveries.status })
    .from(webhookDeliveries)
    .innerJoin(outboundEvents, eq(outboundEvents.id, webhookDeliveries.eventId))
    .where(
      and(
        eq(webhookDeliveries.endpointId, USER_EVENTS_ENDPOINT.id),
        like(outboundEvents.type, "user.%"),
        sql`${outboundEvents.data} -> 'user' ->> 'id' = ${userId}`,
      ),
    )
    .orderBy(asc(webhookDeliveries.sequence));
}
