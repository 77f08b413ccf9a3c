// Fault drill 3: PostgreSQL unreachable for a while. The app's postgres.js pool reaches the server through
// a TCP proxy the drill controls: cut (connections reset, then connection refused), and black-holed
// (accepted, never answered). Meanwhile the public inbound endpoints answer 503 JSON with Retry-After,
// write nothing, and once the proxy forwards again the same deliveries are accepted — no restart.
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, Socket, type Server } from "node:net";
import examples from "@octokit/webhooks-examples";
import { eq, inArray } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";

import { GET as webhookHealth } from "@/app/webhooks/github/health/route";
import { setDatabaseHandle } from "@/db";
import { openDatabase } from "@/db/client";
import { webhookEvents } from "@/db/schema";
import { postAnalysisCallback } from "@/test/analysis";
import { startAppTestExecutor } from "@/test/embedded-jobs";
import { installAsProcessGithub, startTestGithub } from "@/test/github-simulator";
import { postGithubWebhook } from "@/test/github-webhooks";
import { callRoute } from "@/test/http";
import { createPostgresTemplate, databaseUrl, dropPostgresDatabase } from "@/test/postgres-admin";

const SERVER_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const PROXY_PORT = 4400 + (process.pid % 50);

const probe = postgres(SERVER_URL, { max: 1, connect_timeout: 2, onnotice: () => {} });
const reachable = await probe`select 1`.then(
  () => true,
  () => false,
);
await probe.end({ timeout: 1 });
if (!reachable) console.warn(`drill 3 skipped: no PostgreSQL at ${SERVER_URL}`);

/** A TCP proxy to PostgreSQL: `forward` (normal), `refuse` (connections reset, port closed) or `blackhole` (accepted, never answered). */
async function startProxy(target: URL) {
  const sockets = new Set<Socket>();
  let mode: "forward" | "blackhole" = "forward";
  let server: Server | undefined;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        sockets.add(client);
        client.on("close", () => sockets.delete(client));
        client.on("error", () => {});
        if (mode === "blackhole") return;
        const upstream = new Socket();
        sockets.add(upstream);
        upstream.on("close", () => sockets.delete(upstream));
        upstream.on("error", () => client.destroy());
        client.on("error", () => upstream.destroy());
        upstream.connect(Number(target.port || 5432), target.hostname, () => {
          client.pipe(upstream);
          upstream.pipe(client);
        });
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
      });
      server.once("error", reject);
      server.listen(PROXY_PORT, "127.0.0.1", () => resolve());
    });
  const resetAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  const close = () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await listen();
  return {
    url: (database: string) => {
      const url = new URL(databaseUrl(target.toString(), database));
      url.host = `127.0.0.1:${PROXY_PORT}`;
      return url.toString();
    },
    async refuse() {
      await Promise.all([close(), resetAll()]);
    },
    async blackhole() {
      mode = "blackhole";
      resetAll();
      if (!server?.listening) await listen();
    },
    async forward() {
      mode = "forward";
      resetAll();
      if (!server?.listening) await listen();
    },
    async stop() {
      resetAll();
      await close();
    },
  };
}

const issue = (examples as { name: string; examples: Record<string, unknown>[] }[]).find((group) => group.name === "issues")!.examples[0]!;

describe.skipIf(!reachable)("drill: PostgreSQL unreachable, then back", async () => {
  const name = `hooksmith_drill_outage_${randomBytes(5).toString("hex")}`;
  const proxy = await startProxy(new URL(SERVER_URL));
  let executor: Awaited<ReturnType<typeof startAppTestExecutor>>["executor"] | undefined;
  afterAll(async () => {
    await executor?.stop();
    setDatabaseHandle(undefined);
    await proxy.stop();
    await dropPostgresDatabase(SERVER_URL, name);
  });

  it(
    "answers 503 with nothing written while the database is away, and accepts the same deliveries once it is back",
    { timeout: 90_000 },
    async () => {
      await createPostgresTemplate(SERVER_URL, name);
      const handle = await openDatabase({ databaseUrl: proxy.url(name), dataDir: "", maxConnections: 4 });
      setDatabaseHandle(handle);
      afterAll(() => handle.close().catch(() => {}));
      executor = (await startAppTestExecutor(handle.db)).executor;
      installAsProcessGithub(await startTestGithub());

      const before = await postGithubWebhook("issues", issue);
      expect(before.status).toBe(202);

      const unavailable = async (response: Response) => {
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toBe("5");
        expect(await response.json()).toEqual({ error: { code: "database_unavailable", message: expect.any(String) } });
      };
      const deliveries = Array.from({ length: 6 }, () => randomUUID());

      // Connection refused (and every pooled connection reset): answered at once, never hanging.
      await proxy.refuse();
      let started = performance.now();
      for (const id of deliveries.slice(0, 3)) await unavailable(await postGithubWebhook("issues", issue, { deliveryId: id }));
      await unavailable(await callRoute(webhookHealth, new Request("http://app.test/webhooks/github/health")));
      await unavailable(
        await postAnalysisCallback(JSON.stringify({ feature_id: randomUUID() }), {
          "x-feature-id": randomUUID(),
          "x-webhook-signature": "ab".repeat(32),
        }),
      );
      const refusedMs = performance.now() - started;
      expect(refusedMs).toBeLessThan(5_000);

      // Black-holed: the driver's connect timeout (5 s) ends the wait, still a 503.
      await proxy.blackhole();
      started = performance.now();
      await unavailable(await postGithubWebhook("issues", issue, { deliveryId: deliveries[3] }));
      const blackholedMs = performance.now() - started;
      expect(blackholedMs).toBeLessThan(15_000);

      // Back, same process and pool: the deliveries GitHub redelivers are new to us (nothing half-written).
      await proxy.forward();
      for (const id of deliveries) {
        const response = await postGithubWebhook("issues", issue, { deliveryId: id });
        expect(response.status).toBe(202);
        expect(await response.json()).toMatchObject({ status: "accepted", delivery_id: id });
      }
      const rows = await handle.db.select().from(webhookEvents).where(inArray(webhookEvents.webhookId, deliveries));
      expect(rows.map((row) => row.webhookId).sort()).toEqual([...deliveries].sort());
      await executor.drain();
      const processed = await handle.db.select().from(webhookEvents).where(eq(webhookEvents.eventType, "issues"));
      expect(processed).toHaveLength(deliveries.length + 1);
      expect(processed.filter((row) => row.status === "received")).toEqual([]);
      console.log(
        `drill 3: refused → 503 in ${Math.round(refusedMs)} ms for 5 requests; black-holed → 503 in ${Math.round(blackholedMs)} ms; recovered without restart`,
      );
    },
  );
});
