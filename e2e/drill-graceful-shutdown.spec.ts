// Drill 4: SIGTERM while an outbound delivery is in flight (a slow receiver) and an analysis is being
// polled. The app drains — the delivery finishes and is recorded once — exits 0, and on restart on the
// same data the poll resumes and brings the result home. Production configuration (GitHub App keys
// against a simulator in its own process), as in drill 2.
import type { ChildProcess } from "node:child_process";
import path from "node:path";

import { expect, startReceiver, test } from "./fixtures";
import { prepareProductionDrill } from "./production-drill";
import { startApp, type AppProcess } from "./server-process";

const PORT = 4602;
const DATA_DIR = path.join(__dirname, ".artifacts", "data-drill-shutdown");
const TOKEN = "e2e-drill-shutdown-admin-token-0123456789";
const ENDPOINT_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

let app: AppProcess | undefined;
let simulator: ChildProcess | undefined;
test.afterAll(async () => {
  await app?.kill("SIGKILL");
  simulator?.kill("SIGKILL");
});

test("drill 4: SIGTERM mid-delivery and mid-poll drains, records the delivery once, exits 0; the poll resumes on restart", async () => {
  test.setTimeout(240_000);
  const receiver = await startReceiver(ENDPOINT_SECRET, { delayMs: 3000 });
  const drill = await prepareProductionDrill({
    name: "drill-shutdown",
    dataDir: DATA_DIR,
    appId: 778,
    installationId: 7002,
    receiverUrl: receiver.url,
    endpointSecret: ENDPOINT_SECRET,
    events: ["webhook.test"],
    runMs: 15_000,
  });
  simulator = drill.simulator;

  const env = { ...drill.env, ADMIN_API_TOKEN: TOKEN, LOG_LEVEL: "info", NEXT_MANUAL_SIG_HANDLE: "1", SHUTDOWN_TIMEOUT_SECONDS: "30" };
  app = await startApp(PORT, env);
  const api = (url: string, init: RequestInit = {}) =>
    fetch(`${app!.url}${url}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" } });

  const created = await api("/api/v1/features", {
    method: "POST",
    body: JSON.stringify({ name: "Shutdown drill", description: "Survives a restart.", repository: "demo-org/demo-app" }),
  });
  const { id: featureId } = (await created.json()) as { id: string };
  expect((await api(`/api/v1/features/${featureId}/analyze`, { method: "POST" })).status).toBe(202);
  const polls = async () =>
    ((await (await api(`/api/v1/features/${featureId}`)).json()) as { events: { kind: string }[] }).events.filter(
      (event) => event.kind === "polled",
    ).length;
  await expect.poll(polls, { timeout: 60_000 }).toBeGreaterThan(0);

  const queued = await api("/api/v1/admin/webhooks/endpoints/drill/test", { method: "POST" });
  const { event_id } = (await queued.json()) as { event_id: string };
  await expect.poll(() => receiver.arrivals(), { timeout: 30_000, intervals: [50] }).toBe(1);
  expect(receiver.received).toHaveLength(0); // the receiver is still holding the delivery

  const exited = new Promise<number | null>((resolve) => app!.child.once("exit", (code) => resolve(code)));
  process.kill(-app.child.pid!, "SIGTERM");
  expect(await exited).toBe(0);
  expect(app.output()).toContain('"shut down"');
  expect(receiver.received.map((event) => event.webhookId)).toEqual([event_id]);

  app = await startApp(PORT, env);
  const deliveries = (await (await api("/api/v1/admin/webhooks/deliveries?endpoint_id=drill")).json()) as {
    data: { event_id: string; status: string; attempt_count: number }[];
  };
  expect(deliveries.data).toEqual([expect.objectContaining({ event_id, status: "succeeded", attempt_count: 1 })]);
  const feature = async () => (await (await api(`/api/v1/features/${featureId}`)).json()) as { status: string; analyses: unknown[] };
  await expect.poll(async () => (await feature()).status, { timeout: 120_000, intervals: [500] }).toBe("completed");
  expect((await feature()).analyses).toHaveLength(1);
  expect(receiver.arrivals()).toBe(1);
  await receiver.close();
});
