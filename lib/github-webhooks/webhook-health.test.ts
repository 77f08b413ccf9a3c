import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";

import { webhookEvents, type WebhookEventStatus } from "@/db/schema";
import { setUpTestDatabase } from "@/test/database";

import { githubWebhookHealth } from "./github-webhook-health";
import { githubWebhookHourly } from "./github-webhook-hourly";

const { db } = await setUpTestDatabase();
const NOW = new Date("2026-11-23T12:30:00.000Z");

async function insertEvents(count: number, receivedAt: Date, status: WebhookEventStatus = "processed") {
  await db.insert(webhookEvents).values(
    Array.from({ length: count }, () => ({
      source: "github" as const,
      webhookId: randomUUID(),
      eventType: "push",
      payload: {},
      receivedAt,
      status,
    })),
  );
}

describe("webhook health", () => {
  it("is healthy at 95 % or more non-failed deliveries in the last hour, degraded below, and counts only that hour", async () => {
    await db.delete(webhookEvents);
    await insertEvents(19, new Date(NOW.getTime() - 10 * 60_000));
    await insertEvents(1, new Date(NOW.getTime() - 5 * 60_000), "failed");
    await insertEvents(5, new Date(NOW.getTime() - 2 * 3600_000), "failed"); // older than the hour
    expect(await githubWebhookHealth(db, NOW)).toEqual({
      status: "healthy",
      success_rate: 0.95,
      total_events_last_hour: 20,
      failed_events_last_hour: 1,
      last_event_at: new Date(NOW.getTime() - 5 * 60_000).toISOString(),
    });
    await insertEvents(1, new Date(NOW.getTime() - 60_000), "failed");
    expect(await githubWebhookHealth(db, NOW)).toMatchObject({
      status: "degraded",
      total_events_last_hour: 21,
      failed_events_last_hour: 2,
    });
  });

  it("answers healthy with no events, and buckets the last 24 hours", async () => {
    await db.delete(webhookEvents);
    expect(await githubWebhookHealth(db, NOW)).toMatchObject({
      status: "healthy",
      success_rate: 1,
      total_events_last_hour: 0,
      last_event_at: null,
    });
    await insertEvents(2, new Date("2026-11-23T12:05:00.000Z"));
    await insertEvents(1, new Date("2026-11-23T11:59:00.000Z"), "failed");
    const hourly = await githubWebhookHourly(db, NOW);
    expect(hourly).toHaveLength(24);
    expect(hourly.slice(-2)).toEqual([
      { hour: "2026-11-23T11:00:00.000Z", total: 1, failed: 1, success_rate: 0 },
      { hour: "2026-11-23T12:00:00.000Z", total: 2, failed: 0, success_rate: 1 },
    ]);
    expect(hourly[0]).toEqual({ hour: "2026-11-22T13:00:00.000Z", total: 0, failed: 0, success_rate: null });
  });
});
