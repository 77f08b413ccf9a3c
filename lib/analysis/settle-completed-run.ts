import "server-only";

import type { AnalysisSource } from "@/db/schema";
import type { InstallationOctokit } from "@/lib/github/github-app";
import { ArtifactContentError, downloadArtifactJson, findRunArtifact } from "@/lib/github/workflows";

import { ANALYSIS_ARTIFACT_FILE, analysisArtifactName, analysisDocumentSchema } from "./analysis-result";
import type { AnalysisDeps } from "./deps";
import { runConclusionReason } from "./failure-reasons";
import { outcomeFromResult, recordAnalysisOutcome, type AnalysisOutcome } from "./record-analysis-outcome";

export interface CompletedRun {
  featureId: string;
  correlationId: string;
  repository: string;
  runId: number;
  conclusion: string | null;
}

/**
 * Records the result of a completed run, from polling or from the workflow_run webhook: on success the
 * result artifact is downloaded, validated and recorded; any other conclusion is a failed analysis.
 * GitHub errors propagate (the caller retries); a missing or unreadable artifact is the analysis' failure.
 */
export async function settleCompletedRun(
  deps: Pick<AnalysisDeps, "db" | "sendEvent" | "now" | "log" | "outbox">,
  octokit: InstallationOctokit,
  run: CompletedRun,
  source: AnalysisSource,
) {
  let outcome: AnalysisOutcome;
  if (run.conclusion === "success") {
    const found = await findRunArtifact(octokit, {
      repository: run.repository,
      runId: run.runId,
      name: analysisArtifactName(run.featureId),
    });
    const artifactId = found.notModified ? null : found.artifactId;
    outcome = artifactId
      ? await outcomeFromArtifact(octokit, { ...run, artifactId })
      : { status: "failed", error: `The run succeeded but uploaded no artifact ${analysisArtifactName(run.featureId)}` };
  } else {
    outcome = { status: "failed", error: runConclusionReason(run.conclusion) };
  }
  return recordRunOutcome(deps, run, source, outcome);
}

/** Records the result a run uploaded, whether or not the run has completed yet: the artifact is the result. */
export async function settleFromArtifact(
  deps: Pick<AnalysisDeps, "db" | "sendEvent" | "now" | "log" | "outbox">,
  octokit: InstallationOctokit,
  run: Omit<CompletedRun, "conclusion"> & { artifactId: number },
  source: AnalysisSource,
) {
  const outcome = await outcomeFromArtifact(octokit, run);
  return recordRunOutcome(deps, run, source, outcome);
}

/** Records an outcome against the analysis attempt the run was dispatched for. */
function recordRunOutcome(
  deps: Pick<AnalysisDeps, "db" | "sendEvent" | "now" | "log" | "outbox">,
  run: Pick<CompletedRun, "featureId" | "correlationId" | "runId">,
  source: AnalysisSource,
  outcome: AnalysisOutcome,
) {
  return recordAnalysisOutcome(deps, {
    featureId: run.featureId,
    correlationId: run.correlationId,
    source,
    workflowRunId: run.runId,
    outcome,
  });
}

async function outcomeFromArtifact(
  octokit: InstallationOctokit,
  run: { featureId: string; repository: string; artifactId: number },
): Promise<AnalysisOutcome> {
  const name = analysisArtifactName(run.featureId);
  let content: unknown;
  try {
    content = await downloadArtifactJson(octokit, {
      repository: run.repository,
      artifactId: run.artifactId,
      name,
      file: ANALYSIS_ARTIFACT_FILE,
    });
  } catch (error) {
    if (error instanceof ArtifactContentError) return { status: "failed", error: error.message };
    throw error;
  }
  // Either form: the bare or flat result, or the nested callback body.
  const parsed = analysisDocumentSchema.safeParse(content);
  if (!parsed.success)
    return { status: "failed", error: `The result in ${name} does not match the analysis schema: ${parsed.error.issues[0]?.message}` };
  if (parsed.data.featureId !== undefined && parsed.data.featureId !== run.featureId)
    return { status: "failed", error: `The result in ${name} is for feature ${parsed.data.featureId}, not this one` };
  return outcomeFromResult(parsed.data.result);
}
