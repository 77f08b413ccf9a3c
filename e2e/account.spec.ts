import { type Page } from "@playwright/test";

import { expect, screenshot, signInAs, signInThroughGitHub, test } from "./fixtures";

const sessionCookies = async (page: Page) =>
  (await page.context().cookies()).filter((cookie) => cookie.name.includes("authjs.session-token"));

test("a person renames themselves, unlinks GitHub and links it again by signing in, then deletes their account", async ({ page }) => {
  await signInAs(page, "acct-carol", "/settings");
  expect(await sessionCookies(page)).toHaveLength(1);
  await page.getByRole("link", { name: /^Account/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  const profile = page.getByTestId("profile");
  for (const fact of ["acct-carol", "acct-carol@users.noreply.github.com", "member"]) await expect(profile).toContainText(fact);
  const github = page.getByRole("list", { name: "Linked accounts" }).getByRole("listitem", { name: "GitHub" });
  await expect(github).toContainText("linked");

  // The display name: validated in the form, saved, and shown in the header at once.
  await page.getByLabel("Display name").fill("   ");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Give a display name")).toBeVisible();
  await page.getByLabel("Display name").fill("Carol Ledger");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Saved")).toBeVisible();
  await expect(page.getByTestId("current-user-name")).toHaveText("Carol Ledger");
  await expect(page.getByTestId("current-user")).toHaveText("acct-carol");
  await screenshot(page, "account");

  // Unlinking GitHub, the only way to sign in, signs the person out…
  await github.getByRole("button", { name: "Unlink GitHub" }).click();
  await page.getByRole("button", { name: "Unlink and sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings%2Faccount$/);
  expect(await sessionCookies(page)).toEqual([]);
  await page.goto("/settings/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings%2Faccount$/);

  // …and signing in with the same GitHub account links it again, to the same account: the name is still there.
  await signInThroughGitHub(page, "acct-carol", "/settings/account");
  await expect(page).toHaveURL(/\/settings\/account$/);
  await expect(page.getByTestId("current-user-name")).toHaveText("Carol Ledger");
  await expect(github).toContainText("linked");

  // Deleting needs the login typed, then ends the session.
  await page.getByRole("button", { name: "Delete account" }).click();
  const deleteForGood = page.getByRole("button", { name: "Delete my account" });
  const confirmation = page.getByLabel("Type your login, acct-carol, to confirm");
  await confirmation.fill("acct-caro");
  await expect(deleteForGood).toBeDisabled();
  await confirmation.fill("acct-carol");
  await deleteForGood.click();
  await expect(page).toHaveURL(/\/signin$/);
  expect(await sessionCookies(page)).toEqual([]);
  await page.goto("/settings/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings%2Faccount$/);

  // The account is gone: signing in again starts a new one, without the old name.
  await signInThroughGitHub(page, "acct-carol", "/settings/account");
  await expect(page.getByTestId("current-user-name")).toHaveCount(0);
  await expect(page.getByLabel("Display name")).toHaveValue("acct-carol");
});
