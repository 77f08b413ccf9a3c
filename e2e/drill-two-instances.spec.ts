// Drill 3: two app instances (`next start`, each its own process and embedded executor) on one PostgreSQL
// database. webhooks.yaml is reloaded on A with an endpoint B's own file never had; events emitted through
// B (at once, without waiting) and then through both reach the receiver once each, verified, in order.
// Then the endpoint's file changes on B and is reloaded there: A follows, and order still holds.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

import { expect, startReceiver, test } from "./fixtures";
import { startApp, type AppProcess } from "./server-process";

const PORTS = [4600, 4601] as const;
const ROOT_DIR = path.join(__dirname, ".artifacts", "data-drill-instances");
const SERVER_URL = process.env.DRILL_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DATABASE = "hooksmith_drill_two_instances";
const TOKEN = "e2e-drill-instances-admin-token-0123456789";
const ENDPOINT_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

const apps: AppProcess[] = [];
async function resetDatabase() {
  const sql = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${DATABASE}" with (force)`);
    await sql.unsafe(`create database "${DATABASE}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
test.afterAll(async () => {
  await Promise.all(apps.map((app) => app.kill("SIGKILL")));
});

test("drill 3: a reload on either instance takes effect on both; every event arrives once, in order", async () => {
  test.setTimeout(240_000);
  await resetDatabase();
  rmSync(ROOT_DIR, { recursive: true, force: true });
  const receiver = await startReceiver(ENDPOINT_SECRET, { delayMs: 20 });
  const databaseUrl = new URL(SERVER_URL);
  databaseUrl.pathname = `/${DATABASE}`;

  const dirs = PORTS.map((port) => path.join(ROOT_DIR, String(port)));
  const yamlOf = (events: string[]) =>
    `endpoints:\n  - id: drill\n    url: ${receiver.url}\n    secret: drill_secret\n    events: ${JSON.stringify(events)}\n`;
  for (const dir of dirs) {
    mkdirSync(path.join(dir, "secrets"), { recursive: true });
    writeFileSync(path.join(dir, "secrets", "drill_secret"), ENDPOINT_SECRET);
    writeFileSync(path.join(dir, "webhooks.yaml"), "endpoints: []\n");
  }
  for (const [index, port] of PORTS.entries()) {
    apps.push(
      await startApp(port, {
        DATABASE_URL: databaseUrl.toString(),
        DATA_DIR: dirs[index]!,
        ADMIN_API_TOKEN: TOKEN,
        LOG_LEVEL: "warn",
        WEBHOOKS_CONFIG_PATH: path.join(dirs[index]!, "webhooks.yaml"),
        WEBHOOK_SECRETS_DIR: path.join(dirs[index]!, "secrets"),
        ALLOW_INSECURE_WEBHOOK_URLS: "true",
        WEBHOOK_RETRY_BASE_DELAY_SECONDS: "0.2",
        // A long poll: NOTIFY must carry the reload, not the fallback.
        WEBHOOK_CONFIG_POLL_SECONDS: "600",
      }),
    );
  }
  const [a, b] = apps as [AppProcess, AppProcess];
  const call = (app: AppProcess, url: string) =>
    fetch(`${app.url}${url}`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` } });
  const emitted: string[] = [];
  const emitThrough = async (app: AppProcess) => {
    const queued = await call(app, "/api/v1/admin/webhooks/endpoints/drill/test");
    expect(queued.status, await queued.clone().text()).toBe(202);
    emitted.push(((await queued.json()) as { event_id: string }).event_id);
  };

  // Reload on A; B's file has no endpoints at all. B emits straight away: it confirms the generation as it records.
  writeFileSync(path.join(dirs[0]!, "webhooks.yaml"), yamlOf(["webhook.test"]));
  const reloaded = await call(a, "/api/v1/admin/webhooks/reload");
  expect(reloaded.status).toBe(200);
  expect(await reloaded.json()).toMatchObject({ added: ["drill"] });
  for (let n = 0; n < 10; n++) await emitThrough(b);
  for (let n = 0; n < 10; n++) await emitThrough(n % 2 ? a : b);

  // A reload on B (a changed event list) reaches A; both keep delivering in order.
  writeFileSync(path.join(dirs[1]!, "webhooks.yaml"), yamlOf(["webhook.test", "feature.*"]));
  expect((await call(b, "/api/v1/admin/webhooks/reload")).status).toBe(200);
  await expect
    .poll(async () => {
      const listed = await fetch(`${a.url}/api/v1/admin/webhooks/endpoints`, { headers: { authorization: `Bearer ${TOKEN}` } });
      return ((await listed.json()) as { data: { events: string[] }[] }).data[0]?.events;
    })
    .toEqual(["webhook.test", "feature.*"]);
  for (let n = 0; n < 10; n++) await emitThrough(n % 2 ? b : a);

  await expect.poll(() => receiver.received.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(emitted.length);
  expect(receiver.rejected).toEqual([]);
  expect(receiver.received.map((event) => event.webhookId)).toEqual(emitted);
  for (const app of apps) expect(app.output()).not.toContain("endpoint was removed");
  await receiver.close();
});
