import { expect, screenshot, signInAs, test } from "./fixtures";
import { expectNoSeriousAxeViolations } from "./page-checks";

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

  // Scheduled runs (cron) are hidden until asked for; the function filter narrows the list.
  const triggers = page.getByTestId("job-runs").getByRole("row").locator("td:nth-child(3)");
  await expect(triggers.filter({ hasText: "inngest/scheduled.timer" })).toHaveCount(0);
  await page.getByLabel("Filter by function").selectOption({ label: "Job engine self-test" });
  // Retried until the filtered page replaces the previous rows (the list keeps them on screen meanwhile).
  await expect(triggers.filter({ hasNotText: "hooksmith/jobs.self-test" })).toHaveCount(0);
  await expect(triggers).not.toHaveCount(0);

  await row.click();
  // The run opens where the person is looking, at its own URL: a drawer in the viewport, not below the list.
  await expect(page).toHaveURL(/\/jobs\?run=[0-9a-f-]{36}$/);
  const drawer = page.getByRole("region", { name: "Run details" });
  await expect(drawer).toBeInViewport({ ratio: 0.9 });
  const detail = page.getByTestId("job-run-detail");
  await expect(detail.locator("[data-status]").first()).toHaveText("completed");
  const steps = page.getByTestId("job-run-steps").getByRole("listitem");
  await expect(steps).toHaveText([/record start/, /pause/, /hold/]);
  // A completed run has no step still "sleeping", and no "attempt 0".
  await expect(steps.locator("[data-status]")).toHaveText(["completed", "completed", "completed"]);
  await expect(drawer).not.toContainText(/attempt 0|sleeping|waiting/);
  await expectNoSeriousAxeViolations(page, "jobs with a run's drawer open");
  await screenshot(page, "06-job-run-detail");

  await page.reload();
  // The drawer takes focus once the page is interactive; a key pressed before that would reach static HTML.
  await expect(page.getByRole("region", { name: "Run details" }).getByRole("heading", { level: 2 })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("region", { name: "Run details" })).toHaveCount(0);
  await expect(page).toHaveURL(/\/jobs$/);
});

test("a member sees no Jobs link and /jobs says admins only", async ({ page }) => {
  await signInAs(page, "dev-bob");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" })).toHaveCount(0);
  await page.goto("/jobs");
  await expect(page.getByText("Admins only")).toBeVisible();
});
