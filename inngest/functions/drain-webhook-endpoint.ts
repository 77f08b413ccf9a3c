import "server-only";

import { inngest } from "@/inngest/client";
import { endpointDrainRequested } from "@/inngest/events";
import { defaultOutboundDeps } from "@/lib/outbound/default-deps";
import { deliverBatch } from "@/lib/outbound/deliver-next";
import { wakeOverdueEndpoints } from "@/lib/outbound/wake-overdue-endpoints";

/** A long queue continues in a fresh run: Inngest caps steps, and each call resends the memoized ones. */
const STEPS_PER_RUN = 100;

/**
 * Delivers an endpoint's queue in sequence order: each step sends a batch starting at the oldest open
 * delivery; when that one is in backoff, the run sleeps until it is due. Order does not rest on Inngest's
 * concurrency (a sleeping run frees its slot): any number of these runs only ever send the oldest open
 * delivery, under a lease (lib/outbound/deliver-next.ts).
 */
export const drainWebhookEndpoint = inngest.createFunction(
  {
    id: "drain-webhook-endpoint",
    name: "Deliver webhooks to an endpoint",
    retries: 3,
    concurrency: { limit: 1, key: "event.data.endpoint_id" },
    triggers: [endpointDrainRequested],
  },
  async ({ event, step }) => {
    const { endpoint_id } = event.data;
    for (let index = 0; index < STEPS_PER_RUN; index += 2) {
      const next = await step.run(`deliver ${index}`, async () => deliverBatch(await defaultOutboundDeps(), endpoint_id));
      if (next.state === "empty" || next.state === "paused") return { stopped: next.state, steps: index + 1 };
      if (next.state === "wait") await step.sleepUntil(`backoff ${index}`, next.until);
    }
    await step.sendEvent("continue", endpointDrainRequested.create({ endpoint_id }));
    return { stopped: "continued" };
  },
);

/** Every minute: wake the delivery job of any endpoint with a due delivery (after a crash, or a lost wake-up). */
export const sweepWebhookDeliveries = inngest.createFunction(
  { id: "sweep-webhook-deliveries", name: "Wake endpoints with due deliveries", retries: 1, triggers: [{ cron: "* * * * *" }] },
  async ({ step }) => step.run("wake due endpoints", async () => ({ woken: await wakeOverdueEndpoints(await defaultOutboundDeps()) })),
);
