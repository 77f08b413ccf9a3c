import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const manifest = JSON.parse(readFileSync(path.join(process.cwd(), "config", "github-app-manifest.json"), "utf8"));

describe("the shipped GitHub App manifest", () => {
  it("asks for exactly the permissions and events the flows use (DESIGN §6)", () => {
    expect(manifest.default_permissions).toEqual({
      metadata: "read",
      contents: "read",
      actions: "write",
      issues: "read",
      pull_requests: "read",
    });
    // installation and installation_repositories are sent to every App without subscribing.
    expect([...manifest.default_events].sort()).toEqual(["issues", "pull_request", "push", "workflow_run"]);
  });

  it("points GitHub at the app's webhook and setup routes", () => {
    for (const url of [manifest.hook_attributes.url, manifest.setup_url]) {
      expect(existsSync(path.join(process.cwd(), "app", new URL(url).pathname, "route.ts")), url).toBe(true);
    }
    expect(new URL(manifest.redirect_url).pathname).toBe("/api/auth/callback/github");
  });
});
