// The e2e tests run in a real Chromium: Debian's /usr/bin/chromium when present (installed here when
// missing and running as root), else Playwright's own browser; otherwise it says what to run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

const found = () => [process.env.CHROMIUM_PATH, ...SYSTEM_CHROMIUM].find((file) => file && existsSync(file));

if (!found() && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  console.log("Chromium is missing: installing Debian's chromium package…");
  const run = (args) => spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  run(["update", "-qq"]);
  run(["install", "-y", "-qq", "chromium"]);
}

const browser = found();
if (browser) {
  console.log(`e2e browser: ${browser}`);
} else if (existsSync(chromium.executablePath())) {
  console.log(`e2e browser: Playwright's Chromium at ${chromium.executablePath()}`);
} else {
  console.error(
    [
      "No Chromium for the e2e tests. Install one, then run `npm test` again:",
      "  Debian/Ubuntu:  sudo apt-get install -y chromium",
      "  elsewhere:      npx playwright install chromium",
      "  or point CHROMIUM_PATH at an existing Chromium/Chrome binary.",
    ].join("\n"),
  );
  process.exit(1);
}
