import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { type Page } from "@playwright/test";

import { SIMULATOR_URL } from "../playwright.config";
import { createFeature, expect, screenshot, setSimulatorFaults, signInAs, test } from "./fixtures";

// The original design's example result (seed 000), verbatim; its feature_id is replaced by a real one.
const SEED_FULL = readFileSync(path.join(__dirname, "..", "test", "fixtures", "analysis-results", "seed-full.json"), "utf8");
const hmac = (key: string, data: string) => createHmac("sha256", key).update(data).digest("hex");

/** The repository's callback key, as an admin reads it from the API. */
async function callbackKey(page: Page, repository: string) {
  const response = await page.request.get(`/api/v1/admin/repositories/${repository}/callback-key`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { callback_key: string }).callback_key;
}

test.afterEach(async () => {
  await setSimulatorFaults(SIMULATOR_URL, { conclusion: "success", workflowRunWebhook: true });
});

test("a result in the original design's format, signed with the repository's key, is recorded and shown field by field; another repository's key is refused", async ({
  page,
  baseURL,
}) => {
  await signInAs(page, "ops-admin", "/settings/repositories");
  await page.getByRole("link", { name: "demo-org/demo-app" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "demo-org/demo-app" })).toBeVisible();
  await page.getByRole("button", { name: "Show key" }).click();
  const key = (await page.getByTestId("callback-key-value").textContent())!.trim();
  expect(key).toMatch(/^[0-9a-f]{64}$/);
  expect(key).toBe(await callbackKey(page, "Demo-Org/Demo-App"));
  await expect(page.getByTestId("effective-workflow")).toContainText("analyze-feature.yml on the default branch");
  await screenshot(page, "repository-settings");

  // The simulated run ends cancelled, without a callback or workflow_run webhook: the feature waits for ours.
  expect((await setSimulatorFaults(SIMULATOR_URL, { conclusion: "cancelled", workflowRunWebhook: false })).status).toBe(200);
  const feature = await createFeature(page, baseURL!, {
    name: "Backend for reports",
    description: "Reports need a backend service first.",
  });
  const analyze = await page.request.post(`/api/v1/features/${feature.id}/analyze`, { headers: { origin: baseURL! } });
  expect(analyze.status()).toBe(202);

  const body = SEED_FULL.replace('"test-123"', JSON.stringify(feature.id));
  const post = (repositoryKey: string) =>
    page.request.post("/api/v1/webhooks/analysis-result", {
      headers: {
        "content-type": "application/json",
        "x-feature-id": feature.id,
        "x-webhook-signature": hmac(hmac(repositoryKey, feature.id), body),
      },
      data: body,
    });
  const refused = await post(await callbackKey(page, "demo-org/other-app"));
  expect(refused.status()).toBe(401);
  const accepted = await post(key);
  expect(accepted.status()).toBe(200);
  expect(await accepted.json()).toMatchObject({ status: "success", analysis_status: "completed" });

  await page.goto(`/features/${feature.id}`);
  await expect(page.getByTestId("feature-status")).toHaveText("completed");
  const analysis = page.getByTestId("analysis");
  const warnings = analysis.getByTestId("analysis-warnings");
  await expect(warnings).toContainText("No backend code found");
  await expect(warnings).toContainText("missing_infrastructure");
  await expect(warnings.locator("[data-level]")).toHaveText("high");
  await expect(analysis.getByTestId("analysis-complexity")).toContainText("8 story points");
  await expect(analysis.getByTestId("analysis-complexity")).toContainText("24 hours estimated");
  await expect(analysis.getByTestId("analysis-modules")).toContainText("src/api.py");
  await expect(analysis.getByTestId("analysis-modules")).toContainText("new");
  const tasks = analysis.getByTestId("analysis-tasks");
  await expect(tasks).toContainText("task-1");
  await expect(tasks).toContainText("Setup backend");
  await expect(tasks).toContainText("prerequisite");
  const risks = analysis.getByTestId("analysis-risks");
  await expect(risks).toContainText("security");
  await expect(risks.locator("[data-level]")).toHaveText("medium");
  const recommendations = analysis.getByTestId("analysis-recommendations");
  await expect(recommendations).toContainText("Start with MVP");
  await expect(recommendations).toContainText("Use existing framework");
  const state = analysis.getByTestId("analysis-repository-state");
  await expect(state).toContainText("has backend code");
  await expect(state).toContainText("no");
  await expect(state).toContainText("maturity level");
  await expect(state).toContainText("empty");
  const metadata = analysis.getByTestId("analysis-metadata");
  await expect(metadata).toContainText("workflow run id");
  await expect(metadata).toContainText("12345");
  await expect(metadata).toContainText("2026-01-07T10:00:00Z");
  await expect(analysis.getByTestId("analysis-other-fields")).toContainText(feature.id);
  await screenshot(page, "analysis-seed-format");
});
