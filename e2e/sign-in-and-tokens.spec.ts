import { expect, screenshot, signInAs, test } from "./fixtures";

test("a person is sent to sign-in, authorizes as a simulated GitHub user, creates and revokes an API token, and signs out", async ({
  page,
  request,
}) => {
  await page.goto("/settings/tokens");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings%2Ftokens$/);
  await expect(page.getByTestId("demo-badge")).toBeVisible();
  await screenshot(page, "01-sign-in");

  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await expect(page.getByRole("heading", { name: "Authorize Hooksmith" })).toBeVisible();
  await screenshot(page, "02-simulator-authorize");
  await page.getByRole("button", { name: /pm-alice/ }).click();

  await expect(page).toHaveURL(/\/settings\/tokens$/);
  await expect(page.getByTestId("current-user")).toHaveText("pm-alice");
  await expect(page.getByTestId("demo-badge")).toHaveText("Demo mode: GitHub is simulated");
  for (const item of ["Features", "Projects", "Webhooks", "Settings"]) {
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: item })).toBeVisible();
  }
  // A member is not offered pages that would only answer "Admins only".
  for (const item of ["Deliveries", "Jobs"]) {
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: item })).toHaveCount(0);
  }
  await expect(page.getByText("No tokens yet")).toBeVisible();

  await page.getByLabel("Token name").fill("release pipeline");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-token-secret").textContent())!.trim();
  expect(secret).toMatch(/^hks_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("tokens-table").getByRole("row", { name: /release pipeline/ })).toContainText("active");
  await screenshot(page, "03-token-created");

  // The session cookie alone does not authorize a write from elsewhere (no Origin of ours): CSRF.
  const crossSite = await page.request.post("/api/v1/tokens", { data: { name: "forged" }, headers: { origin: "http://evil.test" } });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.code).toBe("csrf_rejected");

  const asScript = { headers: { authorization: `Bearer ${secret}` } };
  const me = await request.get("/api/v1/me", asScript);
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ login: "pm-alice", auth: "token" });

  await page.getByRole("button", { name: "Revoke release pipeline" }).click();
  await expect(page.getByTestId("tokens-table").getByRole("row", { name: /release pipeline/ })).toContainText("revoked");
  expect((await request.get("/api/v1/me", asScript)).status()).toBe(401);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/features");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Ffeatures$/);
});

test("the shell's pages are reachable from the navigation", async ({ page }) => {
  await signInAs(page, "dev-bob");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const [item, heading] of [
    ["Projects", "Projects"],
    ["Webhooks", "Webhooks"],
    ["Settings", "Account"],
    ["Features", "Features"],
  ] as const) {
    await nav.getByRole("link", { name: item }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(nav.getByRole("link", { name: item })).toHaveAttribute("aria-current", "page");
  }
  await screenshot(page, "04-shell-features");
});
