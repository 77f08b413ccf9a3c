import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import addFormats from "ajv-formats";
import { Ajv2020 } from "ajv/dist/2020.js";
import { eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { describe, expect, it, vi } from "vitest";

import { webhookConfig, webhookDeliveries } from "@/db/schema";
import { endpointDrainRequested } from "@/inngest/events";
import { createApiToken } from "@/lib/auth/create-api-token";
import { setUpTestDatabase } from "@/test/database";
import { startAppTestExecutor } from "@/test/embedded-jobs";
import { createUser } from "@/test/fixtures";
import { bearer, callRoute } from "@/test/http";
import { startReceiver, TEST_ENDPOINT_SECRET } from "@/test/outbound";

import { GET as eventTypes } from "../../event-types/route";
import { GET as listAuditLog } from "../audit-log/route";
import { POST as redeliver } from "./deliveries/[id]/redeliver/route";
import { GET as listDeliveries } from "./deliveries/route";
import { POST as endpointAction } from "./endpoints/[id]/[action]/route";
import { GET as getEndpoint } from "./endpoints/[id]/route";
import { GET as listEndpoints } from "./endpoints/route";
import { POST as reload } from "./reload/route";

// Configuration is read once per process: point it at this file's endpoints before anything reads it.
const files = vi.hoisted(() => {
  const dir = `${process.env.DATA_DIR}/admin-webhooks-${process.pid}`;
  Object.assign(process.env, {
    WEBHOOKS_CONFIG_PATH: `${dir}/webhooks.yaml`,
    WEBHOOK_SECRETS_DIR: `${dir}/secrets`,
    ALLOW_INSECURE_WEBHOOK_URLS: "true",
  });
  return { dir };
});

const { db } = await setUpTestDatabase();
const { executor } = await startAppTestExecutor(db);
const receiver = await startReceiver();
const secretsDir = path.join(files.dir, "secrets");
mkdirSync(secretsDir, { recursive: true });
writeFileSync(path.join(secretsDir, "crm_secret"), TEST_ENDPOINT_SECRET);

const writeConfig = (yaml: string) => writeFileSync(path.join(files.dir, "webhooks.yaml"), yaml);
const validConfig = `endpoints:\n  - id: crm\n    url: ${receiver.url}\n    secret: crm_secret\n    events: ["webhook.test", "feature.*"]\n`;

async function tokenFor(role: "admin" | "member") {
  const user = await createUser(db, { role });
  return bearer((await createApiToken({ db }, { userId: user.id, name: role })).secret);
}
const admin = await tokenFor("admin");
type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;
const post = (handler: Handler, url: string, params: Record<string, string> = {}) =>
  callRoute(handler, new Request(`http://app.test${url}`, { method: "POST", headers: admin }), params as never);
const get = (handler: Handler, url: string) => callRoute(handler, new Request(`http://app.test${url}`, { headers: admin }));

describe("/api/v1/admin/webhooks", () => {
  it("is for admins only (403 for members)", async () => {
    const member = await tokenFor("member");
    for (const [handler, url] of [
      [listEndpoints, "/api/v1/admin/webhooks/endpoints"],
      [reload, "/api/v1/admin/webhooks/reload"],
    ] as const) {
      const response = await callRoute(
        handler,
        new Request(`http://app.test${url}`, { method: handler === reload ? "POST" : "GET", headers: member }),
      );
      expect(response.status).toBe(403);
    }
  });

  it("reloads a valid file, answering what changed, and lists endpoints without secrets", async () => {
    const before = await (await get(listEndpoints, "/api/v1/admin/webhooks/endpoints")).json();
    expect(before).toEqual({ data: [], warnings: [], config: { state: "missing", errors: [] } });
    writeConfig(validConfig);
    const response = await post(reload, "/api/v1/admin/webhooks/reload");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ added: ["crm"], removed: [], changed: [] });
    const listed = await get(listEndpoints, "/api/v1/admin/webhooks/endpoints");
    const text = await listed.text();
    expect(JSON.parse(text).data).toEqual([
      expect.objectContaining({ id: "crm", url: receiver.url, secret_name: "crm_secret", enabled: true, paused: false }),
    ]);
    expect(text).not.toContain("whsec_");
  });

  it("refuses a broken file with every error and its path (422), keeping the running endpoints", async () => {
    writeConfig(`endpoints:\n  - id: crm\n    url: ftp://x.example\n    secret: missing_secret\n    events: ["nope.event"]\n`);
    const response = await post(reload, "/api/v1/admin/webhooks/reload");
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("invalid_webhooks_config");
    expect(error.details.map((detail: { path: string }) => detail.path)).toEqual(["endpoints[0].events[0]"]);
    const listed = await (await get(listEndpoints, "/api/v1/admin/webhooks/endpoints")).json();
    expect(listed.data.map((endpoint: { id: string }) => endpoint.id)).toEqual(["crm"]);
    // The page describes the file as it is now: refused, with its errors (no longer "missing", no stale warning).
    expect(listed.config).toEqual({ state: "invalid", errors: [expect.objectContaining({ path: "endpoints[0].events[0]", line: 5 })] });
    writeConfig(validConfig);
    expect((await post(reload, "/api/v1/admin/webhooks/reload")).status).toBe(200);
    expect((await (await get(listEndpoints, "/api/v1/admin/webhooks/endpoints")).json()).config).toEqual({ state: "loaded", errors: [] });
  });

  it("sends a test event that a receiver verifies, logs its attempt, and redelivers it with the same webhook-id", async () => {
    const queued = await post(endpointAction, "/api/v1/admin/webhooks/endpoints/crm/test", { id: "crm", action: "test" });
    expect(queued.status).toBe(202);
    const { event_id } = await queued.json();
    await executor.drain();
    const delivered = receiver.received.find((request) => request.headers["webhook-id"] === event_id)!;
    const headers = Object.fromEntries(
      ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => [name, String(delivered.headers[name])]),
    );
    expect(new Webhook(TEST_ENDPOINT_SECRET).verify(delivered.body, headers)).toMatchObject({
      event_type: "webhook.test",
      data: { endpoint_id: "crm" },
    });

    const log = await (await get(listDeliveries, "/api/v1/admin/webhooks/deliveries?endpoint_id=crm&status=succeeded")).json();
    const delivery = log.data.find((entry: { event_id: string }) => entry.event_id === event_id);
    expect(delivery).toMatchObject({
      status: "succeeded",
      attempt_count: 1,
      attempts: [expect.objectContaining({ attempt: 1, outcome: "succeeded", http_status: 200 })],
    });

    const again = await post(redeliver, `/api/v1/admin/webhooks/deliveries/${delivery.id}/redeliver`, { id: delivery.id });
    expect(again.status).toBe(202);
    await executor.drain();
    expect(receiver.received.filter((request) => request.headers["webhook-id"] === event_id)).toHaveLength(2);
  });

  it("GET /api/v1/admin/webhooks/endpoints/{id} answers the endpoint with its success rate and attempt latency", async () => {
    const fetchOne = (id: string) =>
      callRoute(getEndpoint, new Request(`http://app.test/api/v1/admin/webhooks/endpoints/${id}`, { headers: admin }), { id } as never);
    const response = await fetchOne("crm");
    expect(response.status).toBe(200);
    const { endpoint, stats } = await response.json();
    expect(endpoint).toMatchObject({ id: "crm", enabled: true, secrets_resolved: true, allow_loopback: false });
    const [succeeded] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(webhookDeliveries)
      .where(sql`${webhookDeliveries.endpointId} = 'crm' and ${webhookDeliveries.status} = 'succeeded'`);
    expect(stats).toMatchObject({ window_hours: 24, deliveries: { succeeded: succeeded!.n, failed: 0, open: 0 }, success_rate: 1 });
    expect(stats.deliveries.succeeded).toBeGreaterThan(0);
    expect(stats.latency_ms.p50).toEqual(expect.any(Number));
    expect(stats.latency_ms.p95).toBeGreaterThanOrEqual(stats.latency_ms.p50);
    expect((await fetchOne("nope")).status).toBe(404);
  });

  it("sends the catalogue's example of a chosen type, which a receiver validates against GET /api/v1/event-types", async () => {
    const catalogue = await (await get(eventTypes, "/api/v1/event-types")).json();
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const validateEnvelope = ajv.compile(catalogue.envelope.schema);
    for (const type of ["project.updated", "user.deleted"]) {
      const queued = await post(endpointAction, `/api/v1/admin/webhooks/endpoints/crm/test?event_type=${type}`, {
        id: "crm",
        action: "test",
      });
      expect(queued.status).toBe(202);
      const { event_id } = await queued.json();
      await executor.drain();
      const delivered = receiver.received.find((request) => request.headers["webhook-id"] === event_id)!;
      const envelope = JSON.parse(delivered.body);
      expect(validateEnvelope(envelope), ajv.errorsText(validateEnvelope.errors)).toBe(true);
      const entry = catalogue.event_types.find((candidate: { type: string }) => candidate.type === type);
      const version = entry.versions.find((candidate: { version: number }) => candidate.version === envelope.version);
      expect(envelope).toMatchObject({ event_type: type, version: entry.current_version, data: version.example });
      expect(ajv.validate(version.schema, envelope.data), ajv.errorsText()).toBe(true);
    }
    const unknown = await post(endpointAction, "/api/v1/admin/webhooks/endpoints/crm/test?event_type=nope", { id: "crm", action: "test" });
    expect(unknown.status).toBe(400);
  });

  it("pauses and resumes an endpoint; recover wants an ISO time; unknown endpoints are 404", async () => {
    expect(await (await post(endpointAction, "/x", { id: "crm", action: "pause" })).json()).toEqual({ endpoint_id: "crm", paused: true });
    const listed = await (await get(listEndpoints, "/api/v1/admin/webhooks/endpoints")).json();
    expect(listed.data[0]).toMatchObject({ paused: true, paused_reason: "paused by an admin" });
    expect((await post(endpointAction, "/x", { id: "crm", action: "resume" })).status).toBe(200);
    expect(
      (await post(endpointAction, "/api/v1/admin/webhooks/endpoints/crm/recover?since=yesterday", { id: "crm", action: "recover" })).status,
    ).toBe(400);
    expect(
      (
        await post(endpointAction, "/api/v1/admin/webhooks/endpoints/crm/recover?since=2026-01-01T00:00:00Z", {
          id: "crm",
          action: "recover",
        })
      ).status,
    ).toBe(202);
    expect((await post(endpointAction, "/x", { id: "nope", action: "test" })).status).toBe(404);
    expect((await post(endpointAction, "/x", { id: "crm", action: "explode" })).status).toBe(404);
  });

  it("records who reloaded, paused, resumed and redelivered, when and from where, in the audit log", async () => {
    const auditor = await createUser(db, { role: "admin" });
    const { secret } = await createApiToken({ db }, { userId: auditor.id, name: "auditor" });
    const headers = { ...bearer(secret), "x-forwarded-for": "198.51.100.4, 10.0.0.1", "user-agent": "ops-script/1.0" };
    const act = (handler: Handler, params: Record<string, string> = {}) =>
      callRoute(handler, new Request("http://app.test/x", { method: "POST", headers }), params as never);
    writeConfig(validConfig);
    expect((await act(reload)).status).toBe(200);
    expect((await act(endpointAction, { id: "crm", action: "pause" })).status).toBe(200);
    expect((await act(endpointAction, { id: "crm", action: "resume" })).status).toBe(200);
    const [delivery] = (await (await get(listDeliveries, "/api/v1/admin/webhooks/deliveries?endpoint_id=crm")).json()).data;
    expect((await act(redeliver, { id: delivery.id })).status).toBe(202);

    const audit = await callRoute(
      listAuditLog,
      new Request(`http://app.test/api/v1/admin/audit-log?actor=${auditor.login}`, { headers: admin }),
    );
    const { data } = await audit.json();
    expect(data.map((entry: { action: string }) => entry.action)).toEqual([
      "webhook_delivery.redelivered",
      "webhook_endpoint.resumed",
      "webhook_endpoint.paused",
      "webhook_endpoints.reloaded",
    ]);
    expect(data[1]).toMatchObject({
      actor: { user_id: auditor.id, login: auditor.login },
      target: "webhook_endpoint:crm",
      ip: "198.51.100.4",
      user_agent: "ops-script/1.0",
    });
    expect(data[0]).toMatchObject({ target: `webhook_delivery:${delivery.id}` });
  });

  it("follows a reload another instance published: it emits to, and delivers to, an endpoint it never read from its file", async () => {
    writeConfig(validConfig);
    const { generation } = await (await post(reload, "/api/v1/admin/webhooks/reload")).json();
    // Another instance reloads a file with a second endpoint: only the database row changes here.
    const [row] = await db.select().from(webhookConfig);
    const erp = { ...row!.endpoints[0]!, id: "erp" };
    await db
      .update(webhookConfig)
      .set({ generation: sql`${webhookConfig.generation} + 1`, endpoints: [...row!.endpoints, erp], hash: "another instance" });

    const queued = await post(endpointAction, "/x", { id: "erp", action: "test" });
    expect(queued.status).toBe(202);
    const { event_id } = await queued.json();
    await executor.drain();
    expect(receiver.received.filter((request) => request.headers["webhook-id"] === event_id)).toHaveLength(1);
    const listed = await (await get(listEndpoints, "/api/v1/admin/webhooks/endpoints")).json();
    expect(listed.data.map((endpoint: { id: string }) => endpoint.id)).toEqual(["crm", "erp"]);

    // An endpoint whose secret this instance cannot read: its deliveries wait, never fail.
    const [current] = await db.select().from(webhookConfig);
    await db.update(webhookConfig).set({
      generation: current!.generation + 1,
      endpoints: [...current!.endpoints, { ...erp, id: "vault", secret: "not_here" }],
      hash: "a third",
    });
    const [pending] = await db
      .insert(webhookDeliveries)
      .values({
        eventId: event_id,
        eventType: "webhook.test",
        endpointId: "vault",
        endpointUrl: receiver.url,
        sequence: 1,
        nextAttemptAt: new Date(),
      })
      .returning();
    await executor.send([{ name: endpointDrainRequested.name, data: { endpoint_id: "vault" } }]);
    await executor.drain();
    const [after] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, pending!.id));
    expect(after).toMatchObject({ status: "pending", attemptCount: 0 });
    expect(generation).toBeGreaterThan(0);
  });
});
