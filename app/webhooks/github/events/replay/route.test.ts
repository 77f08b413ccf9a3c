import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { POST as replayOne } from "@/app/webhooks/github/events/[id]/replay/route";
import { GET as getEvent } from "@/app/webhooks/github/events/[id]/route";
import { auditLog, webhookEvents, type WebhookEvent } from "@/db/schema";
import { createApiToken } from "@/lib/auth/create-api-token";
import { setDemoGithub } from "@/lib/github/github-urls";
import { storeInstallation } from "@/lib/installations/store-installation";
import { setUpTestDatabase } from "@/test/database";
import { startAppTestExecutor } from "@/test/embedded-jobs";
import { createUser } from "@/test/fixtures";
import { postGithubWebhook, TEST_GITHUB_WEBHOOK_SECRET } from "@/test/github-webhooks";
import { bearer, callRoute } from "@/test/http";

import { POST as replayFailed } from "./route";

const { db } = await setUpTestDatabase();
const { executor, clock } = await startAppTestExecutor(db);
setDemoGithub({ url: "http://127.0.0.1:9", appId: 1, privateKey: "unused", webhookSecret: TEST_GITHUB_WEBHOOK_SECRET });

async function tokenFor(role: "admin" | "member") {
  const user = await createUser(db, { role });
  return { user, headers: bearer((await createApiToken({ db }, { userId: user.id, name: role })).secret) };
}
const admin = await tokenFor("admin");
const member = await tokenFor("member");

const rowOf = async (deliveryId: string) => (await db.select().from(webhookEvents).where(eq(webhookEvents.webhookId, deliveryId)))[0]!;
const detailOf = async (id: string) =>
  (await (
    await callRoute(getEvent, new Request(`http://app.test/webhooks/github/events/${id}`, { headers: admin.headers }), { id })
  ).json()) as {
    status: string;
    headers: Record<string, string>;
    attempts: { attempt: number; trigger: string; outcome: string | null; error: string | null; requested_by: string | null }[];
  };
const replay = (id: string, headers = admin.headers) =>
  callRoute(replayOne, new Request(`http://app.test/webhooks/github/events/${id}/replay`, { method: "POST", headers }), { id });
const replayFailedSince = (since: Date, headers = admin.headers) =>
  callRoute(
    replayFailed,
    new Request("http://app.test/webhooks/github/events/replay", {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ status: "failed", since: since.toISOString() }),
    }),
  );

/** Runs the processing function to its end, retries included (their backoff is on the executor's clock). */
async function settle(deliveryId: string): Promise<WebhookEvent> {
  for (let round = 0; round < 20; round++) {
    await executor.drain();
    const row = await rowOf(deliveryId);
    if (row.status !== "received") return row;
    clock.advance(60_000);
  }
  throw new Error(`${deliveryId} never settled`);
}

let installationId = 990_000;
/** Repositories added to an installation we have not recorded yet: the row it needs is missing, so processing fails. */
async function postRepositoriesAdded(deliveryId = randomUUID()) {
  const id = ++installationId;
  const payload = {
    action: "added",
    installation: { id, account: { login: `org-${id}`, type: "Organization" } },
    repository_selection: "selected",
    repositories_added: [{ id: id * 10, name: "late", full_name: `org-${id}/late` }],
    repositories_removed: [],
  };
  const answer = await postGithubWebhook("installation_repositories", payload, {
    deliveryId,
    headers: { authorization: "Bearer not-kept" },
  });
  expect(answer.status).toBe(202);
  return { deliveryId, installationId: id, payload };
}
const recordInstallation = (id: number) =>
  storeInstallation({ db }, { installation: { id, account: { login: `org-${id}`, type: "Organization" } }, repositories: [] });

describe("replaying inbound GitHub events", () => {
  it("POST /webhooks/github/events/{id}/replay processes a failed event again (202) once its cause is fixed, keeping every attempt", async () => {
    const { deliveryId, installationId: id } = await postRepositoriesAdded();
    const failed = await settle(deliveryId);
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/foreign key|violates|insert/i);

    await recordInstallation(id);
    const answer = await replay(failed.id);
    expect(answer.status).toBe(202);
    expect(await answer.json()).toEqual({ id: failed.id, delivery_id: deliveryId, event_type: "installation_repositories", attempt: 2 });
    expect((await settle(deliveryId)).status).toBe("processed");

    const detail = await detailOf(failed.id);
    expect(detail.attempts).toMatchObject([
      { attempt: 1, trigger: "delivery", outcome: "failed", requested_by: null },
      { attempt: 2, trigger: "replay", outcome: "processed", error: null, requested_by: admin.user.id },
    ]);
    expect(detail.attempts[0]!.error).toMatch(/foreign key|violates|insert/i);
    // What was received is shown, credentials left out.
    expect(detail.headers).toMatchObject({ "x-github-event": "installation_repositories", "x-github-delivery": deliveryId });
    expect(detail.headers["x-hub-signature-256"]).toMatch(/^sha256=/);
    expect(detail.headers).not.toHaveProperty("authorization");
  });

  it("replays a processed event too, as a new attempt", async () => {
    const deliveryId = randomUUID();
    await postGithubWebhook("ping", { zen: "Replay me." }, { deliveryId });
    const first = await settle(deliveryId);
    expect(first.status).toBe("processed");
    expect((await replay(first.id)).status).toBe(202);
    expect(await settle(deliveryId)).toMatchObject({ status: "processed", attempts: 2 });
    const [audited] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.target, `github_webhook_event:${first.id}`));
    expect(audited).toMatchObject({ action: "github_webhook_event.replayed", actorUserId: admin.user.id, details: { attempt: 2 } });
    expect((await detailOf(first.id)).attempts.map((attempt) => attempt.outcome)).toEqual(["processed", "processed"]);
  });

  it("answers 404 for an unknown or malformed id, and 403 to a member", async () => {
    for (const id of [randomUUID(), "not-a-uuid"]) {
      const answer = await replay(id);
      expect(answer.status).toBe(404);
      expect((await answer.json()).error).toEqual({ code: "not_found", message: "Event was not found" });
    }
    const deliveryId = randomUUID();
    await postGithubWebhook("ping", { zen: "Not yours." }, { deliveryId });
    const row = await settle(deliveryId);
    expect((await replay(row.id, member.headers)).status).toBe(403);
    expect((await replayFailedSince(new Date(0), member.headers)).status).toBe(403);
    expect((await rowOf(deliveryId)).attempts).toBe(1);
  });

  it("POST /webhooks/github/events/replay processes again the failed events since a time, and only those", async () => {
    const before = await postRepositoriesAdded();
    await settle(before.deliveryId);
    // Received before `since`: left alone.
    await db
      .update(webhookEvents)
      .set({ receivedAt: new Date(clock.now.getTime() - 3 * 3600_000) })
      .where(eq(webhookEvents.webhookId, before.deliveryId));
    const failing = [await postRepositoriesAdded(), await postRepositoriesAdded()];
    for (const { deliveryId } of failing) expect((await settle(deliveryId)).status).toBe("failed");
    const ok = randomUUID();
    await postGithubWebhook("ping", { zen: "Fine." }, { deliveryId: ok });
    await settle(ok);
    for (const { installationId: id } of [before, ...failing]) await recordInstallation(id);

    const answer = await replayFailedSince(new Date(clock.now.getTime() - 3600_000));
    expect(answer.status).toBe(202);
    const body = await answer.json();
    expect(body).toMatchObject({ replayed: 2, remaining: 0 });
    const [audited] = await db.select().from(auditLog).where(eq(auditLog.action, "github_webhook_events.replayed"));
    expect(audited).toMatchObject({ actorUserId: admin.user.id, details: { replayed: 2, remaining: 0 } });
    expect(body.events.map((event: { delivery_id: string }) => event.delivery_id).sort()).toEqual(failing.map((f) => f.deliveryId).sort());
    for (const { deliveryId } of failing) expect(await settle(deliveryId)).toMatchObject({ status: "processed", attempts: 2 });
    expect(await rowOf(before.deliveryId)).toMatchObject({ status: "failed", attempts: 1 });
    expect(await rowOf(ok)).toMatchObject({ status: "processed", attempts: 1 });

    const invalid = await callRoute(
      replayFailed,
      new Request("http://app.test/webhooks/github/events/replay", {
        method: "POST",
        headers: { ...admin.headers, "content-type": "application/json" },
        body: JSON.stringify({ status: "processed", since: "yesterday" }),
      }),
    );
    expect(invalid.status).toBe(400);
  });
});

describe("GitHub redeliveries", () => {
  it("a redelivery of an event whose processing failed is processed again (202), as a new attempt", async () => {
    const { deliveryId, installationId: id, payload } = await postRepositoriesAdded();
    expect((await settle(deliveryId)).status).toBe("failed");
    await recordInstallation(id);

    const again = await postGithubWebhook("installation_repositories", payload, { deliveryId });
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ status: "accepted", event_type: "installation_repositories", delivery_id: deliveryId });
    const row = await settle(deliveryId);
    expect(row).toMatchObject({ status: "processed", attempts: 2 });
    expect((await detailOf(row.id)).attempts).toMatchObject([
      { attempt: 1, trigger: "delivery", outcome: "failed" },
      { attempt: 2, trigger: "redelivery", outcome: "processed" },
    ]);
  });

  it("a redelivery of an event processed successfully stays a duplicate (200), and nothing runs again", async () => {
    const deliveryId = randomUUID();
    await postGithubWebhook("ping", { zen: "Once." }, { deliveryId });
    expect((await settle(deliveryId)).status).toBe("processed");
    const again = await postGithubWebhook("ping", { zen: "Once." }, { deliveryId });
    expect(again.status).toBe(200);
    expect((await again.json()).status).toBe("duplicate");
    await executor.drain();
    expect(await rowOf(deliveryId)).toMatchObject({ status: "processed", attempts: 1 });

    // Past the dedup window (WEBHOOK_DEDUP_WINDOW_SECONDS, by default the 7-day retention) it is processed again.
    await db
      .update(webhookEvents)
      .set({ receivedAt: new Date(Date.now() - 8 * 24 * 3600_000) })
      .where(eq(webhookEvents.webhookId, deliveryId));
    const late = await postGithubWebhook("ping", { zen: "Once." }, { deliveryId });
    expect(late.status).toBe(202);
    expect(await settle(deliveryId)).toMatchObject({ status: "processed", attempts: 2 });
  });
});
