import "server-only";

import { randomUUID } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";

import { features, type Feature } from "@/db/schema";
import { analysisRequested } from "@/inngest/events";
import { AppError, notFound } from "@/lib/errors";
import { findFeature } from "@/lib/features/find-feature";
import { githubErrorMessage, githubRequestError } from "@/lib/github/github-errors";
import { dispatchWorkflow, findRunByName, getDefaultBranch } from "@/lib/github/workflows";
import { findRepositorySettings } from "@/lib/repositories/repository-settings";

import { addFeatureEvent } from "./add-feature-event";
import { analysisRunName } from "./analysis-result";
import type { AnalysisDeps } from "./deps";

export const CALLBACK_PATH = "/api/v1/webhooks/analysis-result";

export interface AnalysisRequested {
  feature: Feature;
  runId: number | null;
  callbackUrl: string | null;
}

/**
 * Starts an analysis attempt: claims the feature (409 while one is in flight), dispatches the workflow
 * (the repository's own workflow file and ref when an admin set them, else ANALYSIS_WORKFLOW on
 * ANALYSIS_WORKFLOW_REF or the repository's default branch) with a fresh correlation id, and hands the attempt to the poller. When GitHub refuses the dispatch the
 * feature is put back exactly as it was and the caller gets a 502 (422 when the App is not installed).
 */
export async function requestAnalysis(deps: AnalysisDeps, featureId: string): Promise<AnalysisRequested> {
  const before = await findFeature(deps.db, featureId);
  if (!before) throw notFound("Feature");
  const correlationId = randomUUID();
  const callbackUrl = deps.settings.callbackBaseUrl ? `${deps.settings.callbackBaseUrl}${CALLBACK_PATH}` : null;
  const requestedAt = deps.now();
  const [claimed] = await deps.db
    .update(features)
    .set({
      status: "analyzing",
      analysisCorrelationId: correlationId,
      analysisWorkflowRunId: null,
      analysisCallbackUrl: callbackUrl,
      analysisRequestedAt: requestedAt,
      webhookReceivedAt: null,
      lastPolledAt: null,
      failureReason: null,
      updatedAt: requestedAt,
    })
    .where(and(eq(features.id, featureId), ne(features.status, "analyzing")))
    .returning();
  if (!claimed) throw new AppError(409, "analysis_in_progress", "An analysis of this feature is already in flight");

  let runId: number | null;
  try {
    const octokit = await deps.octokitFor(claimed.repository);
    const overrides = await findRepositorySettings(deps.db, claimed.repository);
    const workflow = overrides?.analysisWorkflow ?? deps.settings.workflow;
    const ref = overrides?.analysisRef ?? deps.settings.ref ?? (await getDefaultBranch(octokit, claimed.repository));
    ({ runId } = await dispatchWorkflow(octokit, {
      repository: claimed.repository,
      workflow,
      ref,
      inputs: {
        feature_id: claimed.id,
        feature_description: `${claimed.name}\n\n${claimed.description}`,
        callback_url: callbackUrl ?? "",
        correlation_id: correlationId,
      },
    }));
    // GitHub answered 204 without the run id: the run carries the correlation id in its name.
    runId ??= await findRunByName(octokit, {
      repository: claimed.repository,
      workflow,
      marker: analysisRunName(claimed.id, correlationId),
      since: requestedAt,
    }).catch(() => null);
  } catch (error) {
    await restoreFeature(deps, before, correlationId);
    const refused = dispatchRefused(error, claimed.repository);
    // The feature is as it was, but the attempt that never started stays on its timeline, with why.
    await addFeatureEvent(deps.db, {
      featureId,
      correlationId,
      kind: "dispatch_failed",
      message: `The analysis did not start: ${refused.message}`,
    });
    throw refused;
  }

  const [feature] = await deps.db
    .update(features)
    .set({ analysisWorkflowRunId: runId })
    .where(and(eq(features.id, featureId), eq(features.analysisCorrelationId, correlationId)))
    .returning();
  await addFeatureEvent(deps.db, {
    featureId,
    correlationId,
    kind: "requested",
    message: runId
      ? `Analysis requested: workflow run ${runId} dispatched in ${claimed.repository}`
      : `Analysis requested: workflow dispatched in ${claimed.repository} (run not listed yet)`,
    detail: { workflow_run_id: runId, callback: callbackUrl !== null },
  });
  await deps.sendEvent({
    name: analysisRequested.name,
    data: {
      feature_id: featureId,
      correlation_id: correlationId,
      run_id: runId,
      requested_at: requestedAt.toISOString(),
      callback: callbackUrl !== null,
    },
  });
  deps.log.info("analysis requested", { feature_id: featureId, correlation_id: correlationId, workflow_run_id: runId });
  return { feature: feature ?? claimed, runId, callbackUrl };
}

/** Puts the attempt's columns back as they were, unless another request has claimed the feature since. */
async function restoreFeature(deps: AnalysisDeps, before: Feature, correlationId: string) {
  await deps.db
    .update(features)
    .set({
      status: before.status,
      analysisCorrelationId: before.analysisCorrelationId,
      analysisWorkflowRunId: before.analysisWorkflowRunId,
      analysisCallbackUrl: before.analysisCallbackUrl,
      analysisRequestedAt: before.analysisRequestedAt,
      webhookReceivedAt: before.webhookReceivedAt,
      lastPolledAt: before.lastPolledAt,
      failureReason: before.failureReason,
      updatedAt: before.updatedAt,
    })
    .where(and(eq(features.id, before.id), eq(features.analysisCorrelationId, correlationId)));
}

function dispatchRefused(error: unknown, repository: string): AppError {
  const message = githubErrorMessage(error);
  const requestError = githubRequestError(error);
  if (requestError?.status === 404 && /\/installation$/.test(requestError.request.url)) {
    return new AppError(422, "repository_not_installed", `The GitHub App is not installed on ${repository}`);
  }
  return new AppError(502, "github_dispatch_failed", `GitHub refused to start the analysis workflow: ${message}`);
}
