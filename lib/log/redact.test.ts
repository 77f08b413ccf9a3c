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

  it("keeps a failed query's statement and its cause, never its parameters", () => {
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const failed = new Error(`Failed query: insert into "features" values ($1, $2)\nparams: Export,${"a".repeat(64)}`, { cause });
    expect(redact({ error: failed })).toEqual({
      error: {
        name: "Error",
        message: 'Failed query: insert into "features" values ($1, $2)',
        cause: { name: "Error", message: "connect ECONNREFUSED 127.0.0.1:5432", code: "ECONNREFUSED" },
      },
    });
    expect(JSON.stringify(redact({ error: new Error("x".repeat(2000)) })).length).toBeLessThan(700);
  });
});
