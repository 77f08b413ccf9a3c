import "server-only";

import { and, eq, or, sql } from "drizzle-orm";

import { features } from "@/db/schema";

import { addFeatureEvent } from "./add-feature-event";
import type { AnalysisDeps } from "./deps";
import { settleCompletedRun } from "./settle-completed-run";

export interface WorkflowRunCompleted {
  runId: number;
  /** The run name: carries the correlation id when the dispatch answered without the run id. */
  runName: string | null;
  conclusion: string | null;
  repository: string;
}

const CORRELATION_IN_NAME = /\[([0-9a-f-]{36})\]\s*$/i;

/**
 * The App's workflow_run `completed` webhook for a run we dispatched: the result is fetched at once
 * instead of waiting for the next poll. Runs that are not an analysis in flight are ignored.
 */
export async function handleWorkflowRunCompleted(
  deps: AnalysisDeps,
  run: WorkflowRunCompleted,
): Promise<{ matched: boolean; recorded: boolean }> {
  const correlationId = run.runName ? CORRELATION_IN_NAME.exec(run.runName)?.[1] : undefined;
  const [feature] = await deps.db
    .select()
    .from(features)
    .where(
      and(
        eq(features.status, "analyzing"),
        // GitHub spells the name as the repository has it; the feature as its author typed it.
        sql`lower(${features.repository}) = lower(${run.repository})`,
        correlationId
          ? or(eq(features.analysisWorkflowRunId, run.runId), eq(features.analysisCorrelationId, correlationId))
          : eq(features.analysisWorkflowRunId, run.runId),
      ),
    )
    .limit(1);
  if (!feature?.analysisCorrelationId) return { matched: false, recorded: false };
  await addFeatureEvent(deps.db, {
    featureId: feature.id,
    correlationId: feature.analysisCorrelationId,
    kind: "workflow_run_received",
    message: `workflow_run webhook: run ${run.runId} completed (${run.conclusion ?? "no conclusion"})`,
    detail: { workflow_run_id: run.runId, conclusion: run.conclusion },
  });
  const octokit = await deps.octokitFor(feature.repository);
  const { recorded } = await settleCompletedRun(
    deps,
    octokit,
    {
      featureId: feature.id,
      correlationId: feature.analysisCorrelationId,
      repository: feature.repository,
      runId: run.runId,
      conclusion: run.conclusion,
    },
    "workflow_run_event",
  );
  return { matched: true, recorded };
}
