import { describe, expect, it } from "vitest";
import { z } from "zod";

import { AppError } from "@/lib/errors";

import { apiHandler } from "./api-handler";
import { BodyBudget, processBodyBudget } from "./body-budget";
import { readBody } from "./read-json";

/** A request whose body arrives as a stream in `chunks` pieces, without Content-Length (as chunked uploads do). */
const streamed = (bytes: number, chunks = 4) =>
  new Request("http://app.test/webhooks/github", {
    method: "POST",
    body: new ReadableStream({
      start(controller) {
        for (let i = 0; i < chunks; i++) controller.enqueue(new Uint8Array(bytes / chunks));
        controller.close();
      },
    }),
    duplex: "half",
  } as RequestInit);

describe("the process-wide budget of buffered request bodies", () => {
  it("answers 503 server_busy to the bodies past it while others are held, and takes them again once those are answered", async () => {
    const budget = new BodyBudget(1000);
    const requests = Array.from({ length: 20 }, () => streamed(100));
    const results = await Promise.allSettled(requests.map((req) => readBody(req, 64 * 1024, budget)));
    const read = results.filter((result) => result.status === "fulfilled");
    const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(read).toHaveLength(10);
    expect(refused).toHaveLength(10);
    for (const error of refused) expect(error).toMatchObject({ status: 503, code: "server_busy" });
    expect(budget.inUse).toBe(1000); // the refused ones gave back what they had taken
    for (const req of requests) budget.release(req);
    expect(budget.inUse).toBe(0);
    await expect(readBody(streamed(1000), 64 * 1024, budget)).resolves.toHaveLength(1000);
  });

  it("still answers 413 past a route's own limit, before the budget is touched", async () => {
    const budget = new BodyBudget(10_000);
    await expect(readBody(streamed(2000), 1000, budget)).rejects.toBeInstanceOf(AppError);
    expect(budget.inUse).toBe(0);
  });

  it("is given back by apiHandler once the request is answered, whatever the answer", async () => {
    const ok = apiHandler({ access: "public", body: z.object({ a: z.number() }) }, async () => Response.json({ ok: true }));
    const post = (body: string) =>
      ok(new Request("http://app.test/webhooks/github", { method: "POST", body }), { params: Promise.resolve({}) });
    expect((await post('{"a":1}')).status).toBe(200);
    expect((await post('{"a":"x"}')).status).toBe(400);
    expect((await post("not json")).status).toBe(400);
    expect(processBodyBudget().inUse).toBe(0);
  });
});
