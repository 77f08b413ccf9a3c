import { mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { demoGithubWebhookSecret } from "./demo-webhook-secret";

const dataDir = () => mkdtempSync(path.join(os.tmpdir(), "hooksmith-demo-secret-"));

describe("demo mode's GitHub webhook secret", () => {
  it("is generated per data directory, kept there (0600), and the same on the next start", () => {
    const first = dataDir();
    const secret = demoGithubWebhookSecret({ DATA_DIR: first, GITHUB_WEBHOOK_SECRET: undefined });
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(secret).not.toBe("hooksmith-demo-webhook-secret"); // the default README used to publish
    expect(readFileSync(path.join(first, "github-webhook-secret"), "utf8")).toBe(secret);
    expect(statSync(path.join(first, "github-webhook-secret")).mode & 0o777).toBe(0o600);
    expect(demoGithubWebhookSecret({ DATA_DIR: first, GITHUB_WEBHOOK_SECRET: undefined })).toBe(secret);
    expect(demoGithubWebhookSecret({ DATA_DIR: dataDir(), GITHUB_WEBHOOK_SECRET: undefined })).not.toBe(secret);
  });

  it("is GITHUB_WEBHOOK_SECRET when set", () => {
    expect(demoGithubWebhookSecret({ DATA_DIR: dataDir(), GITHUB_WEBHOOK_SECRET: "a-configured-secret-0123" })).toBe(
      "a-configured-secret-0123",
    );
  });
});
