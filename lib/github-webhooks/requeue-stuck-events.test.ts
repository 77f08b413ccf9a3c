import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { webhookEvents } from "@/db/schema";
import { log } from "@/lib/log";
import { setUpTestDatabase } from "@/test/database";

import { requeueStuckWebhookEvents } from "./requeue-stuck-events";

const { db } = await setUpTestDatabase();
const NOW = new Date("2026-11-23T12:00:00.000Z");

describe("stuck inbound events", () => {
  it("hands over again only deliveries still `received` after 10 minutes", async () => {
    const insert = (minutesAgo: number, status: "received" | "processed") =>
      db
        .insert(webhookEvents)
        .values({
          source: "github",
          webhookId: randomUUID(),
          eventType: "push",
          payload: {},
          status,
          receivedAt: new Date(NOW.getTime() - minutesAgo * 60_000),
        })
        .returning();
    const [[stuck], [recent], [done]] = await Promise.all([insert(11, "received"), insert(2, "received"), insert(30, "processed")]);
    const sent: { name: string; data: Record<string, unknown> }[] = [];
    const deps = {
      db,
      log,
      now: () => NOW,
      sendEvent: async (events: typeof sent | (typeof sent)[number]) => void sent.push(...[events].flat()),
    };
    expect(await requeueStuckWebhookEvents(deps)).toBe(1);
    expect(sent).toEqual([
      {
        name: "github/webhook.received",
        data: { event_id: stuck!.id, event_type: "push", delivery_id: stuck!.webhookId, attempt: 1, processing_key: `${stuck!.id}:1` },
      },
    ]);
    expect(recent && done).toBeTruthy();
    await db.update(webhookEvents).set({ status: "processed" }).where(eq(webhookEvents.id, stuck!.id));
    expect(await requeueStuckWebhookEvents(deps)).toBe(0);
  });
});
