import type { Page } from "@playwright/test";

import { clearCookies, createFeature, expect, screenshot, signInAs, test } from "./fixtures";
import {
  ADMIN_PAGES,
  expectNoSeriousAxeViolations,
  MEMBER_PAGES,
  openPage,
  pagePath,
  trackDemoProject,
  untrackProject,
} from "./page-checks";

const SCHEMES = ["light", "dark"] as const;

/** Same-origin requests that answered 404 while the page loaded (a missing icon, say). */
function collectNotFound(page: Page, baseURL: string) {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404 && response.url().startsWith(baseURL)) missing.push(response.url());
  });
  return missing;
}

/** Opens each page in light and then dark, and runs axe on it. */
async function checkPagesInBothSchemes(page: Page, who: string, templates: readonly string[], ids: Parameters<typeof pagePath>[1]) {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    for (const template of templates) {
      const url = pagePath(template, ids);
      await openPage(page, url);
      await expectNoSeriousAxeViolations(page, `${who} ${colorScheme} ${url}`);
    }
  }
}

/** The README's dark-mode screenshots, `dark-<name>.png`. */
async function screenshotDark(page: Page, pages: [url: string, name: string][]) {
  await page.emulateMedia({ colorScheme: "dark" });
  for (const [url, name] of pages) {
    await openPage(page, url);
    await screenshot(page, `dark-${name}`);
  }
}

test("every page passes axe (no serious or critical violations) for an admin and a member, light and dark, with no 404 on an icon", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(900_000);
  const missing = collectNotFound(page, baseURL!);
  await signInAs(page, "dev-bob", "/features");
  const feature = await createFeature(page, baseURL!, {
    name: "Accessible invoice export",
    description: "Export invoices as CSV with totals per customer, for the accounting team.",
  });
  // An analysed feature, so its report is checked too.
  expect((await page.request.post(`/api/v1/features/${feature.id}/analyze`, { headers: { origin: baseURL! } })).status()).toBe(202);
  await expect
    .poll(async () => ((await (await page.request.get(`/api/v1/features/${feature.id}`)).json()) as { status: string }).status, {
      timeout: 60_000,
    })
    .toBe("completed");

  await signInAs(page, "ops-admin", "/features");
  const project = await trackDemoProject(page, baseURL!);
  const ids = { feature: feature.id, project: project.id };
  try {
    await checkPagesInBothSchemes(page, "admin", ADMIN_PAGES, ids);
    await screenshotDark(page, [
      ["/settings/account", "account"],
      ["/settings/users", "users"],
      [`/projects/${project.id}`, "project-detail"],
      ["/webhooks", "webhooks"],
      ["/jobs", "jobs"],
    ]);

    await signInAs(page, "dev-bob", "/features");
    // A member's pages, and what a member sees at an admin page's address.
    await checkPagesInBothSchemes(page, "member", [...MEMBER_PAGES, "/settings/users"], ids);
    await screenshotDark(page, [
      ["/features", "features"],
      [`/features/${feature.id}`, "feature-detail"],
      ["/settings/github", "settings-github-member"],
    ]);
  } finally {
    await signInAs(page, "ops-admin", "/features");
    await untrackProject(page, baseURL!, project);
  }

  // Signed out: the sign-in page and the page that refuses someone.
  await clearCookies(page);
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    for (const url of ["/signin", "/signin/refused"]) {
      await page.goto(url);
      await expect(page.getByRole("heading").first()).toBeVisible();
      await expectNoSeriousAxeViolations(page, `signed out ${colorScheme} ${url}`);
    }
    await page.goto("/signin");
    await screenshot(page, `${colorScheme}-sign-in`);
  }
  expect(missing, "requests answered 404").toEqual([]);
});
