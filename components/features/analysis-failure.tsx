"use client";

import { ExternalLink, RotateCw } from "lucide-react";

import { usePostAction } from "@/components/hooks/use-post-action";
import { Alert } from "@/components/ui/alert";
import { PendingButton } from "@/components/ui/pending-button";
import type { FeatureDetailView } from "@/lib/features/feature-view";
import { queryKeys } from "@/lib/ui/query-keys";

/** Why the last analysis failed, the workflow run to look at, and Retry. */
export function AnalysisFailure({ feature }: { feature: FeatureDetailView }) {
  const retry = usePostAction(`/api/v1/features/${feature.id}/analyze`, [queryKeys.features.detail(feature.id), queryKeys.features.all], {
    refreshOnError: true,
  });
  if (feature.status !== "failed" || !feature.failure_reason) return null;
  return (
    <Alert variant="error" announce={false} data-testid="analysis-failure">
      <div className="flex flex-col gap-2">
        <p className="font-medium">The analysis did not finish</p>
        <p>{feature.failure_reason}</p>
        <div className="flex flex-wrap items-center gap-3">
          <PendingButton size="sm" pending={retry.isPending} icon={RotateCw} onClick={() => retry.mutate()}>
            Retry
          </PendingButton>
          {feature.workflow_run_url && (
            <a
              href={feature.workflow_run_url}
              target="_blank"
              rel="noreferrer"
              className="inline-flex items-center gap-1 font-medium underline-offset-2 hover:underline"
            >
              View workflow run
              <ExternalLink className="size-3.5" />
            </a>
          )}
        </div>
        {retry.error && <p>Could not retry: {retry.error.message}</p>}
      </div>
    </Alert>
  );
}
