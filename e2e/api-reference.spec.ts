import { expect, screenshot, signInAs, test } from "./fixtures";

test("the API reference renders the OpenAPI document with Scalar, from our own origin", async ({ page }) => {
  const outside: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(new URL(page.url() || "http://127.0.0.1").origin) && !request.url().startsWith("data:"))
      outside.push(request.url());
  });
  await signInAs(page, "pm-alice", "/features");
  outside.length = 0;
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: "Hooksmith API" }).first()).toBeVisible({ timeout: 30_000 });
  // The sidebar lists the document's sections (operations render lazily as one scrolls).
  await expect(page.getByText("admin/audit-log", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("github webhooks", { exact: true }).first()).toBeVisible();
  await screenshot(page, "api-reference");
  expect(outside).toEqual([]);
});

test("the event catalogue lists every event type with its schema and example, linked from Settings → Webhooks", async ({ page }) => {
  await signInAs(page, "ops-admin", "/settings/webhooks");
  await page.getByRole("link", { name: "Event catalogue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Event catalogue" })).toBeVisible();
  const projectUpdated = page.getByTestId("event-type-project.updated");
  await expect(projectUpdated).toContainText("version 1");
  await projectUpdated.getByText("Example data").click();
  await expect(projectUpdated).toContainText('"repository": "demo-org/demo-app"');
  await expect(page.getByText("webhook-signature")).toBeVisible();
  await screenshot(page, "event-catalogue");
});
