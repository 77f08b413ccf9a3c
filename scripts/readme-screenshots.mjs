// `npm run screenshots:readme`: copies the screenshots the README shows from the last e2e run
// (e2e/.artifacts/screenshots, written by `npm run e2e`) into public/screenshots, so they are regenerated,
// never edited by hand. Fails, naming it, when a screenshot the README needs was not taken.
import { copyFileSync, existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const from = path.join(root, "e2e", ".artifacts", "screenshots");
const to = path.join(root, "public", "screenshots");

/** README image (public/screenshots) ← e2e screenshot. */
const README_SCREENSHOTS = {
  "feature-analysis.png": "features-detail.png",
  "features.png": "features-list.png",
  "project.png": "project-detail.png",
  "webhooks.png": "webhooks.png",
  "deliveries.png": "deliveries.png",
  "api-tokens.png": "settings-tokens.png",
  "jobs.png": "06-job-run-detail.png",
  "operations.png": "operations.png",
  "simulator-authorize.png": "02-simulator-authorize.png",
  "dark-features.png": "dark-features.png",
};

const missing = Object.values(README_SCREENSHOTS).filter((name) => !existsSync(path.join(from, name)));
if (missing.length > 0) {
  console.error(`Not in ${path.relative(root, from)} (run npm run e2e first): ${missing.join(", ")}`);
  process.exit(1);
}
for (const [target, source] of Object.entries(README_SCREENSHOTS)) copyFileSync(path.join(from, source), path.join(to, target));
console.log(`${Object.keys(README_SCREENSHOTS).length} README screenshots copied to ${path.relative(root, to)}`);
