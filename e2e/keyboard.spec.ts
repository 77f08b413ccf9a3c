import type { Locator, Page } from "@playwright/test";

import { clearCookies, expect, screenshot, signInAs, test } from "./fixtures";

const LOGIN = "keyboard-kim";

/**
 * Presses Tab until `target` has focus, as a keyboard-only person would, and checks that every element the
 * focus stopped at on the way showed a focus ring (an outline or a ring's box-shadow).
 */
async function tabTo(page: Page, target: Locator, { maxStops = 60, checkRings = true } = {}) {
  const withoutRing: string[] = [];
  for (let stop = 0; stop < maxStops; stop += 1) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
      return {
        ring,
        name: `${element.tagName.toLowerCase()} "${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 40)}"`,
      };
    });
    if (focused && !focused.ring) withoutRing.push(focused.name);
    if (await target.evaluate((element) => element === document.activeElement)) {
      if (checkRings) expect(withoutRing, "focused without a visible focus ring").toEqual([]);
      return;
    }
  }
  throw new Error(`Tab never reached ${target}`);
}

test("a keyboard-only person signs in, writes a feature, opens it, tracks a project, creates a token and edits their settings", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Sign in: Tab to the GitHub button, Enter; the simulator's page is GitHub's, so its rings are not ours to check.
  await clearCookies(page);
  await page.goto("/signin?callbackUrl=%2Ffeatures");
  await tabTo(page, page.getByRole("button", { name: "Sign in with GitHub" }));
  await screenshot(page, "keyboard-sign-in-focused");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Authorize Hooksmith" })).toBeVisible();
  await tabTo(page, page.getByLabel("Or type any GitHub login"), { checkRings: false });
  await page.keyboard.type(LOGIN);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("current-user")).toHaveText(LOGIN);

  // A new feature, every field reached with Tab, created with Enter on the button.
  await tabTo(page, page.getByLabel("Name", { exact: true }));
  await page.keyboard.type("Keyboard shortcuts");
  await tabTo(page, page.getByLabel("Priority"));
  await tabTo(page, page.getByLabel("Repository"));
  if ((await page.getByLabel("Repository").evaluate((element) => element.tagName)) === "INPUT") {
    await page.keyboard.type("demo-org/demo-app");
  }
  await tabTo(page, page.getByLabel("Description"));
  await page.keyboard.type("Every action of the app can be reached without a mouse.");
  const create = page.getByRole("button", { name: "Create feature" });
  await tabTo(page, create);
  await screenshot(page, "keyboard-create-feature-focused");
  await page.keyboard.press("Enter");
  // Creating opens the feature; back in the list, its link opens it again with Enter.
  const heading = page.getByRole("heading", { level: 1, name: "Keyboard shortcuts" });
  await expect(heading).toBeVisible();
  await page.goto("/features");
  const link = page.getByTestId("features-table").getByRole("link", { name: "Keyboard shortcuts" });
  await expect(link).toBeVisible();
  await tabTo(page, link, { maxStops: 100 });
  await page.keyboard.press("Enter");
  await expect(heading).toBeVisible();

  // Track a project: the form answers a mistake (Space on the button submits too).
  await page.goto("/projects");
  await tabTo(page, page.getByLabel("Repository", { exact: true }));
  await page.keyboard.type("demo-app");
  await tabTo(page, page.getByRole("button", { name: "Track repository" }));
  await page.keyboard.press("Space");
  await expect(page.getByText("expected owner/name, e.g. demo-org/demo-app")).toBeVisible();

  // The settings sub-nav, then a token created and revoked with the keyboard.
  await page.goto("/settings/account");
  await tabTo(page, page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API tokens" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await tabTo(page, page.getByLabel("Token name"));
  await page.keyboard.type("keyboard token");
  await tabTo(page, page.getByLabel("Access"));
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Access")).toHaveValue("read");
  await tabTo(page, page.getByRole("button", { name: "Create token" }));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("new-token-secret")).toBeVisible();
  const row = page.getByTestId("tokens-table").getByRole("row", { name: /keyboard token/ });
  await expect(row).toContainText("active");
  await tabTo(page, page.getByRole("button", { name: "Revoke keyboard token" }));
  await page.keyboard.press("Space");
  await expect(row).toContainText("revoked");

  // The account form: the display name saved with Enter.
  await page.goto("/settings/account");
  await tabTo(page, page.getByLabel("Display name"));
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Kim Keys");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Saved")).toBeVisible();
  await expect(page.getByTestId("current-user-name")).toHaveText("Kim Keys");
  await screenshot(page, "keyboard-account");
});

test("an admin reaches every field of the repository settings and the admin sub-nav with Tab, each with a focus ring", async ({ page }) => {
  await signInAs(page, "ops-admin", "/settings/account");
  const settingsNav = page.getByRole("navigation", { name: "Settings" });
  await tabTo(page, settingsNav.getByRole("link", { name: "Repositories" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Repositories" })).toBeVisible();
  await page.goto("/settings/repositories/demo-org/demo-app");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const fields = page.locator("main").locator("input:not([type=hidden]), select, textarea, button");
  await expect(fields.first()).toBeVisible();
  for (const field of await fields.all()) if (await field.isEnabled()) await tabTo(page, field);
});
