// `npm run e2e`: a browser, a current production build, a fresh data directory, then Playwright.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

import { buildIfNeeded } from "./build-if-needed.mjs";

const root = path.resolve(import.meta.dirname, "..");
const step = (command, args, env = process.env) => {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

step(process.execPath, [path.join(root, "scripts", "ensure-chromium.mjs")]);
buildIfNeeded();
const dataDir = path.join(root, "e2e", ".artifacts", "data");
rmSync(dataDir, { recursive: true, force: true });
step(path.join(root, "node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], { ...process.env, E2E_DATA_DIR: dataDir });
