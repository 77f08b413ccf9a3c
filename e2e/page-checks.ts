import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { expect } from "./fixtures";

/**
 * Every page a person uses (app/(app)/**\/page.tsx and app/signin), by who sees it: a member is never
 * offered the admin-only pages, so only the admin visits them. `:feature`/`:project` are filled in by the spec.
 * Two views need state another spec makes and check themselves there: an endpoint's page
 * (outbound-setup.spec.ts) and a job run's drawer (jobs.spec.ts).
 */
export const MEMBER_PAGES = [
  "/features",
  "/features/:feature",
  "/projects",
  "/projects/:project",
  "/webhooks",
  "/settings/account",
  "/settings/tokens",
  "/settings/github",
] as const;
export const ADMIN_PAGES = [
  ...MEMBER_PAGES,
  "/deliveries",
  "/jobs",
  "/settings/repositories",
  "/settings/repositories/demo-org/demo-app",
  "/settings/webhooks",
  "/settings/webhooks/event-types",
  "/settings/users",
  "/settings/audit",
  "/settings/operations",
] as const;

export const pagePath = (template: string, ids: { feature: string; project: string }) =>
  template.replace(":feature", ids.feature).replace(":project", ids.project);

/**
 * Tracks demo-org/demo-app as the signed-in admin, for a project page to look at; `untrackProject` afterwards,
 * since other specs track it themselves.
 */
export async function trackDemoProject(page: Page, baseURL: string) {
  const tracked = await page.request.post("/api/v1/projects", { data: { repository: "demo-org/demo-app" }, headers: { origin: baseURL } });
  if (tracked.status() === 409) {
    // Another spec tracked it already: look at theirs and leave it tracked.
    const list = (await (await page.request.get("/api/v1/projects")).json()) as { data: { id: string; repository: string }[] };
    return { id: list.data.find((project) => project.repository === "demo-org/demo-app")!.id, ours: false };
  }
  expect(tracked.status()).toBe(201);
  return { id: ((await tracked.json()) as { id: string }).id, ours: true };
}

export async function untrackProject(page: Page, baseURL: string, project: { id: string; ours: boolean }) {
  if (!project.ours) return;
  expect((await page.request.delete(`/api/v1/projects/${project.id}`, { headers: { origin: baseURL } })).status()).toBe(204);
}

/** Opens `path` and waits until its content (not a loading line) is there. */
export async function openPage(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(/^Loading\b/)).toHaveCount(0);
}

/** The page is no wider than the window: nothing a person wrote pushes it sideways. */
export async function expectNoHorizontalOverflow(page: Page, what: string) {
  const widths = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, window: window.innerWidth }));
  expect.soft(widths.scroll, `${what}: page width ${widths.scroll}px in a ${widths.window}px window`).toBeLessThanOrEqual(widths.window);
}

/** No badge lies over a link (a long name next to a status once ran under the status badge). */
export async function expectBadgesClearOfLinks(page: Page, what: string) {
  const overlaps = await page.evaluate(() => {
    const found: string[] = [];
    const badges = [...document.querySelectorAll<HTMLElement>("[data-slot=badge]")].filter((badge) => badge.offsetParent);
    const links = [...document.querySelectorAll<HTMLAnchorElement>("a[href]")].filter((link) => link.offsetParent);
    for (const badge of badges) {
      const b = badge.getBoundingClientRect();
      for (const link of links) {
        if (link.contains(badge) || badge.contains(link)) continue;
        for (const r of link.getClientRects()) {
          const width = Math.min(b.right, r.right) - Math.max(b.left, r.left);
          const height = Math.min(b.bottom, r.bottom) - Math.max(b.top, r.top);
          if (width > 1 && height > 1) found.push(`"${badge.textContent}" covers link "${link.textContent?.slice(0, 40)}"`);
        }
      }
    }
    return found;
  });
  expect.soft(overlaps, `${what}: badges over links`).toEqual([]);
}

/** Text cut short with an ellipsis carries its full text as a title, so hovering shows it. */
export async function expectTruncatedTextTitled(page: Page, what: string) {
  const untitled = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".truncate")]
      .filter((element) => element.scrollWidth > element.clientWidth && !element.closest("[title]"))
      .map((element) => element.textContent?.slice(0, 60)),
  );
  expect.soft(untitled, `${what}: truncated text without a title`).toEqual([]);
}

/** axe's serious and critical findings on the page as it stands (WCAG 2.1 A and AA rules and best practices). */
export async function expectNoSeriousAxeViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
  expect.soft(serious, `${what}: serious or critical axe violations`).toEqual([]);
}
