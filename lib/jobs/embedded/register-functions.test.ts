import { describe, expect, it } from "vitest";

import { embeddedTestClient } from "@/test/embedded-jobs";

import { registerFunctions, UnsupportedFunctionError } from "./register-functions";

const client = embeddedTestClient();

describe("registerFunctions", () => {
  it("reads triggers, retries, concurrency, singleton, idempotency and cancelOn from the SDK's config", () => {
    const fn = client.createFunction(
      {
        id: "poll",
        retries: 7,
        concurrency: { limit: 2, key: "event.data.repo" },
        singleton: { key: "event.data.featureId", mode: "cancel" },
        idempotency: "event.data.requestId",
        cancelOn: [{ event: "feature/deleted", match: "data.featureId", timeout: "1h" }],
        triggers: [{ event: "feature/analysis.requested" }, { cron: "0 3 * * *" }],
      },
      async () => null,
    );
    const registered = registerFunctions("app", [fn]).get("app-poll")!;
    expect(registered).toMatchObject({ id: "app-poll", retries: 7, crons: ["0 3 * * *"], singleton: { mode: "cancel" } });
    expect(registered.concurrency[0]).toMatchObject({ limit: 2, scope: "fn" });
    expect(registered.concurrency[0]!.key!({ event: { data: { repo: "o/r" } } })).toBe("o/r");
    expect(registered.cancel[0]).toMatchObject({ event: "feature/deleted", timeoutMs: 3_600_000 });
    expect(registered.cancel[0]!.expression!({ event: { data: { featureId: 1 } }, async: { data: { featureId: 1 } } })).toBe(true);
  });

  it("reads priority.run from one field, clamped to Inngest's ±600 s", () => {
    const fn = client.createFunction(
      { id: "urgent", priority: { run: "event.data.priority" }, triggers: [{ event: "x/y" }] },
      async () => null,
    );
    const { priority } = registerFunctions("app", [fn]).get("app-urgent")!;
    expect([120, 5000, -9000, undefined, "high"].map((value) => priority!({ event: { data: { priority: value } } }))).toEqual([
      120, 600, -600, 0, 0,
    ]);
  });

  it("refuses an `if` it cannot evaluate, naming the function", () => {
    const fn = client.createFunction({ id: "picky", triggers: [{ event: "x/y", if: "event.data.n > 3" }] }, async () => null);
    expect(() => registerFunctions("app", [fn])).toThrow(UnsupportedFunctionError);
    expect(() => registerFunctions("app", [fn])).toThrow(
      /Function app-picky cannot run on the embedded job executor: .*event\.data\.n > 3/,
    );
  });

  it("refuses flow control it does not implement instead of ignoring it", () => {
    const fn = client.createFunction({ id: "debounced", debounce: { period: "5s" }, triggers: [{ event: "x/y" }] }, async () => null);
    expect(() => registerFunctions("app", [fn])).toThrow("`debounce` is not supported");
  });
});
