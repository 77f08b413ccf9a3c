import { randomBytes } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";

import { WEBHOOK_SECRETS_DIR, WEBHOOKS_CONFIG_PATH } from "../playwright.config";
import {
  createFeature,
  expect,
  removeWebhooksYaml,
  screenshot,
  signInAs,
  startReceiver,
  test,
  writeWebhookSecret,
  writeWebhooksYaml,
} from "./fixtures";
import { expectNoSeriousAxeViolations } from "./page-checks";

const EXAMPLE = path.join(__dirname, "..", "config", "webhooks.yaml.example");

test("outbound set-up as a newcomer does it: the copied example loads, a refused file shows only its errors, and the local endpoint's page tests, pauses and resumes it", async ({
  page,
  baseURL,
}) => {
  // The whole path, with its deliveries, in one test: longer than the default minute on a busy machine.
  test.setTimeout(180_000);
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  const receiver = await startReceiver(secret);
  const reload = () => page.getByRole("button", { name: "Reload configuration" }).click();
  const status = page.getByTestId("config-status");
  try {
    // No file: the empty state alone says what to do (no warning box repeating it).
    removeWebhooksYaml();
    rmSync(path.join(WEBHOOK_SECRETS_DIR, "local_webhook_secret"), { force: true });
    await signInAs(page, "ops-admin", "/settings/webhooks");
    await reload();
    await expect(page.getByRole("heading", { name: "No endpoints file yet" })).toBeVisible();
    await expect(page.getByText("npm run webhooks:receiver")).toBeVisible();
    await expect(status).toHaveCount(0);
    await screenshot(page, "settings-webhooks-empty");

    // Doing what it says: the copied example is accepted as it is (its endpoints are disabled, their secrets not there yet).
    copyFileSync(EXAMPLE, WEBHOOKS_CONFIG_PATH);
    await reload();
    await expect(status).toHaveAttribute("data-state", "reloaded");
    await expect(status).toContainText(/Configuration reloaded\..*Added:.*crm.*audit.*local/);
    await expect(page.getByText("No endpoints file yet")).toHaveCount(0);
    const endpoints = page.getByTestId("webhook-endpoints");
    for (const id of ["crm", "audit", "local"]) {
      const row = endpoints.getByRole("row", { name: new RegExp(`^${id}\\b`) });
      await expect(row.locator("[data-status]")).toHaveText(["disabled"]);
      await expect(row).toContainText("not found");
    }
    await screenshot(page, "settings-webhooks-example-loaded");

    // A refused file: one block with its errors, saying the running endpoints stay; nothing stale beside it.
    writeWebhooksYaml(
      ["endpoints:", "  - id: crm", "    url: ftp://x", "    secret: no_such_secret", "    events: [feature.created]", ""].join("\n"),
    );
    await reload();
    await expect(status).toHaveCount(1);
    await expect(status).toHaveAttribute("data-state", "invalid");
    await expect(status).toContainText("webhooks.yaml has 2 errors");
    await expect(status).toContainText("keep running as they were");
    await expect(status.getByRole("listitem")).toHaveText([
      "endpoints[0].url (line 3): expected an https:// URL",
      /^endpoints\[0\]\.secret \(line 4\): secret no_such_secret not found/,
    ]);
    await expect(page.locator("main")).not.toContainText(/no endpoints file|webhooks\.yaml\.example/i);
    await expect(endpoints.getByRole("row", { name: /^local\b/ })).toBeVisible();
    await screenshot(page, "settings-webhooks-refused");

    // The example's local endpoint, enabled, pointed at a receiver on this machine: no restart, just Reload.
    writeWebhookSecret("local_webhook_secret", secret);
    writeWebhooksYaml(
      [
        "endpoints:",
        "  - id: local",
        `    url: ${receiver.url}`,
        "    allow_loopback: true",
        "    secret: local_webhook_secret",
        '    events: ["*"]',
        "    description: The local test receiver",
        "",
      ].join("\n"),
    );
    await reload();
    await expect(status).toHaveAttribute("data-state", "reloaded");
    await expect(status).toContainText(/Removed:.*crm.*audit/);
    await expect(status).toContainText("endpoint local may send to this machine over http");

    await endpoints.getByRole("link", { name: "local", exact: true }).click();
    await expect(page).toHaveURL("/settings/webhooks/endpoints/local");
    await expect(page.getByRole("heading", { level: 1, name: "local" })).toBeVisible();
    await expect(page.getByTestId("endpoint-state").locator("[data-status]")).toHaveText(["enabled", "active"]);
    await expect(page.getByRole("group", { name: "Success rate" })).toContainText("—");
    await page.getByRole("button", { name: "Send test event to local" }).click();
    await expect.poll(() => receiver.received.map((event) => event.event_type)).toEqual(["webhook.test"]);
    await expect(page.getByRole("group", { name: "Success rate" })).toContainText("100 %");
    await expect(page.getByRole("group", { name: "Latency p50 / p95" })).toContainText(/\d+ \/ \d+ ms/);
    const deliveries = page.getByTestId("webhook-deliveries");
    const testDelivery = deliveries.getByRole("row", { name: /^\w+ webhook\.test/ });
    await expect(testDelivery.locator("[data-status]")).toHaveText("succeeded");
    await expect(testDelivery.getByRole("list", { name: "Concerns" })).toContainText("ops-admin");

    // Paused, it keeps what it is sent (queued, not dropped) through a page reload and a reload of webhooks.yaml.
    await page.getByRole("button", { name: "Pause local" }).click();
    await expect(page.getByTestId("endpoint-state").locator("[data-status]")).toHaveText(["enabled", "paused"]);
    const feature = await createFeature(page, baseURL!, { name: "Queued while paused", description: "Arrives after resume." });
    const queued = deliveries.getByRole("row", { name: /^\w+ feature\.created/ });
    await expect(queued.locator("[data-status]")).toHaveText("pending");
    await expect(queued.getByRole("link", { name: "Queued while paused" })).toHaveAttribute("href", `/features/${feature.id}`);
    expect((await page.request.post("/api/v1/admin/webhooks/reload", { headers: { origin: baseURL! } })).status()).toBe(200);
    await page.reload();
    await expect(page.getByTestId("endpoint-state").locator("[data-status]")).toHaveText(["enabled", "paused"]);
    await expect(queued.locator("[data-status]")).toHaveText("pending");
    expect(receiver.received.map((event) => event.event_type)).toEqual(["webhook.test"]);
    await screenshot(page, "webhook-endpoint-paused");
    await page.getByRole("button", { name: "Resume local" }).click();
    await expect(queued.locator("[data-status]")).toHaveText("succeeded");
    await expect.poll(() => receiver.received.map((event) => event.event_type)).toContain("feature.created");

    // The detail shows what was sent, and Redeliver is there, where one looks at it.
    // On its first cell (rows that open in place make a treegrid): the middle of the row may be the link to the feature it concerns.
    await queued.getByRole("gridcell").first().click();
    const detail = page.getByTestId("delivery-detail");
    await expect(detail.getByRole("figure", { name: "Body sent" })).toContainText(`"id": "${feature.id}"`);
    await detail.getByRole("button", { name: "Redeliver feature.created to local" }).click();
    await expect(detail).toContainText("Queued as a new delivery");
    await expect(deliveries.getByRole("row", { name: /^\w+ feature\.created.*redelivery/ }).locator("[data-status]")).toHaveText(
      "succeeded",
    );
    expect(receiver.rejected).toEqual([]);
    await expectNoSeriousAxeViolations(page, "endpoint page");
    await screenshot(page, "webhook-endpoint");
  } finally {
    // Later specs start from no file, delivering nowhere.
    removeWebhooksYaml();
    await page.request.post("/api/v1/admin/webhooks/reload", { headers: { origin: baseURL! } });
    await receiver.close();
  }
});
