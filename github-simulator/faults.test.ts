import { describe, expect, it } from "vitest";

import { defaultFaults, faultsPatchSchema } from "./faults";

describe("a faults patch", () => {
  it("changes only the faults it names", () => {
    const faults = { ...defaultFaults(), callback: "drop" as const, workflowRunWebhook: false };
    Object.assign(faults, faultsPatchSchema.parse({ serverErrors: 2 }));
    expect(faults).toMatchObject({ callback: "drop", workflowRunWebhook: false, serverErrors: 2 });
  });

  it("still refuses unknown faults and bad values", () => {
    expect(faultsPatchSchema.safeParse({ nope: 1 }).success).toBe(false);
    expect(faultsPatchSchema.safeParse({ serverErrors: -1 }).success).toBe(false);
  });
});
