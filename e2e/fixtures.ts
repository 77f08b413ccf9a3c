import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

const SCREENSHOTS = path.join(__dirname, ".artifacts", "screenshots");

/** Full-page screenshot under e2e/.artifacts/screenshots, for a person to look at. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Signs in through the GitHub simulator's authorize page as `login` (any valid GitHub login). */
export async function signInAs(page: Page, login: string, next = "/features") {
  await page.goto(next);
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await expect(page.getByRole("heading", { name: "Authorize Hooksmith" })).toBeVisible();
  await page.getByLabel("Or type any GitHub login").fill(login);
  await page.getByRole("button", { name: "Authorize" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(login);
}
