import "server-only";

import type { z } from "zod";

import type { Analysis, Feature, FeatureEvent } from "@/db/schema";
import type { featureView } from "@/lib/openapi/feature-schemas";

/** A feature as every API answers it: never its webhook secret. */
export function toFeatureView(feature: Feature): FeatureView {
  return {
    id: feature.id,
    name: feature.name,
    description: feature.description,
    priority: feature.priority,
    status: feature.status,
    repository: feature.repository,
    github_issue_url: feature.githubIssueUrl,
    failure_reason: feature.failureReason,
    created_by: feature.createdBy,
    analysis_request: feature.analysisCorrelationId
      ? {
          correlation_id: feature.analysisCorrelationId,
          workflow_run_id: feature.analysisWorkflowRunId,
          callback_url: feature.analysisCallbackUrl,
          requested_at: feature.analysisRequestedAt?.toISOString() ?? null,
          webhook_received_at: feature.webhookReceivedAt?.toISOString() ?? null,
          last_polled_at: feature.lastPolledAt?.toISOString() ?? null,
        }
      : null,
    created_at: feature.createdAt.toISOString(),
    updated_at: feature.updatedAt.toISOString(),
  };
}

export function toAnalysisView(analysis: Analysis) {
  return {
    id: analysis.id,
    correlation_id: analysis.correlationId,
    source: analysis.source,
    status: analysis.status,
    result: analysis.result,
    error: analysis.error,
    model_used: analysis.modelUsed,
    tokens_used: analysis.tokensUsed,
    workflow_run_id: analysis.workflowRunId,
    completed_at: analysis.completedAt.toISOString(),
  };
}

export function toFeatureEventView(event: FeatureEvent) {
  return {
    id: event.id,
    correlation_id: event.correlationId,
    kind: event.kind,
    message: event.message,
    detail: event.detail,
    created_at: event.createdAt.toISOString(),
  };
}

export type FeatureView = z.output<typeof featureView>;
export type AnalysisView = ReturnType<typeof toAnalysisView>;
export type FeatureEventView = ReturnType<typeof toFeatureEventView>;
/** A feature's page: its analyses and timeline, each workflow run linked on GitHub when known. */
export type FeatureDetailView = FeatureView & {
  workflow_run_url: string | null;
  analyses: (AnalysisView & { workflow_run_url: string | null })[];
  events: FeatureEventView[];
};
