import { type Page } from "@playwright/test";

import { SIMULATOR_URL } from "../playwright.config";
import { createFeature, expect, screenshot, setSimulatorFaults, signInAs, test } from "./fixtures";

/** Signs in, creates a feature through the API, opens its page and presses Analyze. */
async function analyzeNewFeature(page: Page, baseURL: string, input: Parameters<typeof createFeature>[2]) {
  await signInAs(page, "pm-alice");
  const feature = await createFeature(page, baseURL, input);
  await page.goto(`/features/${feature.id}`);
  await page.getByRole("button", { name: "Analyze" }).click();
  return feature;
}

test("a product manager is told what a feature lacks, then creates one and finds it in the list", async ({ page }) => {
  await signInAs(page, "pm-alice");
  await expect(page.getByRole("heading", { level: 1, name: "Features" })).toBeVisible();
  await expect(page.getByRole("link", { name: "the analysis workflow file" })).toHaveAttribute("href", "/workflows/analyze-feature.yml");
  await expect(page.getByLabel("Repository")).toHaveValue("demo-org/demo-app");

  await page.getByRole("button", { name: "Create feature" }).click();
  await expect(page.getByText("Give the feature a name")).toBeVisible();
  await expect(page.getByText("Describe the feature in at least 10 characters")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Name", { exact: true }).fill("Export reports as CSV");
  await page.getByLabel("Description").fill("Managers download any report as a CSV file. Large reports stream instead of timing out.");
  await page.getByLabel("Priority").selectOption("high");
  // The repository box offers the installed repositories, as the Projects form does.
  await expect(page.locator("#feature-repository-installed option")).toHaveAttribute("value", "demo-org/demo-app");
  await page.getByRole("button", { name: "Create feature" }).click();

  // Create opens the new feature.
  await expect(page).toHaveURL(/\/features\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Export reports as CSV" })).toBeVisible();
  await page.getByRole("link", { name: "Features" }).first().click();

  const row = page.getByTestId("features-table").getByRole("row", { name: /Export reports as CSV/ });
  await expect(row).toBeVisible();
  await expect(row.locator("[data-status]")).toHaveText("pending");
  await expect(row.locator("[data-level]")).toHaveText("high");
  await expect(row).toContainText("demo-org/demo-app");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("");
  await expect(page.getByText("Give the feature a name")).toHaveCount(0);

  await page.getByLabel("Search features").fill("no such feature");
  await expect(page.getByText("No features match")).toBeVisible();
  await page.getByLabel("Search features").fill("csv");
  await expect(row).toBeVisible();
  await page.getByLabel("Filter by status").selectOption("completed");
  await expect(page.getByText("No features match")).toBeVisible();
  await page.getByLabel("Filter by status").selectOption("pending");
  await expect(row).toBeVisible();
  await page.getByLabel("Search features").fill("");
  await page.getByLabel("Filter by status").selectOption("all");
  await screenshot(page, "features-list");
});

test("a feature's page shows what was written and that it is not analyzed yet; an unknown id is not found", async ({ page, baseURL }) => {
  await signInAs(page, "pm-alice");
  const feature = await createFeature(page, baseURL!, {
    name: "Dark mode",
    description: "Every page follows the system colour scheme.\nUsers can override it in their settings.",
  });
  await page.reload();
  await page.getByTestId("features-table").getByRole("link", { name: "Dark mode" }).click();

  await expect(page).toHaveURL(`/features/${feature.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Dark mode" })).toBeVisible();
  await expect(page.getByTestId("feature-status")).toHaveText("pending");
  await expect(page.getByText("Users can override it in their settings.")).toBeVisible();
  await expect(page.getByText("Not analyzed yet")).toBeVisible();
  await expect(page.getByRole("button", { name: "Analyze" })).toBeEnabled();

  await page.goto("/features/00000000-0000-4000-8000-000000000000");
  await expect(page.getByText("Feature not found")).toBeVisible();
});

test("Analyze runs the workflow and shows the result that came home by the signed callback", async ({ page, baseURL }) => {
  await signInAs(page, "pm-alice");
  const feature = await createFeature(page, baseURL!, {
    name: "Team invitations",
    description:
      "Admins invite teammates by email.\nThe invitation link expires after seven days. Invited people pick their role on first sign-in. Admins can revoke a pending invitation.",
  });
  await page.goto(`/features/${feature.id}`);
  await page.getByRole("button", { name: "Analyze" }).click();

  await expect(page.getByTestId("feature-status")).toHaveText("completed");
  await expect(page.getByRole("button", { name: "Analyze" })).toBeEnabled();
  const analysis = page.getByTestId("analysis");
  await expect(analysis.getByTestId("analysis-source")).toHaveText("recorded from the signed callback");
  await expect(analysis.getByTestId("analysis-tasks").getByRole("listitem")).toContainText([
    /Design the data model/,
    /invitation link expires/,
    /Tests and documentation/,
  ]);
  await expect(analysis.getByRole("heading", { name: "Technical risks" })).toBeVisible();
  await expect(analysis.getByText("Ship behind a feature flag.", { exact: true })).toBeVisible();
  const timeline = page.getByTestId("feature-timeline");
  await expect(timeline.locator("[data-kind=requested]")).toHaveCount(1);
  await expect(timeline.locator("[data-kind=callback_received]")).toHaveCount(1);
  await expect(timeline.locator("[data-kind=completed]")).toContainText("recorded from the signed callback");

  await analysis.getByText("Raw JSON").click();
  await expect(analysis.locator("pre")).toContainText('"implementation_tasks"');

  // A second analysis becomes the one shown; both are in the history.
  await page.getByRole("button", { name: "Analyze" }).click();
  await expect(timeline.locator("[data-kind=completed]")).toHaveCount(2);
  await expect(page.getByTestId("analysis-history").getByRole("listitem")).toHaveCount(2);
  await screenshot(page, "features-detail");
});

test("a feature in a repository the App is not installed on is refused when it is created, saying what to do", async ({ page }) => {
  await signInAs(page, "pm-alice");
  await page.getByLabel("Name", { exact: true }).fill("Elsewhere");
  await page.getByLabel("Description").fill("Lives in a repository without the App.");
  await page.getByLabel("Repository").fill("other-org/other-app");
  await page.getByRole("button", { name: "Create feature" }).click();
  await expect(
    page.getByText(/^The GitHub App is not installed on other-org\/other-app, or cannot reach it: .*ask an admin/),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/features$/);
  await screenshot(page, "features-create-not-installed");
});

/** Switches the demo server's simulated GitHub; reset after each test. */
async function simulatorFaults(faults: Record<string, unknown>) {
  expect((await setSimulatorFaults(SIMULATOR_URL, faults)).status).toBe(200);
}

test.describe("with GitHub misbehaving", () => {
  test.afterEach(async () => {
    await setSimulatorFaults(SIMULATOR_URL, { callback: "deliver", conclusion: "success", refuseDispatch: null, workflowRunWebhook: true });
  });

  test("with the callback lost, the App's workflow_run webhook brings the result home", async ({ page, baseURL }) => {
    await simulatorFaults({ callback: "drop" });
    await analyzeNewFeature(page, baseURL!, {
      name: "Saved searches",
      description: "People save a search with its filters and get a weekly digest.",
    });

    await expect(page.getByTestId("feature-status")).toHaveText("completed");
    await expect(page.getByTestId("analysis").getByTestId("analysis-source")).toHaveText("recorded from the workflow_run webhook");
    await expect(page.getByTestId("feature-timeline").locator("[data-kind=workflow_run_received]")).toHaveCount(1);
  });

  test("with the callback and the webhook lost, the result comes home by polling", async ({ page, baseURL }) => {
    await simulatorFaults({ callback: "drop", workflowRunWebhook: false });
    await analyzeNewFeature(page, baseURL!, {
      name: "Audit log",
      description: "Every admin action is recorded with who, what and when. Admins can filter it.",
    });

    await expect(page.getByTestId("feature-status")).toHaveText("completed");
    await expect(page.getByTestId("analysis").getByTestId("analysis-source")).toHaveText("recorded from polling");
    const timeline = page.getByTestId("feature-timeline");
    await expect(timeline.locator("[data-kind=polled]").first()).toContainText("Polled GitHub");
    await expect(timeline.locator("[data-kind=callback_received]")).toHaveCount(0);
    await screenshot(page, "features-detail-polling");
  });

  test("a failed run ends the analysis failed, saying why with a link to its run, and Retry analyzes it again", async ({
    page,
    baseURL,
  }) => {
    await simulatorFaults({ conclusion: "failure", callback: "drop", workflowRunWebhook: false });
    await analyzeNewFeature(page, baseURL!, {
      name: "Bulk import",
      description: "Import customers from a spreadsheet with validation per row.",
    });

    // No result artifact comes: polling sees the failure at its first status read, the 10th poll.
    await expect(page.getByTestId("feature-status")).toHaveText("failed", { timeout: 45_000 });
    const failure = page.getByTestId("analysis-failure");
    await expect(failure).toContainText("The analysis workflow failed on GitHub before it produced a result.");
    await expect(failure.getByRole("link", { name: "View workflow run" })).toHaveAttribute(
      "href",
      new RegExp(`^${SIMULATOR_URL}/demo-org/demo-app/actions/runs/\\d+$`),
    );
    await expect(page.getByTestId("feature-timeline").locator("[data-kind=failed]")).toBeVisible();
    // Said once, in words a PM reads: not in the alert, the report, the history and the timeline all at once.
    await expect(page.getByText(/The analysis workflow failed on GitHub/)).toHaveCount(1);
    await expect(page.getByText(/ended failure|conclusion: failure/)).toHaveCount(0);
    await screenshot(page, "features-detail-failed");

    await simulatorFaults({ conclusion: "success", callback: "deliver" });
    await failure.getByRole("button", { name: "Retry" }).click();
    await expect(page.getByTestId("feature-status")).toHaveText("completed");
    await expect(page.getByTestId("analysis-failure")).toHaveCount(0);
  });

  test("GitHub refusing the dispatch is a clear 502 message, and nothing changes", async ({ page, baseURL }) => {
    await simulatorFaults({ refuseDispatch: { status: 422, message: "Workflow does not have 'workflow_dispatch' trigger" } });
    await analyzeNewFeature(page, baseURL!, { name: "Webhooks for invoices", description: "Send an event when an invoice is paid." });
    await expect(
      page.getByText(
        /^Could not start the analysis: GitHub refused to start the analysis workflow: GitHub answered 422: Workflow does not have 'workflow_dispatch' trigger/,
      ),
    ).toBeVisible();
    await expect(page.getByTestId("feature-status")).toHaveText("pending");
    await expect(page.getByTestId("feature-timeline").locator("[data-kind=dispatch_failed]")).toContainText(
      "The analysis did not start: GitHub refused to start the analysis workflow",
    );
  });
});
