import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";

import { WEBHOOK_SECRETS_DIR, WEBHOOKS_CONFIG_PATH } from "../playwright.config";

const SCREENSHOTS = path.join(__dirname, ".artifacts", "screenshots");
const SESSIONS = path.join(__dirname, ".artifacts", "sessions");

/**
 * Every spec's `test`: fails a test when a page it opened broke the Content-Security-Policy (Chromium
 * reports each violation as a console error), so the whole suite shows the app passes its own policy.
 */
export const test = base.extend<{ cspViolations: void }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      context.on("console", (message) => {
        if (message.type() === "error" && message.text().includes("Content Security Policy")) {
          violations.push(`${message.location().url}: ${message.text()}`);
        }
      });
      await use();
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** The people the specs act as; the `sign-in` setup project (sign-in.setup.ts) signs each in once per run. */
export const SESSION_USERS = ["pm-alice", "dev-bob", "ops-admin", "acct-carol"] as const;
export type SessionUser = (typeof SESSION_USERS)[number];

/** Where a person's signed-in browser state (playwright's storageState) is kept between the setup and the specs. */
export const sessionFile = (login: SessionUser) => path.join(SESSIONS, `${login}.json`);

/** Full-page screenshot under e2e/.artifacts/screenshots, for a person to look at. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/**
 * Signs in as `login` with the session the setup project stored, then opens `next`: the session cookie
 * alone (sessions are JWTs, so it stays valid whatever other tests do, until the user is deleted or unlinked).
 */
export async function signInAs(page: Page, login: SessionUser, next = "/features") {
  const state = JSON.parse(readFileSync(sessionFile(login), "utf8")) as StorageState;
  await clearCookies(page, { name: /authjs\.session-token|simulator_user/ });
  // The app's session, and who is signed in to the simulated github.com (its install page reads that).
  await page
    .context()
    .addCookies(state.cookies.filter((cookie) => cookie.name.includes("authjs.session-token") || cookie.name === "simulator_user"));
  await page.goto(next);
  await expect(page.getByTestId("current-user")).toHaveText(login);
}

/**
 * Leaves the current page, then clears the browser's cookies (those named so, when given): the page's
 * in-flight requests would otherwise answer with the previous person's refreshed session cookie afterwards.
 */
export async function clearCookies(page: Page, filter?: { name: RegExp }) {
  await page.goto("about:blank");
  await page.context().clearCookies(filter);
}

/**
 * Signs in through the GitHub simulator's authorize page as `login` (any valid GitHub login): for the setup
 * project, and for a spec whose subject is signing in.
 */
export async function signInThroughGitHub(page: Page, login: string, next = "/features") {
  await page.goto(next);
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await expect(page.getByRole("heading", { name: "Authorize Hooksmith" })).toBeVisible();
  await page.getByLabel("Or type any GitHub login").fill(login);
  await page.getByRole("button", { name: "Authorize" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(login);
}

/** Seeds a feature through the API as the signed-in page (same origin, so the CSRF check passes). */
export async function createFeature(
  page: Page,
  baseURL: string,
  input: { name: string; description: string; priority?: string; repository?: string },
) {
  const response = await page.request.post("/api/v1/features", {
    data: { priority: "high", repository: "demo-org/demo-app", ...input },
    headers: { origin: baseURL },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string };
}

/** Switches a GitHub simulator's faults (github-simulator/faults.ts); the demo server's listens at SIMULATOR_URL. */
export function setSimulatorFaults(simulatorUrl: string, faults: Record<string, unknown>) {
  return fetch(`${simulatorUrl}/_simulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
}

/** Writes the server's webhooks.yaml, as an admin does before pressing Reload. */
export function writeWebhooksYaml(text: string) {
  mkdirSync(path.dirname(WEBHOOKS_CONFIG_PATH), { recursive: true });
  writeFileSync(WEBHOOKS_CONFIG_PATH, text);
}

/** Removes the server's webhooks.yaml: after a Reload, no endpoints. */
export function removeWebhooksYaml() {
  rmSync(WEBHOOKS_CONFIG_PATH, { force: true });
}

/** Writes an endpoint's secret file, named by webhooks.yaml's `secret:`, where the server reads secrets. */
export function writeWebhookSecret(name: string, secret: string) {
  mkdirSync(WEBHOOK_SECRETS_DIR, { recursive: true });
  writeFileSync(path.join(WEBHOOK_SECRETS_DIR, name), `${secret}\n`);
}

type Envelope = { event_id: string; event_type: string; timestamp: string; data: Record<string, unknown> };

const header = (request: IncomingMessage, name: string) => String(request.headers[name] ?? "");

/**
 * A receiver as a customer would write it: every request is verified with the `standardwebhooks`
 * library before anything else; what it accepted is kept in `received`, what failed verification in
 * `rejected`. `delayMs` holds each verified request that long before it is answered.
 */
export async function startReceiver(secret: string, options: { delayMs?: number } = {}) {
  const verifier = new Webhook(secret);
  const received: (Envelope & { webhookId: string })[] = [];
  const rejected: string[] = [];
  let failures = 0;
  let arrived = 0;
  const server = createServer(async (request, response) => {
    arrived += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const headers = {
      "webhook-id": header(request, "webhook-id"),
      "webhook-timestamp": header(request, "webhook-timestamp"),
      "webhook-signature": header(request, "webhook-signature"),
    };
    let event: Envelope;
    try {
      event = verifier.verify(body, headers) as Envelope;
    } catch (error) {
      rejected.push(String(error));
      return response.writeHead(400).end("signature check failed");
    }
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    if (failures > 0) {
      failures -= 1;
      return response.writeHead(500, { "content-type": "text/plain" }).end("receiver down for maintenance");
    }
    received.push({ ...event, webhookId: headers["webhook-id"] });
    response.writeHead(200, { "content-type": "text/plain" }).end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    rejected,
    failNextRequest: () => (failures = 1),
    /** Requests that reached the receiver, answered or not yet (a slow receiver is still holding them). */
    arrivals: () => arrived,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
}
