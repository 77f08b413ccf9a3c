"use client";

import { useQuery } from "@tanstack/react-query";
import { Sparkles, Workflow } from "lucide-react";

import { usePostAction } from "@/components/hooks/use-post-action";
import { BackLink } from "@/components/shell/back-link";
import { DetailFallback } from "@/components/shell/detail-fallback";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { ActivityItem } from "@/components/ui/activity-item";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, SectionCard } from "@/components/ui/card";
import { Fact } from "@/components/ui/fact";
import { FormError } from "@/components/ui/form-message";
import { PendingButton } from "@/components/ui/pending-button";
import { RelativeTime } from "@/components/ui/relative-time";
import { LevelBadge, StatusBadge } from "@/components/ui/status-badge";
import type { AnalysisView, FeatureDetailView } from "@/lib/features/feature-view";
import { apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";

import { AnalysisReport, SOURCE_LABEL } from "./analysis-report";
import { FeatureTimeline } from "./feature-timeline";

/** A feature, its analysis timeline and its latest analysis; polls while an analysis runs. */
export function FeatureDetail({ id }: { id: string }) {
  const feature = useQuery({
    queryKey: queryKeys.features.detail(id),
    queryFn: () => apiFetch<FeatureDetailView>(`/api/v1/features/${id}`),
    refetchInterval: (query) => (query.state.data?.status === "analyzing" ? 1500 : false),
  });
  // Refreshed also after a refusal: a 409 means another tab started one, which the page should now show.
  const analyze = usePostAction(`/api/v1/features/${id}/analyze`, [queryKeys.features.detail(id), queryKeys.features.all], {
    refreshOnError: true,
  });

  const detail = feature.data;
  if (!detail) {
    return (
      <DetailFallback query={feature} backHref="/features" backLabel="Features" what="the feature" notFoundTitle="Feature not found">
        There is no feature with this id. It may have been deleted, or the link is incomplete.
      </DetailFallback>
    );
  }
  const analyzing = detail.status === "analyzing";
  const [latest, ...earlier] = detail.analyses;

  return (
    <>
      <BackLink href="/features">Features</BackLink>
      <PageHeader
        title={detail.name}
        actions={
          <PendingButton onClick={() => analyze.mutate()} pending={analyzing || analyze.isPending} icon={Sparkles}>
            Analyze
          </PendingButton>
        }
      />
      <div className="flex flex-col gap-6">
        {analyze.error && <Alert variant="error">Could not start the analysis: {analyze.error.message}</Alert>}
        {feature.error && <FormError>Could not refresh: {feature.error.message}</FormError>}

        <Card>
          <CardContent className="flex flex-col gap-4 pt-6">
            <dl className="flex flex-wrap items-center gap-x-8 gap-y-2 text-sm">
              <Fact term="Status">
                <StatusBadge status={detail.status} data-testid="feature-status" />
              </Fact>
              <Fact term="Priority">
                <LevelBadge level={detail.priority} />
              </Fact>
              <Fact term="Repository">
                <code className="text-xs">{detail.repository}</code>
              </Fact>
              {detail.analysis_request && (
                <Fact term="Last requested">
                  <RelativeTime value={detail.analysis_request.requested_at} />
                  {detail.analysis_request.workflow_run_id && (
                    <span className="text-muted-foreground"> · run {detail.analysis_request.workflow_run_id}</span>
                  )}
                </Fact>
              )}
            </dl>
            <p className="text-sm whitespace-pre-wrap">{detail.description}</p>
            {detail.status === "failed" && detail.failure_reason && (
              <Alert variant="error" size="compact" announce={false}>
                The last analysis failed: {detail.failure_reason}
              </Alert>
            )}
          </CardContent>
        </Card>

        <div className="grid items-start gap-6 lg:grid-cols-3">
          <div className="flex flex-col gap-6 lg:col-span-2">
            {latest ? (
              <AnalysisReport key={latest.id} analysis={latest} superseding={analyzing} />
            ) : (
              <EmptyState icon={Workflow} title={analyzing ? "Analysis running" : "Not analyzed yet"}>
                {analyzing
                  ? "GitHub Actions is analyzing the feature; the result shows here as soon as it comes home."
                  : `Press Analyze to run the analysis workflow in ${detail.repository}.`}
              </EmptyState>
            )}
            {earlier.length > 0 && <EarlierAnalyses analyses={earlier} />}
          </div>
          <FeatureTimeline events={detail.events} />
        </div>
      </div>
    </>
  );
}

function EarlierAnalyses({ analyses }: { analyses: AnalysisView[] }) {
  return (
    <SectionCard title="Earlier analyses">
      <ul className="flex flex-col divide-y divide-border text-sm" data-testid="earlier-analyses">
        {analyses.map((analysis) => (
          <ActivityItem key={analysis.id} time={analysis.completed_at} className="py-2" timeClassName="ml-auto">
            <StatusBadge status={analysis.status} />
            <span className="text-muted-foreground">{SOURCE_LABEL[analysis.source]}</span>
            {analysis.error && <span className="text-destructive">{analysis.error}</span>}
          </ActivityItem>
        ))}
      </ul>
    </SectionCard>
  );
}
