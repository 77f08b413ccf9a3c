// Found by drill 5: the Inngest serve handler answered 500 to a POST whose body is not JSON.
import { describe, expect, it } from "vitest";

import { POST } from "@/app/api/inngest/route";
import { setUpTestDatabase } from "@/test/database";

await setUpTestDatabase();
const post = (body: string, headers: Record<string, string> = {}) =>
  POST(
    new Request("http://app.test/api/inngest", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    }) as never,
    undefined as never,
  );

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
