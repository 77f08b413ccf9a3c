// The `sign-in` setup project (playwright.config.ts): each person the specs act as signs in once, through
// the simulator's authorize page, and the session is stored for `signInAs` in e2e/fixtures.ts.
import { mkdirSync } from "node:fs";
import path from "node:path";

import { SESSION_USERS, sessionFile, test as setup, signInThroughGitHub } from "./fixtures";

for (const login of SESSION_USERS) {
  setup(`${login} signs in once and the session is stored`, async ({ page }) => {
    await signInThroughGitHub(page, login);
    mkdirSync(path.dirname(sessionFile(login)), { recursive: true });
    await page.context().storageState({ path: sessionFile(login) });
  });
}
