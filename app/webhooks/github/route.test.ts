import { randomUUID } from "node:crypto";
import examples from "@octokit/webhooks-examples";
import { sign } from "@octokit/webhooks-methods";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { jobEvents, webhookEvents } from "@/db/schema";
import { countWebhookEvents } from "@/lib/github-webhooks/count-webhook-events";
import { githubWebhookHandOff } from "@/lib/github-webhooks/default-deps";
import { setDemoGithub } from "@/lib/github/github-urls";
import { setUpTestDatabase } from "@/test/database";
import { startAppTestExecutor } from "@/test/embedded-jobs";
import { postGithubWebhook, TEST_GITHUB_WEBHOOK_SECRET } from "@/test/github-webhooks";

const { db } = await setUpTestDatabase();
const { executor } = await startAppTestExecutor(db);
// Demo mode: the route checks signatures with the simulated App's webhook secret.
setDemoGithub({ url: "http://127.0.0.1:9", appId: 1, privateKey: "unused", webhookSecret: TEST_GITHUB_WEBHOOK_SECRET });

const everyExample = examples.flatMap(({ name, examples: payloads }) => payloads.map((payload, index) => ({ name, index, payload })));
const rowOf = async (deliveryId: string) => (await db.select().from(webhookEvents).where(eq(webhookEvents.webhookId, deliveryId)))[0];

describe("POST /webhooks/github", () => {
  it(`accepts and logs every example payload of every event (${everyExample.length}), and a second post of each is a duplicate`, async () => {
    for (const { name, index, payload } of everyExample) {
      const deliveryId = `${name}-${index}-${randomUUID()}`;
      const first = await postGithubWebhook(name, payload, { deliveryId });
      expect(first.status, `${name} #${index}`).toBe(202);
      expect(await first.json()).toEqual({ status: "accepted", event_type: name, delivery_id: deliveryId });
      const again = await postGithubWebhook(name, payload, { deliveryId });
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ status: "duplicate", event_type: name, delivery_id: deliveryId });
      const row = await rowOf(deliveryId);
      expect(row).toMatchObject({ eventType: name, action: (payload as { action?: string }).action ?? null, status: "received" });
    }
    expect(await countWebhookEvents(db)).toBe(everyExample.length);
  });

  it("processes every logged example without a failure: each ends processed or ignored", async () => {
    await executor.drain(20_000);
    const statuses = await db
      .select({ status: webhookEvents.status, type: webhookEvents.eventType, error: webhookEvents.error })
      .from(webhookEvents);
    expect(statuses.filter((row) => row.status === "failed" || row.status === "received")).toEqual([]);
    expect(statuses.find((row) => row.type === "ping")?.status).toBe("processed");
    expect(statuses.find((row) => row.type === "star")?.status).toBe("ignored");
  });

  it("processes one delivery once when 20 copies arrive at the same time", async () => {
    const deliveryId = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => postGithubWebhook("ping", { zen: "Keep it logically awesome." }, { deliveryId })),
    );
    const bodies = await Promise.all(answers.map((answer) => answer.json()));
    expect(bodies.filter((body) => body.status === "accepted")).toHaveLength(1);
    expect(bodies.filter((body) => body.status === "duplicate")).toHaveLength(19);
    await githubWebhookHandOff().drained();
    const handedOver = await db
      .select()
      .from(jobEvents)
      .where(sql`${jobEvents.data}->>'delivery_id' = ${deliveryId}`);
    expect(handedOver).toHaveLength(1);
  });

  it("refuses tampered bytes and a missing or malformed signature with 401, before parsing", async () => {
    const payload = { zen: "Design for failure." };
    const signed = await postGithubWebhook("ping", payload);
    expect(signed.status).toBe(202);
    const body = JSON.stringify(payload);
    const valid = await sign(TEST_GITHUB_WEBHOOK_SECRET, body);
    const tampered = await postGithubWebhook("ping", payload, {
      body: body.replace("failure", "fAilure"),
      headers: { "x-hub-signature-256": valid },
    });
    expect(tampered.status).toBe(401);
    for (const signature of [null, "sha256=", "sha1=abc", `sha256=${"0".repeat(64)}`, "sha256=zz", valid.replace("sha256=", "sha512=")]) {
      const answer = await postGithubWebhook("ping", payload, { headers: { "x-hub-signature-256": signature } });
      expect(answer.status, String(signature)).toBe(401);
      expect((await answer.json()).error.code).toBe("invalid_signature");
    }
    // Not JSON, yet correctly signed: refused after the signature check, with 400.
    const notJson = await postGithubWebhook("ping", null, { body: "{nope" });
    expect(notJson.status).toBe(400);
  });

  it("answers 400 for missing event or delivery headers, 413 over 25 MB", async () => {
    const missingEvent = await postGithubWebhook("ping", {}, { headers: { "x-github-event": null } });
    expect(missingEvent.status).toBe(400);
    expect((await missingEvent.json()).error).toMatchObject({ code: "missing_header", message: "Missing header X-GitHub-Event" });
    const missingDelivery = await postGithubWebhook("ping", {}, { headers: { "x-github-delivery": null } });
    expect((await missingDelivery.json()).error.message).toBe("Missing header X-GitHub-Delivery");
    const huge = await postGithubWebhook("ping", null, { body: new Uint8Array(25 * 1024 * 1024 + 1).fill(32) });
    expect(huge.status).toBe(413);
  });
});
