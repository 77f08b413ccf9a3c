import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

import { E2E_DATA_DIR } from "../playwright.config";
import { expect, screenshot, signInAs, test } from "./fixtures";

test("an admin reads on /settings/operations the numbers /metrics exports, including a webhook posted a moment ago", async ({
  page,
  request,
}) => {
  const eventType = "operations_probe";
  const body = JSON.stringify({ zen: "Keep it logically awesome." });
  // Demo mode's GitHub webhook secret is generated for its data directory (never a published default).
  const secret = readFileSync(path.join(E2E_DATA_DIR, "github-webhook-secret"), "utf8").trim();
  const posted = await request.post("/webhooks/github", {
    data: body,
    headers: {
      "content-type": "application/json",
      "x-github-event": eventType,
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
    },
  });
  expect(posted.status()).toBe(202);

  const metrics = await (await request.get("/metrics")).text();
  expect(metrics).toMatch(new RegExp(`hooksmith_inbound_events\\{event_type="${eventType}",status="\\w+"\\} 1`));

  await signInAs(page, "ops-admin", "/settings/operations");
  await expect(page.getByRole("heading", { level: 1, name: "Operations" })).toBeVisible();
  await expect(page.getByTestId("operations-inbound").getByRole("row", { name: new RegExp(eventType) })).toContainText("1");
  await screenshot(page, "operations");
});

test("a member is told the operations page is for admins", async ({ page }) => {
  await signInAs(page, "dev-bob", "/settings/operations");
  await expect(page.getByText("Admins only")).toBeVisible();
});
