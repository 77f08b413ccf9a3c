import type { AnalysisSource } from "@/db/schema";
import { ArtifactContentError, downloadArtifactJson } from "@/lib/github/workflows";
import type { InstallationOctokit } from "@/lib/github/github-app";
import { ANALYSIS_ARTIFACT_FILE, analysisArtifactName, analysisResultSchema } from "./analysis-result";
import type { AnalysisDeps } from "./deps";
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
  const outcome = run.conclusion === "success" ? await outcomeFromArtifact(octokit, run) : failedConclusion(run.conclusion);
  return recordAnalysisOutcome(deps, { featureId: run.featureId, correlationId: run.correlationId, source, workflowRunId: run.runId, outcome });
}

async function outcomeFromArtifact(octokit: InstallationOctokit, run: CompletedRun): Promise<AnalysisOutcome> {
  const name = analysisArtifactName(run.featureId);
  let content: unknown;
  try {
    content = await downloadArtifactJson(octokit, { repository: run.repository, runId: run.runId, name, file: ANALYSIS_ARTIFACT_FILE });
  } catch (error) {
    if (error instanceof ArtifactContentError) return { status: "failed", error: error.message };
    throw error;
  }
  if (content === null) return { status: "failed", error: `The run succeeded but uploaded no artifact ${name}` };
  const parsed = analysisResultSchema.safeParse(content);
  if (!parsed.success) return { status: "failed", error: `The result in ${name} does not match the analysis schema: ${parsed.error.issues[0]?.message}` };
  return outcomeFromResult(parsed.data);
}

function failedConclusion(conclusion: string | null): AnalysisOutcome {
  return { status: "failed", error: `The analysis workflow run ended ${conclusion ?? "without a conclusion"}` };
}
