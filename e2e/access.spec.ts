// Who gets in and what they may do: the tokens page (scope, expiry, last used), the admin Users and Audit
// log pages on the shared demo server, and the sign-in policy on a server of its own (ports 4540/4541)
// started with ALLOWED_GITHUB_ORGS=demo-org.
import { rmSync } from "node:fs";
import path from "node:path";

import { clearCookies, expect, screenshot, signInAs, test } from "./fixtures";
import { startApp, type AppProcess } from "./server-process";

test("a person creates a read-only, expiring token that can read but not write, and sees when it was last used", async ({
  page,
  baseURL,
}) => {
  // acct-carol: sign-in-and-tokens.spec.ts expects pm-alice to start with no tokens.
  await signInAs(page, "acct-carol", "/settings/tokens");
  await page.getByLabel("Token name").fill("dashboard reader");
  await page.getByLabel("Access").selectOption("read");
  await page.getByLabel("Expires after").selectOption("30 days");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-token-secret").textContent())!.trim();
  const row = page.getByTestId("tokens-table").getByRole("row", { name: /dashboard reader/ });
  await expect(row).toContainText("read-only");
  await expect(row).toContainText("in 30 days");

  const headers = { authorization: `Bearer ${secret}` };
  expect((await page.request.get("/api/v1/me", { headers })).status()).toBe(200);
  const write = await page.request.post("/api/v1/tokens", { headers, data: { name: "escalate" } });
  expect(write.status()).toBe(403);
  expect((await write.json()).error.code).toBe("read_only_token");

  await page.reload();
  // Last used: a time now ("just now" or "… ago", by how fast this machine is), not "—".
  await expect(row.getByRole("cell").nth(4).locator("time")).toBeVisible();
  await screenshot(page, "settings-tokens");
  expect(baseURL).toBeTruthy();
});

test("an admin revokes someone's token on the Users page and finds it, with where from, in the audit log", async ({ page, browser }) => {
  test.setTimeout(180_000); // three browsers' worth of pages
  // dev-bob makes a token in a browser of his own.
  const bob = await browser.newPage();
  await signInAs(bob, "dev-bob", "/settings/tokens");
  await bob.getByLabel("Token name").fill("bob laptop script");
  await bob.getByRole("button", { name: "Create token" }).click();
  const secret = (await bob.getByTestId("new-token-secret").textContent())!.trim();
  await bob.close();

  await signInAs(page, "ops-admin", "/settings");
  await page.getByRole("link", { name: /Users/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  const bobRow = page.getByTestId("users-table").getByRole("row", { name: /dev-bob/ });
  await expect(bobRow).toContainText("member");
  await bobRow.getByRole("button", { name: "Revoke bob laptop script of dev-bob" }).click();
  await expect(bobRow).not.toContainText("bob laptop script");
  expect((await page.request.get("/api/v1/me", { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(401);
  await screenshot(page, "settings-users");

  await page.goto("/settings/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await page.getByLabel("Filter by action").selectOption("api_token.revoked");
  await page.getByLabel("Filter by who").fill("ops-admin");
  const entry = page.getByTestId("audit-log").getByRole("row").filter({ hasText: "api_token.revoked" }).first();
  await expect(entry).toContainText("ops-admin");
  await expect(entry).toContainText("bob laptop script");
  await expect(entry).toContainText("127.0.0.1");
  await screenshot(page, "settings-audit");

  // Members do not see it.
  const member = await browser.newPage();
  await signInAs(member, "pm-alice", "/settings/audit");
  await expect(member.getByText("The audit log is visible to admins.")).toBeVisible();
  await member.close();
});

test.describe("with ALLOWED_GITHUB_ORGS=demo-org", () => {
  const PORT = 4540;
  const SIMULATOR = `http://127.0.0.1:${PORT + 1}`;
  const DATA_DIR = path.join(__dirname, ".artifacts", "data-access");
  let app: AppProcess;
  test.describe.configure({ mode: "serial" });
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    rmSync(DATA_DIR, { recursive: true, force: true });
    app = await startApp(PORT, {
      DATA_DIR,
      LOG_LEVEL: "warn",
      GITHUB_SIMULATOR_PORT: String(PORT + 1),
      ALLOWED_GITHUB_ORGS: "demo-org",
      ADMIN_GITHUB_LOGINS: "pm-alice",
    });
  });
  test.afterAll(async () => app?.kill("SIGKILL"));

  const signInThroughSimulator = async (page: import("@playwright/test").Page, login: string) => {
    await page.goto(`${app.url}/features`);
    await page.getByRole("button", { name: "Sign in with GitHub" }).click();
    await page.getByLabel("Or type any GitHub login").fill(login);
    await page.getByRole("button", { name: "Authorize" }).click();
  };

  test("only demo-org's members get in; a refused person is told why and whom to ask, and the attempt is audited", async ({ page }) => {
    test.setTimeout(240_000); // a server of its own: its first pages compile and warm up
    await signInThroughSimulator(page, "outsider-oscar");
    await expect(page).toHaveURL(new RegExp(`^${app.url}/signin/refused\\?`));
    await expect(page.getByRole("heading", { name: "You cannot sign in to this Hooksmith" })).toBeVisible();
    await expect(page.getByTestId("refused-reason")).toContainText("Signed in to GitHub as outsider-oscar.");
    const whom = page.getByRole("region", { name: "Whom to ask" });
    await expect(whom).toContainText("Members of the GitHub organisation demo-org may sign in");
    await expect(whom).toContainText("pm-alice");
    await screenshot(page, "signin-refused");
    await page.goto(`${app.url}/features`);
    await expect(page).toHaveURL(/\/signin\?/);

    // Once demo-org adds them on GitHub, the same person gets in.
    expect((await fetch(`${SIMULATOR}/_simulator/orgs/demo-org/members/outsider-oscar`, { method: "PUT" })).status).toBe(204);
    await signInThroughSimulator(page, "outsider-oscar");
    await expect(page.getByTestId("current-user")).toHaveText("outsider-oscar");

    // The admin finds the refusal in the audit log.
    await clearCookies(page);
    await signInThroughSimulator(page, "pm-alice");
    await expect(page.getByTestId("current-user")).toHaveText("pm-alice");
    await page.goto(`${app.url}/settings/audit`);
    const refused = page.getByTestId("audit-log").getByRole("row").filter({ hasText: "auth.sign_in_refused" });
    await expect(refused).toContainText("outsider-oscar");
    await expect(refused).toContainText("not_allowed");
  });
});
