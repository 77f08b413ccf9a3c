import { SIMULATOR_URL } from "../playwright.config";
import { createFeature, expect, screenshot, setSimulatorFaults, signInAs, test } from "./fixtures";

const REPOSITORY = "demo-org/demo-app";

// Each test walks a whole flow (one waits for the poller's 10th poll): more than the default minute.
test.describe.configure({ timeout: 150_000 });

test("a feature's creator edits it and deletes it with its analyses; another member is refused", async ({ page, browser, baseURL }) => {
  await signInAs(page, "pm-alice");
  const feature = await createFeature(page, baseURL!, { name: "Saved searches", description: "People save a search and rerun it later." });
  await page.goto(`/features/${feature.id}`);

  await page.getByRole("button", { name: "Edit" }).click();
  const form = page.getByRole("form", { name: "Edit feature" });
  await form.getByLabel("Name").fill("Saved and shared searches");
  await form.getByLabel("Priority").selectOption("critical");
  await form.getByLabel("Description").fill("People save a search, rerun it later and share it with their team.");
  await screenshot(page, "feature-edit");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Saved and shared searches" })).toBeVisible();
  await expect(page.getByText("share it with their team.")).toBeVisible();
  await expect(form).toHaveCount(0);

  // Another member may read it, not delete it.
  const bobPage = await (await browser.newContext()).newPage();
  await signInAs(bobPage, "dev-bob", `/features/${feature.id}`);
  await bobPage.getByRole("button", { name: "Delete" }).click();
  await bobPage.getByRole("button", { name: "Delete feature" }).click();
  await expect(bobPage.getByRole("group", { name: "Delete “Saved and shared searches”?" })).toContainText(
    "Only the person who created this feature, or an admin, can change or delete it",
  );
  await screenshot(bobPage, "feature-delete-refused");
  await bobPage.context().close();

  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("group", { name: "Delete “Saved and shared searches”?" })).toContainText("This cannot be undone.");
  await screenshot(page, "feature-delete-confirm");
  await page.getByRole("button", { name: "Delete feature" }).click();
  await expect(page).toHaveURL("/features");
  await expect(page.getByTestId("features-table").getByRole("row", { name: /Saved and shared searches/ })).toHaveCount(0);
  expect((await page.request.get(`/api/v1/features/${feature.id}`)).status()).toBe(404);
});

test.describe("with the workflow failing", () => {
  test.afterEach(async () => {
    await setSimulatorFaults(SIMULATOR_URL, { callback: "deliver", conclusion: "success", workflowRunWebhook: true });
  });

  test("a running analysis is cancelled and the feature analyzed again; two analyses are compared", async ({ page, baseURL }) => {
    // A failing run with no callback stays `analyzing` until the poller's 10th poll: time to cancel it.
    await setSimulatorFaults(SIMULATOR_URL, { conclusion: "failure", callback: "drop", workflowRunWebhook: false });
    await signInAs(page, "pm-alice");
    const feature = await createFeature(page, baseURL!, {
      name: "Audit trail",
      description: "Every change to an invoice is kept with who made it.",
    });
    await page.goto(`/features/${feature.id}`);
    await page.getByRole("button", { name: "Analyze" }).click();
    await expect(page.getByTestId("feature-status")).toHaveText("analyzing");

    await page.getByRole("button", { name: "Cancel analysis" }).click();
    await expect(page.getByTestId("feature-status")).toHaveText("pending");
    await expect(page.getByTestId("feature-timeline").locator("[data-kind=cancelled]").first()).toContainText(
      "Analysis cancelled: cancelled by pm-alice",
    );
    await screenshot(page, "feature-analysis-cancelled");

    // Re-analyzable at once: this attempt fails (the run's conclusion), the next one succeeds.
    await page.getByRole("button", { name: "Analyze" }).click();
    await expect(page.getByTestId("feature-status")).toHaveText("failed", { timeout: 45_000 });
    await setSimulatorFaults(SIMULATOR_URL, { conclusion: "success", callback: "deliver" });
    await page.getByTestId("analysis-failure").getByRole("button", { name: "Retry" }).click();
    await expect(page.getByTestId("feature-status")).toHaveText("completed");

    const history = page.getByTestId("analysis-history");
    await expect(history.getByRole("listitem")).toHaveCount(2);
    await expect(history.getByRole("checkbox", { name: "Compare Analysis 1" })).toBeChecked();
    await page.getByRole("button", { name: "Compare the two picked" }).click();
    const compare = page.getByTestId("analysis-compare");
    await expect(compare.getByRole("columnheader", { name: /Analysis 1/ })).toBeVisible();
    await expect(compare.getByRole("row", { name: /Status/ })).toContainText("failed");
    await expect(compare.getByRole("row", { name: /Status/ })).toContainText("completed");
    await expect(compare.getByRole("region", { name: "Tasks changes" }).getByRole("listitem").first()).toBeVisible();
    await screenshot(page, "feature-analyses-compared");
  });
});

test("a project's plan file is changed and the project untracked; a missing plan file and another member are refused", async ({
  page,
  browser,
  baseURL,
}) => {
  // Start from the repository untracked (another spec may have tracked it), then pm-alice tracks it.
  await signInAs(page, "ops-admin", "/projects");
  const listed = (await (await page.request.get("/api/v1/projects?limit=100")).json()) as { data: { id: string; repository: string }[] };
  for (const project of listed.data.filter((row) => row.repository === REPOSITORY)) {
    expect((await page.request.delete(`/api/v1/projects/${project.id}`, { headers: { origin: baseURL! } })).status()).toBe(204);
  }
  await signInAs(page, "pm-alice", "/projects");
  await page.getByLabel("Repository", { exact: true }).fill(REPOSITORY);
  await page.getByLabel("Plan path (optional)").fill("docs/roadmap.md");
  await page.getByRole("button", { name: "Track repository" }).click();
  await expect(page.getByRole("form", { name: "Track a repository" }).getByRole("alert")).toHaveText(
    `docs/roadmap.md does not exist on the default branch of ${REPOSITORY}`,
  );
  await screenshot(page, "project-track-missing-plan");
  await page.getByLabel("Plan path (optional)").fill("docs/plan.md");
  await page.getByRole("button", { name: "Track repository" }).click();
  await page.getByTestId("projects-table").getByRole("link", { name: REPOSITORY }).click();
  await expect(page.getByRole("heading", { level: 1, name: REPOSITORY })).toBeVisible();
  const projectUrl = page.url();

  // Another member cannot untrack it.
  const bobPage = await (await browser.newContext()).newPage();
  await signInAs(bobPage, "dev-bob", projectUrl);
  await bobPage.getByRole("button", { name: "Untrack" }).click();
  await bobPage.getByRole("button", { name: "Untrack project" }).click();
  await expect(bobPage.getByRole("group", { name: `Untrack ${REPOSITORY}?` })).toContainText(
    "Only the person who created this project, or an admin, can change or delete it",
  );
  await bobPage.context().close();

  await page.getByRole("button", { name: "Change plan file" }).click();
  const form = page.getByRole("form", { name: "Change plan file" });
  await form.getByLabel(/Plan file/).fill("docs/missing.md");
  await form.getByRole("button", { name: "Save plan file" }).click();
  await expect(form.getByRole("alert")).toHaveText(`docs/missing.md does not exist on the default branch of ${REPOSITORY}`);
  await form.getByLabel(/Plan file/).fill("README.md");
  await form.getByRole("button", { name: "Save plan file" }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByText(/Plan file changed from docs\/plan.md to README.md by pm-alice/)).toBeVisible();
  await screenshot(page, "project-plan-path-changed");

  await page.getByRole("button", { name: "Untrack" }).click();
  await page.getByRole("button", { name: "Untrack project" }).click();
  await expect(page).toHaveURL("/projects");
  await expect(page.getByTestId("projects-table").getByRole("row", { name: new RegExp(REPOSITORY) })).toHaveCount(0);
});
