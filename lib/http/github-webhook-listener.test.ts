import { randomUUID } from "node:crypto";
import { createServer, request, type IncomingMessage, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { sign } from "@octokit/webhooks-methods";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";

import { webhookEvents } from "@/db/schema";
import { getConfig } from "@/lib/config";
import { defaultGithubWebhookDeps } from "@/lib/github-webhooks/default-deps";
import { setDemoGithub } from "@/lib/github/github-urls";
import { answerGithubWebhooksAheadOfNext } from "@/lib/server/answer-webhooks-ahead-of-next";
import { setUpTestDatabase } from "@/test/database";
import { startAppTestExecutor } from "@/test/embedded-jobs";
import { postGithubWebhook, TEST_GITHUB_WEBHOOK_SECRET } from "@/test/github-webhooks";

import { BodyBudget } from "./body-budget";
import { answerGithubWebhook, isGithubWebhookPost, type GithubWebhookListenerDeps } from "./github-webhook-listener";

const { db } = await setUpTestDatabase();
// Accepted deliveries are handed to the processing function after the answer, as on a server.
await startAppTestExecutor(db);
setDemoGithub({ url: "http://127.0.0.1:9", appId: 1, privateKey: "unused", webhookSecret: TEST_GITHUB_WEBHOOK_SECRET });

let budget = new BodyBudget(64 * 1024 * 1024);
const deps: GithubWebhookListenerDeps = { githubWebhooks: defaultGithubWebhookDeps, config: getConfig, budget: () => budget };

async function listen(listener: RequestListener) {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const { url } = await listen((req, res) => void answerGithubWebhook(deps, req, res));
const rowOf = async (deliveryId: string) => (await db.select().from(webhookEvents).where(eq(webhookEvents.webhookId, deliveryId)))[0];

async function post(event: string, body: string, headers: Record<string, string | null> = {}, path = "/webhooks/github") {
  const all: Record<string, string | null> = {
    "content-type": "application/json",
    "x-github-event": event,
    "x-github-delivery": randomUUID(),
    "x-hub-signature-256": await sign(TEST_GITHUB_WEBHOOK_SECRET, body),
    ...headers,
  };
  return fetch(`${url}${path}`, {
    method: "POST",
    headers: Object.fromEntries(Object.entries(all).filter(([, value]) => value !== null)) as Record<string, string>,
    body,
  });
}

describe("POST /webhooks/github answered ahead of Next", () => {
  it("records a signed delivery with 202, answers a second copy 200 duplicate, with an x-request-id", async () => {
    const deliveryId = randomUUID();
    const body = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1 });
    const first = await post("ping", body, { "x-github-delivery": deliveryId, "x-request-id": "req-1" });
    expect(first.status).toBe(202);
    expect(first.headers.get("x-request-id")).toBe("req-1");
    // next.config.ts's headers, as Next would add them.
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(first.headers.get("strict-transport-security")).toBeNull();
    expect(await first.json()).toEqual({ status: "accepted", event_type: "ping", delivery_id: deliveryId });
    const again = await post("ping", body, { "x-github-delivery": deliveryId });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: "duplicate", event_type: "ping", delivery_id: deliveryId });
    expect(await rowOf(deliveryId)).toMatchObject({ eventType: "ping", status: "received", attempts: 1 });
  });

  it("stores the same row as the route for the same delivery", async () => {
    const payload = { action: "opened", repository: { full_name: "acme/widgets" }, installation: { id: 42 }, number: 7 };
    const body = JSON.stringify(payload);
    const viaRoute = randomUUID();
    const viaListener = randomUUID();
    const sent = { "x-github-hook-id": "123", "user-agent": "GitHub-Hookshot/abc" };
    expect((await postGithubWebhook("pull_request", payload, { deliveryId: viaRoute, headers: sent })).status).toBe(202);
    expect((await post("pull_request", body, { ...sent, "x-github-delivery": viaListener, authorization: "Bearer not-kept" })).status).toBe(
      202,
    );
    const columns = ({ id, webhookId, receivedAt, headers, ...rest }: typeof webhookEvents.$inferSelect) => {
      void [id, webhookId, receivedAt];
      return { ...rest, headers: { ...headers, "x-github-delivery": "*" } };
    };
    const route = columns((await rowOf(viaRoute))!);
    const listener = columns((await rowOf(viaListener))!);
    expect(listener).toMatchObject({ ...route, headers: expect.objectContaining(route.headers) });
    expect(listener.headers).not.toHaveProperty("authorization");
  });

  it("refuses a tampered body or a missing signature with 401 and records nothing", async () => {
    const deliveryId = randomUUID();
    const body = JSON.stringify({ zen: "Design for failure." });
    const tampered = await post("ping", body.replace("failure", "fAilure"), {
      "x-github-delivery": deliveryId,
      "x-hub-signature-256": await sign(TEST_GITHUB_WEBHOOK_SECRET, body),
    });
    expect(tampered.status).toBe(401);
    expect(await tampered.json()).toEqual({ error: { code: "invalid_signature", message: "X-Hub-Signature-256 does not match the body" } });
    const unsigned = await post("ping", body, { "x-github-delivery": deliveryId, "x-hub-signature-256": null });
    expect((await unsigned.json()).error).toEqual({ code: "invalid_signature", message: "Missing X-Hub-Signature-256" });
    expect(await rowOf(deliveryId)).toBeUndefined();
  });

  it("answers 400 for a missing header or a body that is not a JSON object", async () => {
    const missing = await post("ping", "{}", { "x-github-event": null });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toEqual({ code: "missing_header", message: "Missing header X-GitHub-Event" });
    const notJson = await post("ping", "{nope");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.code).toBe("invalid_json");
  });

  it("refuses a body over 25 MB with 413, declared or streamed", async () => {
    const declared = await rawPost({ "content-length": String(25 * 1024 * 1024 + 1) }, "");
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.code).toBe("payload_too_large");
    const streamed = await rawPost({ "transfer-encoding": "chunked" }, Buffer.alloc(25 * 1024 * 1024 + 1, 32));
    expect(streamed.status).toBe(413);
    expect(budget.inUse).toBe(0);
  });

  it("answers 413 to a client still sending a declared 30 MB body, which reads the answer (no reset while it sends)", async () => {
    const big = Buffer.alloc(30 * 1024 * 1024, 0x61);
    for (let attempt = 0; attempt < 10; attempt++) {
      const refused = await fetch(`${url}/webhooks/github`, { method: "POST", headers: { "x-github-event": "push" }, body: big });
      expect(refused.status).toBe(413);
      expect((await refused.json()).error.code).toBe("payload_too_large");
    }
    expect(budget.inUse).toBe(0);
  });

  it("answers 503 server_busy past the process's body budget, and gives the bytes back", async () => {
    budget = new BodyBudget(1024);
    try {
      const busy = await post("ping", JSON.stringify({ zen: "x".repeat(2048) }));
      expect(busy.status).toBe(503);
      expect((await busy.json()).error.code).toBe("server_busy");
      expect(budget.inUse).toBe(0);
    } finally {
      budget = new BodyBudget(64 * 1024 * 1024);
    }
  });
});

/** A POST by hand on a connection of its own, so the test controls Content-Length and chunking (fetch would send the declared size). */
function rawPost(headers: Record<string, string>, body: string | Buffer) {
  return new Promise<{ status: number; headers: IncomingMessage["headers"]; body: string }>((resolve, reject) => {
    const req = request(
      `${url}/webhooks/github`,
      { method: "POST", agent: false, headers: { "x-github-event": "ping", ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      },
    );
    // The server may answer and close before the whole body is written: that is the point.
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    req.end(body);
  });
}

describe("answerGithubWebhooksAheadOfNext", () => {
  it("answers POST /webhooks/github on the server at PORT and passes every other request to the listener it had", async () => {
    const seen: string[] = [];
    const next: RequestListener = (req, res) => (seen.push(`${req.method} ${req.url}`), res.end("next"));
    const app = await listen(next);
    const other = await listen(next);
    const port = process.env.PORT;
    process.env.PORT = String((app.server.address() as AddressInfo).port);
    try {
      answerGithubWebhooksAheadOfNext(deps);
      const body = JSON.stringify({ zen: "Approachable is better than simple." });
      const signed = { "x-github-event": "ping", "x-hub-signature-256": await sign(TEST_GITHUB_WEBHOOK_SECRET, body) };
      const webhook = (base: string, path = "/webhooks/github") =>
        fetch(`${base}${path}`, { method: "POST", headers: { ...signed, "x-github-delivery": randomUUID() }, body });
      expect((await webhook(app.url)).status).toBe(202);
      expect((await webhook(app.url, "/webhooks/github?source=test")).status).toBe(202);
      expect(await (await fetch(`${app.url}/webhooks/github`)).text()).toBe("next");
      expect(await (await webhook(app.url, "/webhooks/github/events")).text()).toBe("next");
      expect(await (await webhook(other.url)).text()).toBe("next");
      expect(seen).toEqual(["GET /webhooks/github", "POST /webhooks/github/events", "POST /webhooks/github"]);
    } finally {
      process.env.PORT = port;
    }
  });

  it("matches only the webhook path", () => {
    const req = (method: string, url: string) => ({ method, url }) as IncomingMessage;
    expect(isGithubWebhookPost(req("POST", "/webhooks/github"))).toBe(true);
    expect(isGithubWebhookPost(req("POST", "/webhooks/github?x=1"))).toBe(true);
    expect(isGithubWebhookPost(req("POST", "/webhooks/githubx"))).toBe(false);
    expect(isGithubWebhookPost(req("POST", "/webhooks/github/"))).toBe(false);
    expect(isGithubWebhookPost(req("PUT", "/webhooks/github"))).toBe(false);
  });
});
