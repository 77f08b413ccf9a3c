import { expect, screenshot, signInAs, test } from "./fixtures";

test("an admin runs the job engine self-test from /jobs and reads its steps", async ({ page }) => {
  await signInAs(page, "ops-admin", "/jobs");
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
  await page.getByRole("button", { name: "Run self-test" }).click();

  const row = page
    .getByTestId("job-runs")
    .getByRole("row", { name: /hooksmith-jobs-self-test/ })
    .first();
  await expect(row).toBeVisible();
  await expect(row.locator("[data-status]")).toHaveText("completed");
  await screenshot(page, "05-jobs");

  await row.click();
  const detail = page.getByTestId("job-run-detail");
  await expect(detail.locator("[data-status]").first()).toHaveText("completed");
  await expect(page.getByTestId("job-run-steps").getByRole("listitem")).toHaveText([/record start/, /pause/, /hold/]);
  await screenshot(page, "06-job-run-detail");
});

test("a member sees no Jobs link and /jobs says admins only", async ({ page }) => {
  await signInAs(page, "dev-bob");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" })).toHaveCount(0);
  await page.goto("/jobs");
  await expect(page.getByText("Admins only")).toBeVisible();
});
