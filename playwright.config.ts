import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
/** The demo server's GitHub simulator listens here, so tests can switch its faults. */
export const SIMULATOR_URL = `http://127.0.0.1:${port + 1}`;
const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (file) => file && existsSync(file),
);

export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? path.join(__dirname, "e2e", ".artifacts", "data");
/** The server's outbound webhooks file and secrets directory: tests write them, then press Reload. */
export const WEBHOOKS_CONFIG_PATH = path.join(E2E_DATA_DIR, "webhooks.yaml");
export const WEBHOOK_SECRETS_DIR = path.join(__dirname, "e2e", ".artifacts", "webhook-secrets");

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./e2e/.artifacts/results",
  fullyParallel: false,
  workers: 1,
  // One retry on CI only: a test that fails twice fails the run, and the list reporter names every flaky pass.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  projects: [
    // Signs each person in once and stores the session; the specs start signed in from it (e2e/fixtures.ts `signInAs`).
    { name: "sign-in", testMatch: /sign-in\.setup\.ts$/ },
    { name: "e2e", dependencies: ["sign-in"] },
  ],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    // next itself, not npm: Playwright stops the whole process group, so no orphan keeps the port.
    command: `./node_modules/.bin/next start --port ${port} --hostname 127.0.0.1`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: E2E_DATA_DIR,
      PORT: String(port),
      AUTH_SECRET: "e2e-only-auth-secret-0123456789abcdef",
      AUTH_TRUST_HOST: "true",
      HOOKSMITH_DEMO: "true",
      GITHUB_SIMULATOR_PORT: String(port + 1),
      // Short enough that both ways home (callback and polling) finish within a test.
      GITHUB_SIMULATOR_WORKFLOW_SECONDS: "1",
      ANALYSIS_POLLING_INTERVAL_SECONDS: "1",
      ANALYSIS_POLLING_TIMEOUT_SECONDS: "120",
      ANALYSIS_WEBHOOK_GRACE_SECONDS: "2",
      ADMIN_GITHUB_LOGINS: "ops-admin",
      WEBHOOKS_CONFIG_PATH,
      WEBHOOK_SECRETS_DIR,
      // Receivers in tests listen on loopback over http, and retries should not keep a test waiting.
      ALLOW_INSECURE_WEBHOOK_URLS: "true",
      WEBHOOK_RETRY_BASE_DELAY_SECONDS: "0.2",
      LOG_LEVEL: "warn",
    },
  },
});
