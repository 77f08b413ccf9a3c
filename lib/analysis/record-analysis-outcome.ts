import "server-only";

import { and, eq } from "drizzle-orm";

import { analyses, features, type AnalysisSource, type FeatureStatus } from "@/db/schema";
import { toFeatureView } from "@/lib/features/feature-view";
import { withOutbox } from "@/lib/outbound/with-outbox";

import { addFeatureEvent } from "./add-feature-event";
import { resultError, type AnalysisResult } from "./analysis-result";
import type { AnalysisDeps } from "./deps";
import { tellPollerSettled } from "./tell-poller-settled";

export type AnalysisOutcome =
  { status: "completed"; result: AnalysisResult } | { status: "failed"; error: string; result?: AnalysisResult };

export interface RecordAnalysisInput {
  featureId: string;
  correlationId: string;
  source: AnalysisSource;
  workflowRunId?: number | null;
  outcome: AnalysisOutcome;
}

const SOURCE_LABEL: Record<AnalysisSource, string> = {
  webhook: "the signed callback",
  workflow_run_event: "the workflow_run webhook",
  polling: "polling",
};

/**
 * Records an attempt's result exactly once. One transaction moves the feature out of `analyzing` only if
 * it is still analyzing for this attempt; whoever loses a race (callback, workflow_run, poller) records
 * nothing and learns the feature's current status. The unique (feature, attempt) index backs this up.
 */
export async function recordAnalysisOutcome(
  deps: Pick<AnalysisDeps, "db" | "sendEvent" | "now" | "log" | "outbox">,
  input: RecordAnalysisInput,
): Promise<{ recorded: boolean; status: FeatureStatus }> {
  const { outcome } = input;
  const recorded = await withOutbox(deps.db, deps.outbox, async (tx, emit) => {
    const [moved] = await tx
      .update(features)
      .set({
        status: outcome.status,
        failureReason: outcome.status === "failed" ? outcome.error : null,
        updatedAt: deps.now(),
        ...(input.workflowRunId ? { analysisWorkflowRunId: input.workflowRunId } : {}),
      })
      .where(
        and(eq(features.id, input.featureId), eq(features.status, "analyzing"), eq(features.analysisCorrelationId, input.correlationId)),
      )
      .returning();
    if (!moved) return false;
    const metadata = outcome.result?.metadata;
    await tx.insert(analyses).values({
      featureId: input.featureId,
      correlationId: input.correlationId,
      source: input.source,
      status: outcome.status,
      result: outcome.result ?? null,
      error: outcome.status === "failed" ? outcome.error : null,
      modelUsed: typeof metadata?.model === "string" ? metadata.model : null,
      tokensUsed: typeof metadata?.tokens_used === "number" ? metadata.tokens_used : null,
      workflowRunId: input.workflowRunId ?? null,
      completedAt: deps.now(),
    });
    await addFeatureEvent(tx, {
      featureId: input.featureId,
      correlationId: input.correlationId,
      kind: outcome.status,
      // Why it failed is said once, on the failure itself (feature.failure_reason, the analysis' error), not again here.
      message: `Analysis ${outcome.status}, recorded from ${SOURCE_LABEL[input.source]}`,
      detail: { source: input.source },
    });
    await emit(outcome.status === "completed" ? "feature.analysis.completed" : "feature.analysis.failed", {
      feature: toFeatureView(moved),
      analysis: {
        correlation_id: input.correlationId,
        source: input.source,
        status: outcome.status,
        error: outcome.status === "failed" ? outcome.error : null,
        result: outcome.result ?? null,
      },
    });
    return true;
  });
  if (recorded) {
    await tellPollerSettled(deps, input);
    return { recorded, status: outcome.status };
  }
  const [current] = await deps.db.select({ status: features.status }).from(features).where(eq(features.id, input.featureId));
  return { recorded, status: current?.status ?? "pending" };
}

/** A validated analysis result as an outcome: a result carrying `error` is a failed analysis. */
export function outcomeFromResult(result: AnalysisResult): AnalysisOutcome {
  const error = resultError(result);
  return error ? { status: "failed", error, result } : { status: "completed", result };
}
