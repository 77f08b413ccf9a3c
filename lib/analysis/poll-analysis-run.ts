import { eq } from "drizzle-orm";
import { features } from "@/db/schema";
import { transientGithubError } from "@/lib/github/github-errors";
import { findRunByName, getWorkflowRun } from "@/lib/github/workflows";
import { analysisRunName } from "./analysis-result";
import type { AnalysisDeps } from "./deps";
import { addFeatureEvent } from "./feature-events";
import { settleCompletedRun } from "./settle-completed-run";

export interface PollInput {
  featureId: string;
  correlationId: string;
  runId: number | null;
  etag?: string;
}

/** What one poll found. `checkedAt` comes from the step, so the poller's decisions replay identically. */
export type PollResult = { checkedAt: string } & (
  | { state: "settled" }
  | { state: "running"; runId: number | null; etag?: string; runStatus: string }
  | { state: "transient"; reason: string; retryAt?: string }
);

/**
 * One poll of an attempt's workflow run: finds the run when the dispatch did not name it, asks for its
 * status by conditional request, and records the result once it has completed. Transient GitHub errors
 * and rate limits come back as `transient` (with when to retry) and never fail the feature.
 */
export async function pollAnalysisRun(deps: AnalysisDeps, input: PollInput): Promise<PollResult> {
  const checkedAt = deps.now();
  const at = { checkedAt: checkedAt.toISOString() };
  const [feature] = await deps.db.select().from(features).where(eq(features.id, input.featureId));
  if (!feature || feature.status !== "analyzing" || feature.analysisCorrelationId !== input.correlationId) {
    return { ...at, state: "settled" };
  }
  const event = { featureId: feature.id, correlationId: input.correlationId };
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
        await markPolled(deps, feature.id, checkedAt);
        await addFeatureEvent(deps.db, { ...event, kind: "polled", message: "Polled GitHub: the dispatched run is not listed yet" });
        return { ...at, state: "running", runId: null, runStatus: "not listed" };
      }
      await deps.db.update(features).set({ analysisWorkflowRunId: runId }).where(eq(features.id, feature.id));
    }
    const answer = await getWorkflowRun(octokit, { repository: feature.repository, runId, etag: input.etag });
    await markPolled(deps, feature.id, checkedAt);
    if (answer.notModified) {
      await addFeatureEvent(deps.db, { ...event, kind: "polled", message: "Polled GitHub: run unchanged (304, no rate limit used)", detail: { workflow_run_id: runId } });
      return { ...at, state: "running", runId, etag: input.etag, runStatus: "unchanged" };
    }
    const { status, conclusion } = answer.run;
    await addFeatureEvent(deps.db, {
      ...event,
      kind: "polled",
      message: `Polled GitHub: run ${runId} is ${status}${conclusion ? ` (${conclusion})` : ""}`,
      detail: { workflow_run_id: runId, status, conclusion },
    });
    if (status !== "completed") return { ...at, state: "running", runId, etag: answer.etag, runStatus: status ?? "unknown" };
    await settleCompletedRun(deps, octokit, { ...event, repository: feature.repository, runId, conclusion }, "polling");
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
