import { eq } from "drizzle-orm";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";

import { analyses, features } from "@/db/schema";
import { requestTestAnalysis, testAnalysisDeps } from "@/test/analysis";
import { seedAnalysisResult } from "@/test/analysis-fixtures";
import { setUpTestDatabase } from "@/test/database";
import { startTestGithub } from "@/test/github-simulator";

import { ANALYSIS_ARTIFACT_FILE, analysisArtifactName } from "./analysis-result";
import { settleFromArtifact } from "./settle-completed-run";

const { db } = await setUpTestDatabase();
// Runs stay in progress: the test uploads the artifact itself.
const github = await startTestGithub({ timings: { queuedMs: 10, runMs: 600_000 } });
const deps = testAnalysisDeps(db, github);

/** An attempt in flight whose run has uploaded `content` as its result artifact. */
async function runWithArtifact(content: (featureId: string) => string) {
  const { feature, runId } = await requestTestAnalysis(deps);
  const artifactId = github.simulator.state.nextId();
  github.simulator.state.artifacts.set(artifactId, {
    id: artifactId,
    runId: runId!,
    repository: feature.repository,
    name: analysisArtifactName(feature.id),
    zip: zipSync({ [ANALYSIS_ARTIFACT_FILE]: strToU8(content(feature.id)) }),
    createdAt: new Date(),
  });
  const run = {
    featureId: feature.id,
    correlationId: feature.analysisCorrelationId!,
    repository: feature.repository,
    runId: runId!,
    artifactId,
  };
  return { feature, run };
}

describe("a result artifact", () => {
  it("in the original design's flat format is recorded as written, every field kept", async () => {
    const fixture = seedAnalysisResult("seed-full");
    const { feature, run } = await runWithArtifact(fixture.forFeature);
    const octokit = await deps.octokitFor(feature.repository);
    expect(await settleFromArtifact(deps, octokit, run, "polling")).toEqual({ recorded: true, status: "completed" });
    const [row] = await db.select().from(analyses).where(eq(analyses.featureId, feature.id));
    expect(row!.result).toEqual(JSON.parse(fixture.forFeature(feature.id)));
  });

  it("in the flat format with an error is a failed analysis with that reason", async () => {
    const { feature, run } = await runWithArtifact(seedAnalysisResult("seed-error").forFeature);
    expect(await settleFromArtifact(deps, await deps.octokitFor(feature.repository), run, "polling")).toMatchObject({ status: "failed" });
    const [after] = await db.select().from(features).where(eq(features.id, feature.id));
    expect(after!.failureReason).toBe("Analysis timeout");
  });

  it("naming another feature fails the attempt instead of recording someone else's result", async () => {
    const { feature, run } = await runWithArtifact(() => seedAnalysisResult("seed-minimal").text);
    expect(await settleFromArtifact(deps, await deps.octokitFor(feature.repository), run, "polling")).toMatchObject({ status: "failed" });
    const [after] = await db.select().from(features).where(eq(features.id, feature.id));
    expect(after!.failureReason).toMatch(/is for feature test-123, not this one/);
  });
});
