// Found by drill 5: the Inngest serve handler answered 500 to a POST whose body is not JSON. Issue 15:
// every method answers hostile input with a 4xx, and a sync registers only the configured origin.
import { describe, expect, it } from "vitest";

import { GET, POST, PUT } from "@/app/api/inngest/route";
import { inngest } from "@/inngest/client";
import { getConfig } from "@/lib/config";
import { setUpTestDatabase } from "@/test/database";

await setUpTestDatabase();

type Method = (req: never, context: never) => Promise<unknown>;
const call = (handler: Method, method: string, body?: string, headers: Record<string, string> = {}, url = "http://app.test/api/inngest") =>
  handler(
    new Request(url, { method, headers: { "content-type": "application/json", ...headers }, body }) as never,
    undefined as never,
  ) as Promise<Response>;
const post = (body: string, headers: Record<string, string> = {}) => call(POST, "POST", body, headers);

describe("POST /api/inngest with a hostile body", () => {
  it.each(["not json", "{", "a".repeat(1024 * 1024)])("answers 400 JSON, not 500, to a body that is not JSON (%#)", async (body) => {
    const response = await post(body, { "x-inngest-signature": "t=1&s=ab" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_json" } });
  });

  it("still answers an unsigned JSON call 401", async () => {
    expect((await post("{}")).status).toBe(401);
  });
});

describe("every method of /api/inngest answers hostile input with a 4xx", () => {
  const hostile: [string, Method, string, string | undefined, Record<string, string>, string?][] = [
    ["PUT, body not JSON", PUT, "PUT", "not json", {}],
    ["PUT in-band, body not JSON", PUT, "PUT", "{", { "x-inngest-sync-kind": "in_band" }],
    ["PUT in-band, no body", PUT, "PUT", undefined, { "x-inngest-sync-kind": "in_band" }],
    ["PUT in-band, unsigned", PUT, "PUT", '{"url":"http://evil.example/api/inngest"}', { "x-inngest-sync-kind": "in_band" }],
    ["PUT in-band, forged signature", PUT, "PUT", "{}", { "x-inngest-sync-kind": "in_band", "x-inngest-signature": "t=1&s=00" }],
    ["GET, garbage signature", GET, "GET", undefined, { "x-inngest-signature": "garbage" }],
    ["GET, trust probe", GET, "GET", undefined, {}, "http://app.test/api/inngest?probe=trust"],
    ["POST, unknown function", POST, "POST", "[]", {}, "http://app.test/api/inngest?fnId=nope&stepId=%ZZ"],
    ["POST, JSON null, forged signature", POST, "POST", "null", { "x-inngest-signature": "t=1&s=ab" }],
    ["POST, no body", POST, "POST", undefined, {}],
  ];
  it.each(hostile)("%s", async (_name, handler, method, body, headers, url) => {
    const response = await call(handler, method, body, headers, url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});

describe("PUT /api/inngest (an unsigned, out-of-band sync)", () => {
  it("registers the configured serve origin with Inngest, whatever Host the request names", async () => {
    const registered: string[] = [];
    const realFetch = inngest.fetch;
    const recording: typeof fetch = async (input, init) => {
      const body = JSON.parse(String(init?.body ?? "{}")) as { url?: string };
      if (body.url) registered.push(body.url);
      return realFetch(input, init);
    };
    // The client's `fetch` is a getter on its prototype: shadow it on the instance, then remove the shadow.
    Object.defineProperty(inngest, "fetch", { configurable: true, get: () => recording });
    try {
      const response = await call(
        PUT,
        "PUT",
        undefined,
        { host: "evil.example", "x-forwarded-host": "evil.example" },
        "http://evil.example/api/inngest",
      );
      expect(response.status).toBe(200);
    } finally {
      Reflect.deleteProperty(inngest, "fetch");
    }
    expect(registered).toEqual([`${getConfig().inngestServeOrigin}/api/inngest`]);
  });
});
