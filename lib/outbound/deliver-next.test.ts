import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";

import { outboundEvents, webhookDeliveries, webhookDeliveryAttempts, webhookEndpointState } from "@/db/schema";
import { exampleFeature } from "@/lib/openapi/feature-schemas";
import { setUpTestDatabase } from "@/test/database";
import { outboundTestDeps, startReceiver, TEST_ENDPOINT_SECRET, testEndpoint } from "@/test/outbound";

import { deliverBatch, deliverNext, retryDelayMs } from "./deliver-next";
import { emitEvent } from "./emit-event";
import { currentEventVersion } from "./event-catalogue";
import { recoverEndpoint } from "./recover-endpoint";
import { redeliver } from "./redeliver";
import { resumeEndpoint } from "./resume-endpoint";

const { db } = await setUpTestDatabase();
// Events as the catalogue publishes them (every emitted event is checked against it): a marked test event, a project update.
const testMessage = (message: string) => ({ ...currentEventVersion("webhook.test").example, message });
const projectExample = currentEventVersion("project.updated").example;

/** A fresh endpoint id per test, so each test has its own queue. */
let endpointCount = 0;
async function setUp(overrides: Parameters<typeof outboundTestDeps>[2] = {}) {
  const receiver = await startReceiver();
  const endpoint = testEndpoint(receiver.url, { id: `ep-${++endpointCount}` });
  return { receiver, endpoint, ...outboundTestDeps(db, [endpoint], overrides) };
}
const attemptsOf = (deliveryId: string) =>
  db
    .select()
    .from(webhookDeliveryAttempts)
    .where(eq(webhookDeliveryAttempts.deliveryId, deliveryId))
    .orderBy(webhookDeliveryAttempts.attempt);
const deliveryOf = async (deliveryId: string) =>
  (await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId)))[0]!;
const webhookIds = (received: { headers: Record<string, unknown>; status: number }[]) =>
  received.filter((request) => request.status < 300).map((request) => String(request.headers["webhook-id"]));

describe("outbound delivery", () => {
  it("sends the Standard Webhooks-signed envelope, which a receiver verifies; one changed byte fails verification", async () => {
    const { receiver, deps } = await setUp();
    const { event } = await emitEvent(deps, "feature.created", { ...exampleFeature, name: "Dark mode ✓" });
    expect(await deliverNext(deps, deps.endpoints()[0]!.id)).toMatchObject({ state: "attempted", outcome: "succeeded" });
    const [request] = receiver.received;
    const headers = {
      "webhook-id": String(request!.headers["webhook-id"]),
      "webhook-timestamp": String(request!.headers["webhook-timestamp"]),
      "webhook-signature": String(request!.headers["webhook-signature"]),
    };
    const verified = new Webhook(TEST_ENDPOINT_SECRET).verify(request!.body, headers);
    expect(verified).toEqual({
      event_id: event.id,
      event_type: "feature.created",
      timestamp: event.timestamp.toISOString(),
      version: 1,
      data: { ...exampleFeature, name: "Dark mode ✓" },
    });
    expect(headers["webhook-id"]).toBe(event.id);
    expect(() => new Webhook(TEST_ENDPOINT_SECRET).verify(request!.body.replace("Dark", "Dirk"), headers)).toThrow();
    expect(await deliverNext(deps, deps.endpoints()[0]!.id)).toEqual({ state: "empty" });
  });

  it("signs with both secrets while one is rotated, and either verifies", async () => {
    const receiver = await startReceiver();
    const previous = "whsec_cHJldmlvdXMtc2VjcmV0LWZvci10ZXN0cw==";
    const endpoint = testEndpoint(receiver.url, { id: "rotating", secrets: [TEST_ENDPOINT_SECRET, previous] });
    const { deps } = outboundTestDeps(db, [endpoint]);
    await emitEvent(deps, "webhook.test", testMessage("test"));
    await deliverNext(deps, "rotating");
    const { headers, body } = receiver.received[0]!;
    expect(String(headers["webhook-signature"]).split(" ")).toHaveLength(2);
    const asHeaders = Object.fromEntries(
      ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => [name, String(headers[name])]),
    );
    for (const secret of [TEST_ENDPOINT_SECRET, previous]) expect(() => new Webhook(secret).verify(body, asHeaders)).not.toThrow();
  });

  it("retries a failing receiver with base·2^n backoff: fails twice, then succeeds on the third attempt", async () => {
    const { receiver, endpoint, deps, clock } = await setUp({ baseDelayMs: 1000 });
    receiver.answerWith(({ index }) => ({ status: index < 2 ? 500 : 200 }));
    await emitEvent(deps, "webhook.test", testMessage("f2"));
    const first = await deliverNext(deps, endpoint.id);
    expect(first).toMatchObject({ state: "attempted", outcome: "retrying" });
    const deliveryId = (first as { deliveryId: string }).deliveryId;
    const gaps: number[] = [];
    for (let round = 0; round < 2; round++) {
      const waiting = await deliverNext(deps, endpoint.id);
      expect(waiting.state).toBe("wait");
      gaps.push(Date.parse((waiting as { until: string }).until) - clock.now.getTime());
      clock.advance(gaps.at(-1)!);
      await deliverNext(deps, endpoint.id);
    }
    expect(gaps).toEqual([1000, 2000]);
    expect((await attemptsOf(deliveryId)).map((attempt) => [attempt.attempt, attempt.outcome, attempt.httpStatus])).toEqual([
      [1, "failed", 500],
      [2, "failed", 500],
      [3, "succeeded", 200],
    ]);
    expect(await deliveryOf(deliveryId)).toMatchObject({ status: "succeeded", attemptCount: 3, httpStatus: 200 });
  });

  it("gives up after 5 retries when the receiver stays down, then moves on to the next event", async () => {
    const { receiver, endpoint, deps, clock } = await setUp({ baseDelayMs: 10 });
    receiver.answerWith(({ body }) => ({ status: body.includes("doomed") ? 503 : 200 }));
    await emitEvent(deps, "webhook.test", testMessage("doomed"));
    await emitEvent(deps, "webhook.test", testMessage("next"));
    const outcomes: string[] = [];
    for (;;) {
      const next = await deliverNext(deps, endpoint.id);
      if (next.state === "empty") break;
      if (next.state === "wait") clock.advance(Date.parse(next.until) - clock.now.getTime());
      else if (next.state === "attempted") outcomes.push(next.outcome);
    }
    expect(outcomes).toEqual(["retrying", "retrying", "retrying", "retrying", "retrying", "failed", "succeeded"]);
    expect(receiver.received.map((request) => request.status)).toEqual([503, 503, 503, 503, 503, 503, 200]);
  });

  it("delivers 20 events to a slow, flaky receiver in emitted order, with three delivery jobs racing", async () => {
    const { receiver, endpoint, deps } = await setUp({ baseDelayMs: 2 });
    deps.now = () => new Date(); // real time: the delivery jobs' backoffs are milliseconds
    let calls = 0;
    receiver.answerWith(() => ({ status: ++calls % 3 === 0 ? 500 : 200, delayMs: calls % 5 }));
    const emitted: string[] = [];
    for (let n = 0; n < 20; n++) emitted.push((await emitEvent(deps, "project.updated", { ...projectExample, done_tasks: n })).event.id);
    const drain = async () => {
      for (;;) {
        const next = await deliverNext(deps, endpoint.id);
        if (next.state === "empty") return;
        // As a delivery job sleeps until `until`; capped, since a lease may end early (PGlite shares this thread).
        if (next.state === "wait")
          await new Promise((resolve) => setTimeout(resolve, Math.min(20, Math.max(1, Date.parse(next.until) - Date.now()))));
      }
    };
    await Promise.all([drain(), drain(), drain()]);
    expect(webhookIds(receiver.received)).toEqual(emitted);
    const attempted = receiver.received.map((request) => String(request.headers["webhook-id"]));
    // Every failed attempt of event N came before event N+1 was first sent.
    expect(attempted.filter((id, index) => index === 0 || attempted[index - 1] !== id)).toEqual(emitted);
  });

  it("treats a redirect as a failure and never follows it; honours Retry-After", async () => {
    const { receiver, endpoint, deps, clock } = await setUp({ baseDelayMs: 1000 });
    receiver.answerWith(({ index }) =>
      index === 0
        ? { status: 302, headers: { location: "http://127.0.0.1:1/elsewhere" } }
        : index === 1
          ? { status: 429, headers: { "retry-after": "30" } }
          : { status: 200 },
    );
    await emitEvent(deps, "webhook.test", testMessage("test"));
    const first = await deliverNext(deps, endpoint.id);
    const deliveryId = (first as { deliveryId: string }).deliveryId;
    expect(await deliveryOf(deliveryId)).toMatchObject({
      status: "retrying",
      httpStatus: 302,
      errorMessage: expect.stringContaining("not followed"),
    });
    clock.advance(1000);
    await deliverNext(deps, endpoint.id);
    const waiting = await deliverNext(deps, endpoint.id);
    expect(Date.parse((waiting as { until: string }).until) - clock.now.getTime()).toBe(30_000);
    expect(receiver.received).toHaveLength(2);
    expect(retryDelayMs(1000, 2, 30)).toBe(30_000);
    expect(retryDelayMs(1000, 6, 1)).toBe(32_000);
  });

  it("pauses the endpoint on 410 Gone; its deliveries wait in order and arrive after resume", async () => {
    const { receiver, endpoint, deps, clock } = await setUp();
    receiver.answerWith(({ index }) => ({ status: index === 0 ? 410 : 200 }));
    const first = await emitEvent(deps, "webhook.test", testMessage("1"));
    const second = await emitEvent(deps, "webhook.test", testMessage("2"));
    await deliverNext(deps, endpoint.id);
    const [state] = await db.select().from(webhookEndpointState).where(eq(webhookEndpointState.endpointId, endpoint.id));
    expect(state).toMatchObject({ pausedReason: "the receiver answered 410 Gone" });
    expect(await deliverNext(deps, endpoint.id)).toEqual({ state: "paused" });
    const paused = await db.select().from(outboundEvents).where(eq(outboundEvents.type, "endpoint.paused"));
    expect(paused.map((event) => event.data)).toContainEqual({ endpoint_id: endpoint.id, reason: "the receiver answered 410 Gone" });

    await resumeEndpoint(deps, endpoint.id);
    for (let next = await deliverNext(deps, endpoint.id); next.state !== "empty"; next = await deliverNext(deps, endpoint.id)) {
      if (next.state === "wait") clock.advance(Date.parse(next.until) - clock.now.getTime());
    }
    // The 410'd event is delivered again first, then the one that waited behind it.
    expect(webhookIds(receiver.received).slice(0, 2)).toEqual([first.event.id, second.event.id]);
  });

  it("pauses an endpoint after N failures in a row and announces endpoint.paused", async () => {
    const { receiver, endpoint, deps, clock } = await setUp({ autoPauseAfterFailures: 3, baseDelayMs: 1 });
    receiver.answerWith(() => ({ status: 500 }));
    await emitEvent(deps, "webhook.test", testMessage("test"));
    for (let attempt = 0; attempt < 3; attempt++) {
      clock.advance(1000);
      await deliverNext(deps, endpoint.id);
    }
    expect(await deliverNext(deps, endpoint.id)).toEqual({ state: "paused" });
    const [state] = await db.select().from(webhookEndpointState).where(eq(webhookEndpointState.endpointId, endpoint.id));
    expect(state).toMatchObject({ consecutiveFailures: 3, pausedReason: "3 deliveries failed in a row" });
  });

  it("redelivers a logged delivery with the same webhook-id, and recovers an endpoint's failed deliveries in order", async () => {
    const { receiver, endpoint, deps, clock } = await setUp({ maxRetries: 0 });
    receiver.answerWith(({ index }) => ({ status: index < 2 ? 500 : 200 }));
    const since = new Date(clock.now.getTime() - 1);
    const a = await emitEvent(deps, "webhook.test", testMessage("a"));
    const b = await emitEvent(deps, "webhook.test", testMessage("b"));
    const first = await deliverNext(deps, endpoint.id);
    await deliverNext(deps, endpoint.id);
    expect(first).toMatchObject({ outcome: "failed" });

    const copies = await recoverEndpoint(deps, endpoint.id, since);
    expect(copies.map((copy) => copy.eventId)).toEqual([a.event.id, b.event.id]);
    await deliverNext(deps, endpoint.id);
    await deliverNext(deps, endpoint.id);
    expect(webhookIds(receiver.received)).toEqual([a.event.id, b.event.id]);

    const again = await redeliver(deps, (first as { deliveryId: string }).deliveryId);
    expect(again).toMatchObject({ eventId: a.event.id, redeliveryOf: (first as { deliveryId: string }).deliveryId });
    await deliverNext(deps, endpoint.id);
    expect(webhookIds(receiver.received)).toEqual([a.event.id, b.event.id, a.event.id]);
    await expect(redeliver(deps, "00000000-0000-0000-0000-000000000000")).rejects.toMatchObject({ status: 404 });
  });

  it("sends a batch from the oldest open delivery until it is full, a delivery backs off, or the queue is empty", async () => {
    const { receiver, endpoint, deps } = await setUp();
    receiver.answerWith(({ body }) => ({ status: body.includes('"done_tasks":3') ? 500 : 200 }));
    for (let n = 0; n < 6; n++) await emitEvent(deps, "project.updated", { ...projectExample, done_tasks: n });
    expect(await deliverBatch(deps, endpoint.id, { deliveries: 2, ms: 10_000 })).toEqual({ state: "attempted", attempts: 2 });
    expect(await deliverBatch(deps, endpoint.id)).toEqual({ state: "attempted", attempts: 2 }); // n=2 sent, n=3 fails and backs off
    expect((await deliverBatch(deps, endpoint.id)).state).toBe("wait");
    receiver.answerWith(() => ({ status: 200 }));
    deps.now = () => new Date(Date.now() + 60_000);
    expect(await deliverBatch(deps, endpoint.id)).toEqual({ state: "attempted", attempts: 3 });
    expect(await deliverBatch(deps, endpoint.id)).toEqual({ state: "empty" });
    expect(
      receiver.received.filter((request) => request.status === 200).map((request) => JSON.parse(request.body).data.done_tasks),
    ).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe("endpoint options", () => {
  const example = (type: "project.updated" | "webhook.test") => currentEventVersion(type).example;

  it("filter: only events whose data matches are delivered (project.updated for one repository)", async () => {
    const receiver = await startReceiver();
    const endpoint = testEndpoint(receiver.url, {
      id: `ep-${++endpointCount}`,
      events: ["project.updated"],
      filter: { repository: ["demo-org/demo-app"] },
    });
    const { deps } = outboundTestDeps(db, [endpoint]);
    const wanted = await emitEvent(deps, "project.updated", example("project.updated"));
    const other = await emitEvent(deps, "project.updated", { ...example("project.updated"), repository: "demo-org/other" });
    expect(wanted.endpointIds).toEqual([endpoint.id]);
    expect(other.endpointIds).toEqual([]);
    await deliverBatch(deps, endpoint.id);
    expect(webhookIds(receiver.received)).toEqual([wanted.event.id]);
  });

  it("headers: extra static headers ride on every delivery next to the signature", async () => {
    const receiver = await startReceiver();
    const endpoint = testEndpoint(receiver.url, {
      id: `ep-${++endpointCount}`,
      headers: { "X-Team": "growth", Authorization: "Bearer s3cret" },
    });
    const { deps } = outboundTestDeps(db, [endpoint]);
    await emitEvent(deps, "webhook.test", example("webhook.test"));
    await deliverBatch(deps, endpoint.id);
    expect(receiver.received[0]!.headers).toMatchObject({ "x-team": "growth", authorization: "Bearer s3cret" });
    expect(receiver.received[0]!.headers["webhook-signature"]).toMatch(/^v1,/);
  });

  it("rate_limit_per_second: over it, deliveries wait (never fail) until the window has room, counted from the attempts in the database", async () => {
    const receiver = await startReceiver();
    const endpoint = testEndpoint(receiver.url, { id: `ep-${++endpointCount}`, rateLimitPerSecond: 2 });
    const { deps, clock } = outboundTestDeps(db, [endpoint]);
    for (let index = 0; index < 5; index++) await emitEvent(deps, "webhook.test", example("webhook.test"));
    // The batch sends two, then finds the window full and says when it has room again.
    expect(await deliverBatch(deps, endpoint.id)).toEqual({ state: "wait", until: new Date(clock.now.getTime() + 1000).toISOString() });
    expect(receiver.received).toHaveLength(2);
    expect((await deliverBatch(deps, endpoint.id)).state).toBe("wait");
    expect(receiver.received).toHaveLength(2);
    clock.advance(1000);
    expect((await deliverBatch(deps, endpoint.id)).state).toBe("wait");
    expect(receiver.received).toHaveLength(4);
    clock.advance(1000);
    expect(await deliverBatch(deps, endpoint.id)).toEqual({ state: "attempted", attempts: 1 });
    expect(receiver.received.map((request) => request.status)).toEqual([200, 200, 200, 200, 200]);
    const statuses = await db
      .select({ status: webhookDeliveries.status })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(statuses.every((row) => row.status === "succeeded")).toBe(true);
  });

  it("ordering none: up to max_in_flight at once, and a delivery in backoff holds up no other", async () => {
    const receiver = await startReceiver();
    // `index` is how many requests the receiver had answered when one arrived: 0 for each of a parallel round.
    const answeredBefore: number[] = [];
    receiver.answerWith(({ body, index }) => {
      answeredBefore.push(index);
      return { status: JSON.parse(body).data.message === "fail" ? 500 : 200, delayMs: 1000 };
    });
    const endpoint = testEndpoint(receiver.url, { id: `ep-${++endpointCount}`, ordering: "none", maxInFlight: 3 });
    const { deps } = outboundTestDeps(db, [endpoint]);
    await emitEvent(deps, "webhook.test", { ...example("webhook.test"), message: "fail" });
    for (let index = 0; index < 4; index++) await emitEvent(deps, "webhook.test", example("webhook.test"));
    expect(await deliverBatch(deps, endpoint.id)).toEqual({ state: "attempted", attempts: 3 });
    expect(answeredBefore).toEqual([0, 0, 0]);
    expect(await deliverBatch(deps, endpoint.id)).toEqual({ state: "attempted", attempts: 2 });
    const rows = await db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpoint.id))
      .orderBy(webhookDeliveries.sequence);
    expect(rows.map((row) => row.status)).toEqual(["retrying", "succeeded", "succeeded", "succeeded", "succeeded"]);
  });
});
