// Running on Inngest (Cloud or self-hosted `inngest start`): the app registers its functions the way those
// servers make it — the SDK's introspection GET and the registration PUT, which posts the app's function
// config to INNGEST_BASE_URL/fn/register. A fake Inngest API on loopback captures that request.
import { createHmac } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { afterAll, describe, expect, it, vi } from "vitest";

type Captured = { url: string; headers: IncomingHttpHeaders; body: string };
const inngestApi = await vi.hoisted(async () => {
  const { createServer: create } = await import("node:http");
  const registered: { url: string; headers: Record<string, unknown>; body: string }[] = [];
  const server = create(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    registered.push({ url: request.url ?? "", headers: request.headers, body });
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, modified: true }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  // What an operator sets to run on Inngest; read by lib/config and by the SDK when the modules load.
  Object.assign(process.env, {
    INNGEST_SIGNING_KEY: `signkey-prod-${"ab12".repeat(16)}`,
    INNGEST_EVENT_KEY: "test-event-key",
    INNGEST_BASE_URL: `http://127.0.0.1:${port}`,
    INNGEST_DEV: "",
  });
  return { server, registered };
});

const { GET, PUT } = await import("@/app/api/inngest/route");
const { functions } = await import("@/inngest/functions");
const { getConfig } = await import("@/lib/config");

afterAll(() => new Promise<void>((resolve) => inngestApi.server.close(() => resolve())));

const APP_URL = "http://hooksmith.test/api/inngest";

describe("registering with an Inngest server", () => {
  it("runs on Inngest by configuration alone: the jobs engine is inngest", () => {
    expect(getConfig().jobsEngine).toBe("inngest");
  });

  it("refuses an unsigned introspection GET, and answers the server's signed one with every function, never the keys", async () => {
    expect((await GET(new Request(APP_URL) as never, undefined as never)).status).toBe(401);
    // Signed as the Inngest server signs it: HMAC-SHA256 over the (empty) body and t, keyed by the key without its prefix.
    const t = String(Math.floor(Date.now() / 1000));
    const key = process.env.INNGEST_SIGNING_KEY!.replace(/^signkey-\w+-/, "");
    const signature = `t=${t}&s=${createHmac("sha256", key).update(t).digest("hex")}`;
    const response = await GET(new Request(APP_URL, { headers: { "x-inngest-signature": signature } }) as never, undefined as never);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      authentication_succeeded: true,
      app_id: "hooksmith",
      function_count: functions.length + functions.filter((fn) => fn.opts.onFailure).length, // failure handlers are functions too
      has_event_key: true,
      has_signing_key: true,
      mode: "cloud",
      api_origin: process.env.INNGEST_BASE_URL,
    });
    expect(text).not.toContain(key);
  });

  it("posts every function with its triggers to INNGEST_BASE_URL/fn/register, signed with the signing key", async () => {
    const response = await PUT(new Request(APP_URL, { method: "PUT" }) as never, undefined as never);
    expect(response.status).toBe(200);
    const request: Captured = inngestApi.registered.find((entry) => entry.url.startsWith("/fn/register"))! as Captured;
    expect(request).toBeDefined();
    // The SDK authenticates with the hashed signing key, never the key itself.
    expect(String(request.headers.authorization)).toMatch(/^Bearer signkey-prod-[0-9a-f]{64}$/);
    expect(request.body).not.toContain(process.env.INNGEST_SIGNING_KEY!);

    const config = JSON.parse(request.body) as {
      appName: string;
      url: string;
      functions: { id: string; triggers: ({ event: string } | { cron: string })[]; steps: Record<string, { runtime: { url: string } }> }[];
    };
    expect(config.appName).toBe("hooksmith");
    const registered = new Map(config.functions.map((fn) => [fn.id, fn]));
    for (const fn of functions) {
      const entry = registered.get(`hooksmith-${fn.id()}`);
      expect(entry, fn.id()).toBeDefined();
      const expected = (fn.opts.triggers as ({ event: string | { name: string } } | { cron: string })[]).map((trigger) =>
        "cron" in trigger ? { cron: trigger.cron } : { event: typeof trigger.event === "string" ? trigger.event : trigger.event.name },
      );
      expect(entry!.triggers.map((trigger) => ("cron" in trigger ? { cron: trigger.cron } : { event: trigger.event }))).toEqual(expected);
      expect(Object.values(entry!.steps)[0]!.runtime.url).toContain("/api/inngest");
    }
    expect(config.functions).toHaveLength(functions.length + functions.filter((fn) => fn.opts.onFailure).length);
  });
});
