import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";

import { jobsSelfTest } from "./jobs-self-test";

describe("jobs-self-test (function logic, @inngest/test)", () => {
  it("records its start, sleeps for pauseSeconds, holds, and returns both times", async () => {
    const t = new InngestTestEngine({ function: jobsSelfTest });
    // @inngest/test 1.0 never resolves an unmocked step.sleep under inngest 4.24, so the sleep is mocked.
    const { result, ctx } = await t.execute({
      events: [{ name: "hooksmith/jobs.self-test", data: { pauseSeconds: 7 } }],
      steps: [{ id: "pause", handler: () => null }],
    });
    expect(result).toEqual({ startedAt: expect.any(String), heldAt: expect.any(String) });
    expect(ctx.step.sleep).toHaveBeenCalledWith("pause", "7s");
  });
});
