import { describe, expect, it } from "vitest";
import { redact } from ".";

describe("redact", () => {
  it("hides secret-looking fields at any depth and keeps the rest", () => {
    expect(
      redact({
        msg: "x",
        headers: { authorization: "Bearer hks_abc", "x-hub-signature-256": "sha256=…", accept: "json" },
        nested: [{ webhook_secret: "s", apiKey: "k", id: 1 }],
        error: new Error("boom"),
      }),
    ).toEqual({
      msg: "x",
      headers: { authorization: "[redacted]", "x-hub-signature-256": "[redacted]", accept: "json" },
      nested: [{ webhook_secret: "[redacted]", apiKey: "[redacted]", id: 1 }],
      error: { name: "Error", message: "boom" },
    });
  });
});
