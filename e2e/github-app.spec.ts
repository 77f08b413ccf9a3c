import { DEMO_REPOSITORIES } from "../github-simulator/demo-repositories";
import { SIMULATOR_URL } from "../playwright.config";
import { expect, screenshot, signInAs, test } from "./fixtures";

/** demo-org/demo-app's plan with "Sign-in" ticked: 4 of 7 tasks. */
const PLAN_WITH_SIGN_IN_DONE = DEMO_REPOSITORIES["demo-org/demo-app"]!["docs/plan.md"]!.replace("- [ ] Sign-in", "- [x] Sign-in");

test("an admin sees the demo installation, installs the App on another repository through GitHub's page, and a forged install is refused", async ({
  page,
}) => {
  await signInAs(page, "ops-admin", "/settings");
  await page.getByRole("link", { name: /GitHub App/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "GitHub App" })).toBeVisible();
  const demoOrg = page.getByTestId("installations").getByRole("listitem", { name: "demo-org" });
  await expect(demoOrg.getByRole("list", { name: "Repositories of demo-org" }).getByRole("listitem")).toHaveText(["demo-org/demo-app"]);

  await page.getByRole("link", { name: "Install GitHub App" }).click();
  await expect(page).toHaveURL(new RegExp(`^${SIMULATOR_URL}/apps/`));
  await expect(page.getByLabel("Account")).toHaveValue("demo-org");
  await page.getByLabel("demo-org/website").check();
  await page.getByLabel("demo-org/mobile-app").uncheck();
  await page.getByRole("button", { name: "Install" }).click();

  await expect(page).toHaveURL(/\/settings\/github\?installed=\d+$/);
  await expect(page.getByTestId("install-success")).toContainText("GitHub App installed on demo-org.");
  await expect(demoOrg.getByRole("list", { name: "Repositories of demo-org" }).getByRole("listitem")).toHaveText([
    "demo-org/demo-app",
    "demo-org/website",
  ]);
  await screenshot(page, "settings-github");

  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(page).toHaveURL(/\/settings\/github$/);
  await expect(page.getByTestId("install-success")).toHaveCount(0);

  // A callback whose state this user was never given is not trusted, whatever installation it names.
  await page.goto("/auth/github/install?installation_id=1&setup_action=install&state=forged");
  await expect(page).toHaveURL(/\/settings\/github\?error=/);
  await expect(page.getByRole("alert").filter({ hasText: "The installation was not completed." })).toContainText(
    "state is missing, expired or not yours",
  );
});

test("a tracked repository's plan progress moves live with a push; its page charts it and /webhooks logs the push", async ({
  page,
  request,
}) => {
  await signInAs(page, "ops-admin", "/projects");
  await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();

  await page.getByLabel("Repository", { exact: true }).fill("demo-app");
  await page.getByRole("button", { name: "Track repository" }).click();
  await expect(page.getByText("expected owner/name, e.g. demo-org/demo-app")).toBeVisible();

  await page.getByLabel("Repository", { exact: true }).fill("demo-org/demo-app");
  await expect(page.getByLabel("Plan path (optional)")).toHaveValue("");
  await page.getByRole("button", { name: "Track repository" }).click();
  const progress = page.getByRole("progressbar", { name: "demo-org/demo-app plan progress" });
  await expect(progress).toHaveAttribute("aria-valuenow", "43");
  const row = page.getByTestId("projects-table").getByRole("row", { name: /demo-org\/demo-app/ });
  await expect(row).toContainText("3 of 7 tasks");
  await expect(row).toContainText("43%");
  await expect(page.getByLabel("Repository", { exact: true })).toHaveValue("");

  // The server's refusal is shown as it said it.
  await page.getByLabel("Repository", { exact: true }).fill("demo-org/demo-app");
  await page.getByRole("button", { name: "Track repository" }).click();
  await expect(page.getByRole("form", { name: "Track a repository" }).getByRole("alert")).toHaveText(
    "demo-org/demo-app is already tracked",
  );

  const push = await request.post(`${SIMULATOR_URL}/_simulator/repos/demo-org/demo-app/push`, {
    data: { message: "Tick sign-in", files: { "docs/plan.md": PLAN_WITH_SIGN_IN_DONE } },
  });
  expect(push.status()).toBe(201);
  await expect(progress).toHaveAttribute("aria-valuenow", "57");
  await expect(row).toContainText("4 of 7 tasks");
  await screenshot(page, "projects");

  await row.getByRole("link", { name: "demo-org/demo-app" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "demo-org/demo-app" })).toBeVisible();
  await expect(page.getByText("docs/plan.md", { exact: true })).toBeVisible();
  await expect(page.getByTestId("plan-sections").getByRole("listitem")).toHaveText([/Foundation\s*3\/3/, /Features\s*1\/4/]);
  // Done and total tasks, not only a percentage: a plan that shrinks is not progress.
  await expect(page.getByTestId("progress-chart").locator(".recharts-area")).toHaveCount(2);
  await expect(page.getByTestId("progress-chart-caption")).toHaveText("Now 4 of 7 tasks done (57%)");
  const updates = page.getByTestId("project-updates").getByRole("listitem");
  await expect(updates).toHaveText([/push.*4 of 7 tasks done/, /tracked.*3 of 7 tasks done/]);
  // Each update names the commit it read, linked to it on GitHub.
  const commit = updates.first().getByRole("link", { name: /^[0-9a-f]{7}$/ });
  await expect(commit).toHaveAttribute("href", new RegExp(`^${SIMULATOR_URL}/demo-org/demo-app/commit/[0-9a-f]{40}$`));

  await page.getByRole("button", { name: "Refresh" }).click();
  await expect(page.getByRole("status")).toContainText("Refresh queued");
  await expect(updates).toHaveText([/refresh.*4 of 7 tasks done/, /push.*4 of 7 tasks done/, /tracked.*3 of 7 tasks done/]);
  await screenshot(page, "project-detail");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByTestId("webhook-health-status")).toHaveText("healthy");
  await expect(page.getByTestId("hourly-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await page.getByLabel("Filter by event type").fill("push");
  await page.getByLabel("Filter by repository").fill("demo-org/demo-app");
  const events = page.getByTestId("webhook-events");
  await expect(events.getByRole("row")).toHaveCount(2);
  // The event's own row (it opens a detail row below it, which mentions the push too).
  const pushRow = events.locator("tr[aria-expanded]").filter({ hasText: "push" });
  await expect(pushRow.locator("[data-status]")).toHaveText("processed");
  await pushRow.click();
  await expect(pushRow).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByTestId("webhook-event-detail").getByRole("figure", { name: "Payload" })).toContainText(
    '"message": "Tick sign-in"',
  );
  await page.getByLabel("Filter by status").selectOption("failed");
  await expect(page.getByText("No events match")).toBeVisible();
  await page.getByLabel("Filter by status").selectOption("all");
  await expect(pushRow).toBeVisible();
  await expect(page.getByRole("region", { name: "Recovered deliveries" })).toBeVisible();
  await screenshot(page, "webhooks");
});

test("a member sees which installations exist and which admins to ask, never 'Not installed yet' beside installed repositories", async ({
  page,
}) => {
  await signInAs(page, "dev-bob", "/settings/github");
  await expect(page.getByRole("heading", { level: 1, name: "GitHub App" })).toBeVisible();
  await expect(page.getByTestId("installations").getByRole("listitem", { name: "demo-org" })).toBeVisible();
  await expect(page.getByText("Not installed yet")).toHaveCount(0);
  await expect(page.getByTestId("ask-admins")).toContainText("@ops-admin");
  await screenshot(page, "settings-github-member");
});
