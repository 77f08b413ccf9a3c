import { randomBytes } from "node:crypto";

import { createFeature, expect, screenshot, signInAs, startReceiver, test, writeWebhookSecret, writeWebhooksYaml } from "./fixtures";

const ENDPOINT = "e2e-receiver";
const SECRET_NAME = "e2e_receiver_secret";

test("an admin reloads webhooks.yaml, sends a test event, watches a retried delivery and redelivers it; a broken file is refused; members are kept out", async ({
  page,
  baseURL,
}) => {
  // Reload, test, retry, redeliver, refusal and members in one test: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  const receiver = await startReceiver(secret);
  try {
    await signInAs(page, "ops-admin", "/settings");
    await page.getByRole("link", { name: /Outbound webhooks/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Outbound webhooks" })).toBeVisible();
    // The server reads webhooks.yaml when first needed: once it has (no file yet), Reload reports the endpoint as added.
    await expect(page.getByText("No endpoints file yet")).toBeVisible();

    writeWebhookSecret(SECRET_NAME, secret);
    writeWebhooksYaml(
      [
        "endpoints:",
        `  - id: ${ENDPOINT}`,
        `    url: ${receiver.url}`,
        `    secret: ${SECRET_NAME}`,
        '    events: ["feature.created", "webhook.test"]',
        "    description: The e2e receiver",
        "",
      ].join("\n"),
    );
    await page.getByRole("button", { name: "Reload configuration" }).click();
    const reloadResult = page.getByTestId("config-status");
    await expect(reloadResult).toContainText(new RegExp(`Configuration reloaded\\..*Added:.*${ENDPOINT}`));
    await expect(reloadResult).toHaveAttribute("data-state", "reloaded");
    await expect(reloadResult.getByRole("listitem")).toHaveCount(0);
    const row = page.getByTestId("webhook-endpoints").getByRole("row", { name: new RegExp(ENDPOINT) });
    await expect(row).toContainText(receiver.url);
    await expect(row.getByRole("list", { name: "Events" }).getByRole("listitem")).toHaveText(["feature.created", "webhook.test"]);
    await expect(row.locator("[data-status]")).toHaveText(["enabled", "active"]);
    await expect(row).toContainText(SECRET_NAME);
    await expect(page.locator("body")).not.toContainText("whsec_");

    await row.getByRole("button", { name: `Send test event to ${ENDPOINT}` }).click();
    await expect(row.getByRole("status")).toContainText("Test event queued");
    await expect.poll(() => receiver.received.map((event) => event.event_type)).toEqual(["webhook.test"]);

    await row.getByRole("button", { name: `Pause ${ENDPOINT}` }).click();
    await expect(row.locator("[data-status]")).toHaveText(["enabled", "paused"]);
    await expect(row).toContainText("paused by an admin");
    await screenshot(page, "settings-webhooks");
    await row.getByRole("button", { name: `Resume ${ENDPOINT}` }).click();
    await expect(row.locator("[data-status]")).toHaveText(["enabled", "active"]);

    await page.goto(`/deliveries?endpoint_id=${ENDPOINT}`);
    await expect(page.getByLabel("Filter by endpoint")).toHaveValue(ENDPOINT);
    const log = page.getByTestId("webhook-deliveries");
    const testDelivery = log.getByRole("row", { name: /^\w+ webhook\.test/ });
    await expect(testDelivery.locator("[data-status]")).toHaveText("succeeded");
    await testDelivery.click();
    const attempts = page.getByRole("list", { name: "Attempts" });
    await expect(attempts.getByRole("listitem")).toHaveCount(1);
    await expect(attempts.getByRole("listitem")).toHaveText([/Attempt 1.*succeeded.*HTTP 200/]);
    await testDelivery.click();
    await expect(attempts).toHaveCount(0);

    // The receiver answers the next request with a 500: the delivery is retried, and succeeds.
    receiver.failNextRequest();
    const feature = await createFeature(page, baseURL!, {
      name: "Webhook receipts",
      description: "Receivers get a feature.created event for every new feature.",
      priority: "low",
    });
    const featureDelivery = log.getByRole("row", { name: /^\w+ feature\.created/ });
    await expect(featureDelivery.locator("[data-status]")).toHaveText("succeeded");
    await featureDelivery.click();
    await expect(attempts.getByRole("listitem")).toHaveText([
      /Attempt 1.*failed.*HTTP 500.*receiver down for maintenance/,
      /Attempt 2.*succeeded.*HTTP 200.*ok/,
    ]);
    // What was sent (body, signed headers) and what came back (headers), each pretty or raw.
    await expect(page.getByRole("figure", { name: "Body sent" })).toContainText(`"id": "${feature.id}"`);
    const secondAttempt = attempts.getByRole("listitem").nth(1);
    await secondAttempt.getByText("Headers sent and received").click();
    await expect(secondAttempt.getByRole("figure", { name: "Request headers" })).toContainText('"webhook-signature": "v1,');
    const answerHeaders = secondAttempt.getByRole("figure", { name: "Response headers" });
    await answerHeaders.getByRole("button", { name: "raw" }).click();
    await expect(answerHeaders.locator("pre")).toContainText("content-type: ");
    const deliveredFeature = receiver.received.filter((event) => event.event_type === "feature.created");
    expect(deliveredFeature).toHaveLength(1);
    expect(deliveredFeature[0]!.data).toMatchObject({ id: feature.id, name: "Webhook receipts" });
    expect(deliveredFeature[0]!.webhookId).toBe(deliveredFeature[0]!.event_id);

    // A redelivery is the same event: the receiver sees the same webhook-id again and can drop it.
    await page
      .getByTestId("delivery-detail")
      .getByRole("button", { name: `Redeliver feature.created to ${ENDPOINT}` })
      .click();
    const redelivery = log.getByRole("row", { name: /^\w+ feature\.created.*redelivery/ });
    await expect(redelivery.locator("[data-status]")).toHaveText("succeeded");
    await expect
      .poll(() => receiver.received.filter((event) => event.event_type === "feature.created").map((event) => event.webhookId))
      .toEqual([deliveredFeature[0]!.webhookId, deliveredFeature[0]!.webhookId]);
    expect(receiver.rejected).toEqual([]);
    await screenshot(page, "deliveries");

    // A broken file is refused whole, each error with its path and line; the running endpoint stays.
    await page.goto("/settings/webhooks");
    writeWebhooksYaml(
      ["endpoints:", `  - id: ${ENDPOINT}`, "    url: ftp://x", "    secret: no_such_secret", "    events: [feature.created]", ""].join(
        "\n",
      ),
    );
    await page.getByRole("button", { name: "Reload configuration" }).click();
    await expect(reloadResult).toHaveAttribute("role", "alert");
    await expect(reloadResult).toHaveAttribute("data-state", "invalid");
    await expect(reloadResult).toContainText("webhooks.yaml has 2 errors");
    await expect(reloadResult.getByRole("listitem")).toHaveText([
      "endpoints[0].url (line 3): expected an https:// URL",
      /^endpoints\[0\]\.secret \(line 4\): secret no_such_secret not found/,
    ]);
    await expect(row).toContainText(receiver.url);

    // Leave the server without the endpoint, so later specs deliver nowhere.
    writeWebhooksYaml("endpoints: []\n");
    await page.getByRole("button", { name: "Reload configuration" }).click();
    await expect(reloadResult).toContainText(new RegExp(`Removed:.*${ENDPOINT}`));
    await expect(page.getByText("The file lists no endpoints")).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await signInAs(page, "dev-bob", "/settings/webhooks");
    await expect(page.getByText("Admins only")).toBeVisible();
    expect((await page.request.get("/api/v1/admin/webhooks/endpoints")).status()).toBe(403);
    expect((await page.request.post("/api/v1/admin/webhooks/reload", { headers: { origin: baseURL! } })).status()).toBe(403);
    await page.goto("/deliveries");
    await expect(page.getByText("Admins only")).toBeVisible();
    await page.goto("/settings");
    await expect(page.getByRole("link", { name: /GitHub App/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /Outbound webhooks/ })).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});
