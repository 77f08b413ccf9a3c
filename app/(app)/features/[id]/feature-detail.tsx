"use client";

import { useQuery } from "@tanstack/react-query";
import { Workflow } from "lucide-react";

import { AnalysisFailure } from "@/components/features/analysis-failure";
import { AnalysisHistory } from "@/components/features/analysis-history";
import { FeatureActions } from "@/components/features/feature-actions";
import { BackLink } from "@/components/shell/back-link";
import { DetailFallback } from "@/components/shell/detail-fallback";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { Fact } from "@/components/ui/fact";
import { FormError } from "@/components/ui/form-message";
import { RelativeTime } from "@/components/ui/relative-time";
import { LevelBadge, StatusBadge } from "@/components/ui/status-badge";
import type { FeatureDetailView } from "@/lib/features/feature-view";
import { apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";

import { AnalysisReport } from "./analysis-report";
import { FeatureTimeline } from "./feature-timeline";

/** A feature, its analysis timeline and its latest analysis; polls while an analysis runs. */
export function FeatureDetail({ id }: { id: string }) {
  const feature = useQuery({
    queryKey: queryKeys.features.detail(id),
    queryFn: () => apiFetch<FeatureDetailView>(`/api/v1/features/${id}`),
    refetchInterval: (query) => (query.state.data?.status === "analyzing" ? 1500 : false),
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
  const [latest] = detail.analyses;
  // A failure is told once, by AnalysisFailure (why, the run, Retry): the report and history leave its reason out.
  const failed = detail.status === "failed" && detail.failure_reason !== null;

  return (
    <>
      <BackLink href="/features">Features</BackLink>
      <PageHeader title={detail.name} actions={<FeatureActions feature={detail} />} />
      <div className="flex flex-col gap-6">
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
          </CardContent>
        </Card>

        <div className="grid items-start gap-6 lg:grid-cols-3">
          <div className="flex flex-col gap-6 lg:col-span-2">
            {failed && <AnalysisFailure feature={detail} />}
            {latest ? (
              (!failed || latest.result !== null) && (
                <AnalysisReport key={latest.id} analysis={latest} superseding={analyzing} showError={!failed} />
              )
            ) : (
              <EmptyState icon={Workflow} title={analyzing ? "Analysis running" : "Not analyzed yet"}>
                {analyzing
                  ? "GitHub Actions is analyzing the feature; the result shows here as soon as it comes home."
                  : `Press Analyze to run the analysis workflow in ${detail.repository}.`}
              </EmptyState>
            )}
            {detail.analyses.length > 1 && <AnalysisHistory analyses={detail.analyses} latestErrorShown={failed} />}
          </div>
          <FeatureTimeline events={detail.events} />
        </div>
      </div>
    </>
  );
}
