import { spawn } from "node:child_process";
import path from "node:path";

import { E2E_DATA_DIR } from "../playwright.config";
import { expect, test } from "./fixtures";

test("unauthenticated API calls get 401 JSON, not a redirect", async ({ request }) => {
  for (const url of ["/api/v1/me", "/api/v1/tokens", "/api/v1/anything"]) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
  }
});

test("POST /api/inngest refuses unsigned and wrongly signed calls with 401", async ({ request }) => {
  const data = {
    event: { name: "hooksmith/jobs.self-test", data: {} },
    events: [],
    steps: {},
    ctx: { run_id: "x", attempt: 0 },
    version: 2,
  };
  const url = "/api/inngest?fnId=hooksmith-jobs-self-test&stepId=step";
  expect((await request.post(url, { data })).status()).toBe(401);
  const forged = `t=${Math.floor(Date.now() / 1000)}&s=${"0".repeat(64)}`;
  expect((await request.post(url, { data, headers: { "x-inngest-signature": forged } })).status()).toBe(401);
});

test("GET /api/health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { status: "ok", driver: "pglite" } });
});

test("a second server on the same PGlite data directory is refused with a clear message", async () => {
  const root = path.join(__dirname, "..");
  const second = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "--port", "0", "--hostname", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: E2E_DATA_DIR,
      AUTH_SECRET: "e2e-only-auth-secret-0123456789abcdef",
      HOOKSMITH_DEMO: "true",
      DATABASE_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  second.stdout.on("data", (chunk) => (output += chunk));
  second.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => second.on("exit", resolve));
  expect(code).toBe(1);
  expect(output).toContain(`The data directory ${E2E_DATA_DIR} is in use by another Hooksmith process`);
});
