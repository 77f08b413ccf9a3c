import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";

import {
  featureEvents,
  features,
  jobIdempotencyKeys,
  jobRuns,
  jobRunSteps,
  outboundEvents,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookEventAttempts,
  webhookEvents,
  type JobRunStatus,
  type WebhookDeliveryStatus,
} from "@/db/schema";
import { createLogger } from "@/lib/log";
import { setUpTestDatabase } from "@/test/database";

import { cleanUpExpiredData, type RetentionDays } from "./clean-up-expired-data";

const { db } = await setUpTestDatabase();
const NOW = new Date("2026-11-23T12:30:00.000Z");
const DAY = 24 * 3600_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const DAYS: RetentionDays = {
  WEBHOOK_EVENT_RETENTION_DAYS: 7,
  OUTBOUND_EVENT_RETENTION_DAYS: 30,
  WEBHOOK_DELIVERY_RETENTION_DAYS: 20,
  JOB_RUN_RETENTION_DAYS: 14,
  FEATURE_EVENT_RETENTION_DAYS: 90,
};
const cleanUp = (batchSize = 1000) => cleanUpExpiredData({ db, now: () => NOW, log: createLogger({}) }, DAYS, batchSize);

async function insertInboundEvents(count: number, receivedAt: Date) {
  const rows = await db
    .insert(webhookEvents)
    .values(
      Array.from({ length: count }, () => ({
        source: "github" as const,
        webhookId: randomUUID(),
        eventType: "push",
        payload: {},
        receivedAt,
      })),
    )
    .returning();
  await db.insert(webhookEventAttempts).values(rows.map((row) => ({ eventId: row.id, attempt: 1, trigger: "delivery" as const })));
}

let sequence = 0;
async function insertDelivery(status: WebhookDeliveryStatus, createdAt: Date, eventTimestamp = createdAt) {
  const [event] = await db
    .insert(outboundEvents)
    .values({ id: `evt_${randomUUID()}`, type: "feature.created", timestamp: eventTimestamp, data: {} })
    .returning();
  const [delivery] = await db
    .insert(webhookDeliveries)
    .values({
      eventId: event!.id,
      eventType: "feature.created",
      endpointId: "ep",
      endpointUrl: "http://127.0.0.1/",
      sequence: ++sequence,
      status,
      createdAt,
    })
    .returning();
  await db
    .insert(webhookDeliveryAttempts)
    .values({ deliveryId: delivery!.id, attempt: 1, outcome: "failed", latencyMs: 5, startedAt: createdAt });
  return { eventId: event!.id, deliveryId: delivery!.id };
}

async function insertRun(status: JobRunStatus, createdAt: Date) {
  const [run] = await db.insert(jobRuns).values({ functionId: "f", event: {}, status, createdAt }).returning();
  await db
    .insert(jobRunSteps)
    .values({ runId: run!.id, stepId: "s", name: "s", op: "run", status: "completed", attempt: 0, startedAt: createdAt });
  return run!.id;
}

const ids = async <T extends { id: string }>(rows: Promise<T[]>) => (await rows).map((row) => row.id).sort();

describe("hourly cleanup of expired data", () => {
  it("deletes exactly the inbound events older than their retention, with their attempts, in batches", async () => {
    await insertInboundEvents(7, daysAgo(8));
    await insertInboundEvents(3, new Date(daysAgo(7).getTime() - 1000));
    await insertInboundEvents(4, new Date(daysAgo(7).getTime() + 1000));
    await insertInboundEvents(2, NOW);
    expect((await cleanUp(4)).inbound_events).toBe(10);
    expect(await db.$count(webhookEvents)).toBe(6);
    expect(await db.$count(webhookEventAttempts)).toBe(6);
    expect((await cleanUp(4)).inbound_events).toBe(0);
  });

  it("keeps open deliveries however old, and the events they are still to send", async () => {
    const pending = await insertDelivery("pending", daysAgo(100));
    const retrying = await insertDelivery("retrying", daysAgo(100));
    const succeeded = await insertDelivery("succeeded", daysAgo(25), daysAgo(10));
    await insertDelivery("failed", daysAgo(25), daysAgo(40));
    const recent = await insertDelivery("succeeded", daysAgo(1));

    const removed = await cleanUp(1);

    expect(removed.webhook_deliveries).toBe(2);
    expect(await ids(db.select({ id: webhookDeliveries.id }).from(webhookDeliveries))).toEqual(
      [pending.deliveryId, retrying.deliveryId, recent.deliveryId].sort(),
    );
    expect(await db.$count(webhookDeliveryAttempts)).toBe(3);
    // The failed delivery's event is past 30 days and has nothing left to send; the open ones' events stay.
    expect(removed.outbound_events).toBe(1);
    expect(await ids(db.select({ id: outboundEvents.id }).from(outboundEvents))).toEqual(
      [pending.eventId, retrying.eventId, succeeded.eventId, recent.eventId].sort(),
    );
  });

  it("keeps active job runs however old, and removes ended ones past the retention with their steps", async () => {
    const active = await Promise.all(
      (["queued", "running", "sleeping", "waiting"] as const).map((status) => insertRun(status, daysAgo(60))),
    );
    await Promise.all((["completed", "failed", "cancelled"] as const).map((status) => insertRun(status, daysAgo(15))));
    const recent = await insertRun("completed", daysAgo(13));
    await db.insert(jobIdempotencyKeys).values([
      { functionId: "f", key: "old", expiresAt: new Date(NOW.getTime() - 1) },
      { functionId: "f", key: "live", expiresAt: new Date(NOW.getTime() + 1000) },
    ]);

    const removed = await cleanUp(2);

    expect(removed.job_runs).toBe(3);
    expect(await ids(db.select({ id: jobRuns.id }).from(jobRuns))).toEqual([...active, recent].sort());
    expect(await db.$count(jobRunSteps)).toBe(5);
    expect(removed.job_idempotency_keys).toBe(1);
  });

  it("trims feature timelines past their retention, but not the timeline of an analysis under way", async () => {
    const [done, analyzing] = await db
      .insert(features)
      .values(
        (["completed", "analyzing"] as const).map((status) => ({
          name: status,
          description: "d",
          repository: "acme/app",
          webhookSecret: "s",
          status,
        })),
      )
      .returning();
    await db.insert(featureEvents).values([
      { featureId: done!.id, kind: "requested", message: "old", createdAt: daysAgo(91) },
      { featureId: done!.id, kind: "requested", message: "new", createdAt: daysAgo(89) },
      { featureId: analyzing!.id, kind: "requested", message: "old", createdAt: daysAgo(91) },
    ]);

    expect((await cleanUp()).feature_events).toBe(1);
    const kept = await db.select({ message: featureEvents.message, featureId: featureEvents.featureId }).from(featureEvents);
    expect(kept).toHaveLength(2);
    expect(kept).toEqual(
      expect.arrayContaining([
        { message: "new", featureId: done!.id },
        { message: "old", featureId: analyzing!.id },
      ]),
    );
  });
});
