import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

import { POST } from "@/app/api/v1/webhooks/analysis-result/route";
import { analyses } from "@/db/schema";
import { setUpTestDatabase } from "@/test/database";
import { startAppTestExecutor } from "@/test/embedded-jobs";
import { createTestFeature, TEST_WEBHOOK_SECRET } from "@/test/features";
import { serveRoutes } from "@/test/serve-route";

import { ANALYSIS_WORKFLOW_INPUTS, analysisRunName } from "./analysis-result";
import { repositoryCallbackKey } from "./callback-signature";

const { db } = await setUpTestDatabase();
await startAppTestExecutor(db);
const workflow = parse(readFileSync(path.join(process.cwd(), "public/workflows/analyze-feature.yml"), "utf8"));
const steps: { name?: string; run?: string; with?: Record<string, string> }[] = workflow.jobs.analyze.steps;

describe("the shipped analyze-feature.yml", () => {
  it("takes the dispatch inputs and names its run and artifact as the app expects", () => {
    expect(Object.keys(workflow.on.workflow_dispatch.inputs).sort()).toEqual([...ANALYSIS_WORKFLOW_INPUTS].sort());
    const runName = (workflow["run-name"] as string).replace("${{ inputs.feature_id }}", "F").replace("${{ inputs.correlation_id }}", "C");
    expect(runName).toBe(analysisRunName("F", "C"));
    const upload = steps.find((step) => step.with?.name);
    expect(upload?.with?.name).toBe("feature-analysis-${{ inputs.feature_id }}");
    expect(upload?.with?.path).toBe("analysis-output/analysis.json");
  });

  it("posts a callback (bash, openssl, jq, curl) that the app verifies and records", async () => {
    const feature = await createTestFeature(db, { analyzing: true });
    const { url } = await serveRoutes({ "/api/v1/webhooks/analysis-result": POST });
    const work = mkdtempSync(path.join(os.tmpdir(), "workflow-"));
    mkdirSync(path.join(work, "analysis-output"));
    writeFileSync(
      path.join(work, "analysis-output/analysis.json"),
      JSON.stringify({ complexity: { level: "low" }, recommendations: ["ship it"] }),
    );
    const script = steps.find((step) => step.name === "Post the signed callback")!.run!;

    const { stdout } = await promisify(execFile)("bash", ["-euo", "pipefail", "-c", script], {
      cwd: work,
      env: {
        NODE_ENV: "test",
        PATH: process.env.PATH,
        FEATURE_ID: feature.id,
        CORRELATION_ID: feature.analysisCorrelationId!,
        // The repository's secret is its repository key, as an admin reads it from the repository's page.
        WEBHOOK_SECRET: repositoryCallbackKey(TEST_WEBHOOK_SECRET, feature.repository),
        CALLBACK_URL: `${url}/api/v1/webhooks/analysis-result`,
        GITHUB_RUN_ID: "9001",
      },
    });

    expect(JSON.parse(stdout)).toEqual({ status: "success", feature_id: feature.id, analysis_status: "completed" });
    const [analysis] = await db.select().from(analyses).where(eq(analyses.featureId, feature.id));
    expect(analysis).toMatchObject({ source: "webhook", workflowRunId: 9001, result: { recommendations: ["ship it"] } });
  });
});
