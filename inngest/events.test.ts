import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";

import { endpointDrainRequested, projectProcessRequested } from "./events";
import { drainWebhookEndpoint } from "./functions/drain-webhook-endpoint";

describe("the job event catalogue", () => {
  it("a function rejects a malformed payload at its boundary, before any step runs", async () => {
    const engine = new InngestTestEngine({ function: drainWebhookEndpoint });
    const { error, ctx } = await engine.execute({ events: [{ name: endpointDrainRequested.name, data: { endpointId: "orders" } }] });
    // EventValidationError is a NonRetriableError: retrying cannot mend a malformed payload.
    expect(error).toMatchObject({ name: "EventValidationError", message: expect.stringContaining("endpoint_id") });
    expect(ctx.step.run).not.toHaveBeenCalled();
  });

  it("a typed event is validated against its schema before it is sent", async () => {
    const malformed = projectProcessRequested.create({ project_id: "not-a-uuid", commit_sha: null, reason: "push", priority: 0 });
    await expect(malformed.validate()).rejects.toThrow(/project_id/);
    await expect(endpointDrainRequested.create({ endpoint_id: "orders" }).validate()).resolves.toBeUndefined();
  });
});
