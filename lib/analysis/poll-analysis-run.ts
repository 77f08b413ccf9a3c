import "server-only";

import { eq } from "drizzle-orm";

import { features } from "@/db/schema";
import { transientGithubError } from "@/lib/github/github-errors";
import { findRunArtifact, findRunByName, getWorkflowRun } from "@/lib/github/workflows";

import { addFeatureEvent } from "./add-feature-event";
import { analysisArtifactName, analysisRunName } from "./analysis-result";
import type { AnalysisDeps } from "./deps";
import { settleCompletedRun, settleFromArtifact } from "./settle-completed-run";

export interface PollInput {
  featureId: string;
  correlationId: string;
  runId: number | null;
  /** Which poll of the attempt this is (0-based): the run's status is read on every RUN_STATUS_EVERY_POLLS-th. */
  poll: number;
  /** ETags of the last answers: the run's status and its artifact list. */
  etag?: string;
  artifactEtag?: string;
}

/**
 * Between status reads the poller only asks for the result artifact: the shipped workflow uploads it
 * before the run completes, and its list answers a free 304 until then, whereas every status change
 * (queued → in_progress → completed) costs a counted call. The status is still read every 10th poll
 * (5 minutes at the default interval) so a run that fails without a result is noticed.
 */
export const RUN_STATUS_EVERY_POLLS = 10;

/** What one poll found. `checkedAt` comes from the step, so the poller's decisions replay identically. */
export type PollResult = { checkedAt: string } & (
  | { state: "settled" }
  | { state: "running"; runId: number | null; etag?: string; artifactEtag?: string; runStatus: string }
  | { state: "transient"; reason: string; retryAt?: string }
);

/**
 * One poll of an attempt's workflow run: finds the run when the dispatch did not name it, asks for its
 * result artifact and, every RUN_STATUS_EVERY_POLLS-th poll, its status — both by conditional request —
 * and records the result once there is one. Transient GitHub errors and rate limits come back as
 * `transient` (with when to retry) and never fail the feature.
 */
export async function pollAnalysisRun(deps: AnalysisDeps, input: PollInput): Promise<PollResult> {
  const checkedAt = deps.now();
  const at = { checkedAt: checkedAt.toISOString() };
  const [feature] = await deps.db.select().from(features).where(eq(features.id, input.featureId));
  if (!feature || feature.status !== "analyzing" || feature.analysisCorrelationId !== input.correlationId) {
    return { ...at, state: "settled" };
  }
  const event = { featureId: feature.id, correlationId: input.correlationId };
  const polled = async (message: string, detail?: Record<string, unknown>) => {
    await markPolled(deps, feature.id, checkedAt);
    await addFeatureEvent(deps.db, { ...event, kind: "polled", message: `Polled GitHub: ${message}`, detail });
  };
  try {
    const octokit = await deps.octokitFor(feature.repository);
    let runId = input.runId ?? feature.analysisWorkflowRunId;
    if (!runId) {
      runId = await findRunByName(octokit, {
        repository: feature.repository,
        workflow: deps.settings.workflow,
        marker: analysisRunName(feature.id, input.correlationId),
        since: feature.analysisRequestedAt ?? feature.updatedAt,
      });
      if (!runId) {
        await polled("the dispatched run is not listed yet");
        return { ...at, state: "running", runId: null, runStatus: "not listed" };
      }
      await deps.db.update(features).set({ analysisWorkflowRunId: runId }).where(eq(features.id, feature.id));
    }
    const run = { ...event, repository: feature.repository, runId };

    const artifact = await findRunArtifact(octokit, {
      repository: feature.repository,
      runId,
      name: analysisArtifactName(feature.id),
      etag: input.artifactEtag,
    });
    if (!artifact.notModified && artifact.artifactId) {
      await polled(`run ${runId} uploaded its result`, { workflow_run_id: runId, artifact_id: artifact.artifactId });
      await settleFromArtifact(deps, octokit, { ...run, artifactId: artifact.artifactId }, "polling");
      return { ...at, state: "settled" };
    }
    const artifactEtag = artifact.notModified ? input.artifactEtag : artifact.etag;
    const unchanged = "(304, no rate limit used)";
    if ((input.poll + 1) % RUN_STATUS_EVERY_POLLS !== 0) {
      await polled(`no result from run ${runId} yet${artifact.notModified ? ` ${unchanged}` : ""}`, { workflow_run_id: runId });
      return { ...at, state: "running", runId, etag: input.etag, artifactEtag, runStatus: "no result yet" };
    }

    const answer = await getWorkflowRun(octokit, { repository: feature.repository, runId, etag: input.etag });
    if (answer.notModified) {
      await polled(`run unchanged ${unchanged}`, { workflow_run_id: runId });
      return { ...at, state: "running", runId, etag: input.etag, artifactEtag, runStatus: "unchanged" };
    }
    const { status, conclusion } = answer.run;
    await polled(`run ${runId} is ${status}${conclusion ? ` (${conclusion})` : ""}`, { workflow_run_id: runId, status, conclusion });
    if (status !== "completed") return { ...at, state: "running", runId, etag: answer.etag, artifactEtag, runStatus: status ?? "unknown" };
    await settleCompletedRun(deps, octokit, { ...run, conclusion }, "polling");
    return { ...at, state: "settled" };
  } catch (error) {
    const transient = transientGithubError(error, checkedAt);
    if (!transient) throw error;
    await addFeatureEvent(deps.db, {
      ...event,
      kind: "transient_error",
      message: `GitHub did not answer the poll (${transient.reason}); retrying${transient.retryAt ? ` after ${transient.retryAt.toISOString()}` : ""}`,
    });
    return { ...at, state: "transient", reason: transient.reason, retryAt: transient.retryAt?.toISOString() };
  }
}

async function markPolled(deps: AnalysisDeps, featureId: string, at: Date) {
  await deps.db.update(features).set({ lastPolledAt: at }).where(eq(features.id, featureId));
}
