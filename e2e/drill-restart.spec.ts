// Drill 2: the app killed (SIGKILL) mid-poll and mid-delivery, then restarted on the same data → every
// analysis finishes with exactly one result, and every outbound event reaches its receiver — in order,
// verified — with at most the one in-flight delivery repeated (same webhook-id, so receivers drop it).
// GitHub must outlive the app, as the real one does: the simulator runs in its own process and the app
// with GitHub App credentials pointing at it (production configuration, not demo mode; e2e/production-drill.ts).
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

import { expect, startReceiver, test } from "./fixtures";
import { prepareProductionDrill } from "./production-drill";
import { startApp, type AppProcess } from "./server-process";

const PORT = 4520;
const DATA_DIR = path.join(__dirname, ".artifacts", "data-drill-restart");
const TOKEN = "e2e-drill-restart-admin-token-0123456789";
const auth = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
const ENDPOINT_SECRET = `whsec_${randomBytes(32).toString("base64")}`;

let app: AppProcess | undefined;
let simulator: ChildProcess | undefined;
test.afterAll(async () => {
  await app?.kill("SIGKILL");
  simulator?.kill("SIGKILL");
});

test("drill 2: SIGKILL mid-poll and mid-delivery loses nothing and repeats nothing but the in-flight delivery", async () => {
  test.setTimeout(240_000);
  // The receiver verifies every delivery as a Standard Webhooks receiver would, and answers slowly so
  // that the kill lands while deliveries are in flight.
  const receiver = await startReceiver(ENDPOINT_SECRET, { delayMs: 150 });
  const received = receiver.received;
  // Polling is the only way home, so the poller is what the kill interrupts.
  const drill = await prepareProductionDrill({
    name: "drill-restart",
    dataDir: DATA_DIR,
    appId: 777,
    installationId: 7001,
    receiverUrl: receiver.url,
    endpointSecret: ENDPOINT_SECRET,
    events: ["feature.*", "webhook.test"],
    runMs: 6000,
  });
  simulator = drill.simulator;

  const env = { ...drill.env, ADMIN_API_TOKEN: TOKEN, LOG_LEVEL: "warn", WEBHOOK_RETRY_BASE_DELAY_SECONDS: "0.2" };
  app = await startApp(PORT, env);
  const api = (url: string, init: RequestInit = {}) => fetch(`${app!.url}${url}`, { ...init, headers: auth });

  const features: string[] = [];
  for (let n = 0; n < 4; n++) {
    const created = await api("/api/v1/features", {
      method: "POST",
      body: JSON.stringify({ name: `Drill ${n}`, description: "Survives a crash.", repository: "demo-org/demo-app" }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await api(`/api/v1/features/${id}/analyze`, { method: "POST" })).status).toBe(202);
    features.push(id);
  }
  const tests: string[] = [];
  for (let n = 0; n < 20; n++) {
    const queued = await api("/api/v1/admin/webhooks/endpoints/drill/test", { method: "POST" });
    expect(queued.status).toBe(202);
    tests.push(((await queued.json()) as { event_id: string }).event_id);
  }

  // Kill once polling has begun and some, not all, deliveries have arrived.
  await expect
    .poll(
      async () => {
        const polled = await Promise.all(
          features.map(async (id) =>
            ((await (await api(`/api/v1/features/${id}`)).json()) as { events: { kind: string }[] }).events.some(
              (event) => event.kind === "polled",
            ),
          ),
        );
        return polled.some(Boolean) && received.length >= 3;
      },
      { timeout: 60_000, intervals: [100] },
    )
    .toBe(true);
  const atKill = await Promise.all(
    features.map(async (id) => ((await (await api(`/api/v1/features/${id}`)).json()) as { status: string }).status),
  );
  await app.kill("SIGKILL");
  const beforeRestart = received.length;
  expect(atKill).toContain("analyzing"); // the kill interrupted polling, not an idle server

  app = await startApp(PORT, env);
  const details = async () =>
    Promise.all(
      features.map(async (id) => (await (await api(`/api/v1/features/${id}`)).json()) as { status: string; analyses: unknown[] }),
    );
  await expect
    .poll(async () => (await details()).map((detail) => detail.status), { timeout: 120_000, intervals: [500] })
    .toEqual(features.map(() => "completed"));
  for (const detail of await details()) expect(detail.analyses).toHaveLength(1);

  // Every event emitted: 4 feature.created, 20 webhook.test, 4 feature.analysis.completed.
  await expect.poll(() => new Set(received.map((event) => event.webhookId)).size, { timeout: 120_000, intervals: [250] }).toBe(28);
  const firstReceipts = received.map((event) => event.webhookId).filter((id, index, all) => all.indexOf(id) === index);
  // Emitted order per endpoint: the tests were emitted in this order, after the feature.created events.
  expect(firstReceipts.filter((id) => tests.includes(id))).toEqual(tests);
  expect(received.length - firstReceipts.length).toBeLessThanOrEqual(1); // only the delivery in flight at the kill
  expect(beforeRestart).toBeLessThan(28);

  const log = (await (await api("/api/v1/admin/webhooks/deliveries?endpoint_id=drill&limit=100")).json()) as { data: { status: string }[] };
  expect(log.data.filter((delivery) => delivery.status !== "succeeded")).toEqual([]);
  await receiver.close();
});
