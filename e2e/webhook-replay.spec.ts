import { SIMULATOR_URL } from "../playwright.config";
import { expect, screenshot, signInAs, test } from "./fixtures";

/** Sends an App webhook from the GitHub simulator, signed as GitHub signs it. */
async function sendFromGithub(request: import("@playwright/test").APIRequestContext, event: string, payload: Record<string, unknown>) {
  const sent = await request.post(`${SIMULATOR_URL}/_simulator/webhooks`, { data: { event, payload } });
  expect(sent.status()).toBe(200);
  expect((await sent.json()).status_code).toBe(202);
}

test("an inbound event that failed is replayed to success from the Webhooks page once its cause is fixed; its headers and payload are shown", async ({
  page,
  request,
}) => {
  // The processing function retries a failure five times (1 s, 2 s, 4 s, 8 s, 16 s) before it gives up.
  test.setTimeout(180_000);
  const installationId = 800_000 + (Date.now() % 100_000);
  const account = { login: `late-org-${installationId}`, type: "Organization" };
  await signInAs(page, "ops-admin", "/webhooks");

  // GitHub delivered "repositories added" before "installation created" (deliveries are not ordered):
  // the installation it names is not recorded yet, so processing fails, deterministically.
  await sendFromGithub(request, "installation_repositories", {
    action: "added",
    installation: { id: installationId, account },
    repository_selection: "selected",
    repositories_added: [{ id: installationId * 10, name: "late", full_name: `${account.login}/late` }],
    repositories_removed: [],
  });
  await page.getByLabel("Filter by event type").fill("installation_repositories");
  const events = page.getByTestId("webhook-events");
  // Newest first: the one just sent.
  const row = events.getByRole("row", { name: /installation_repositories/ }).first();
  await expect(row.locator("[data-status]")).toHaveText("failed", { timeout: 120_000 });
  await row.click();
  const detail = page.getByTestId("webhook-event-detail");
  await expect(detail.getByTestId("webhook-event-error")).toContainText("installation_repositories");
  const attempts = detail.getByRole("list", { name: "Processing attempts" });
  await expect(attempts.getByRole("listitem")).toHaveText([/Attempt 1.*Delivered.*failed/]);

  // What was received: the headers (signature included, pretty and raw) and the payload.
  const headers = detail.getByRole("figure", { name: "Headers" });
  await expect(headers).toContainText('"x-github-event": "installation_repositories"');
  await expect(headers).toContainText('"x-hub-signature-256": "sha256=');
  await headers.getByRole("button", { name: "raw" }).click();
  await expect(headers.locator("pre")).toContainText("x-github-event: installation_repositories");
  const payload = detail.getByRole("figure", { name: "Payload" });
  await expect(payload).toContainText(`"full_name": "${account.login}/late"`);
  await payload.getByRole("button", { name: "raw" }).click();
  await expect(payload.locator("pre")).toContainText(`{"action":"added"`);
  await payload.getByRole("button", { name: "pretty" }).click();
  await screenshot(page, "webhooks-event-failed");

  // The cause is fixed (the installation arrives), then the admin replays the event.
  await sendFromGithub(request, "installation", { action: "created", installation: { id: installationId, account }, repositories: [] });
  await detail.getByRole("button", { name: /^Replay installation_repositories/ }).click();
  await expect(attempts.getByRole("listitem")).toHaveText([/Attempt 1.*Delivered.*failed/, /Attempt 2.*Replayed.*processed/]);
  await expect(row.locator("[data-status]")).toHaveText("processed");
  await expect(detail.getByTestId("webhook-event-error")).toHaveCount(0);
  await screenshot(page, "webhooks-event-replayed");
});

test("a member sees the event log without replay buttons", async ({ page }) => {
  await signInAs(page, "dev-bob", "/webhooks");
  await expect(page.getByRole("heading", { level: 2, name: "Event log" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Replay failed" })).toHaveCount(0);
});
