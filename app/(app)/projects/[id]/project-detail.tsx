"use client";

import { useQuery } from "@tanstack/react-query";
import { ChartArea, GitCommitHorizontal } from "lucide-react";

import { ProjectActions } from "@/components/projects/project-actions";
import { BackLink } from "@/components/shell/back-link";
import { DetailFallback } from "@/components/shell/detail-fallback";
import { PageHeader } from "@/components/shell/page-header";
import { ActivityItem } from "@/components/ui/activity-item";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, SectionCard } from "@/components/ui/card";
import { Fact } from "@/components/ui/fact";
import { ProgressBar } from "@/components/ui/progress-bar";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ProjectDetailView } from "@/lib/projects/get-project-detail";
import { apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";

import { OpenClosed, PlanProgress } from "../project-summary";
import { ProgressChart } from "./progress-chart";

/** A tracked project: its plan's progress now and over time, and what updated it; polled like the list. */
export function ProjectDetail({ id }: { id: string }) {
  const project = useQuery({
    queryKey: queryKeys.projects.detail(id),
    queryFn: () => apiFetch<ProjectDetailView>(`/api/v1/projects/${id}`),
    refetchInterval: 3000,
  });

  const detail = project.data;
  if (!detail) {
    return (
      <DetailFallback query={project} backHref="/projects" backLabel="Projects" what="the project" notFoundTitle="Project not found">
        No tracked project has this id. It may have been untracked, or the link is incomplete.
      </DetailFallback>
    );
  }
  const { progress } = detail;

  return (
    <>
      <BackLink href="/projects">Projects</BackLink>
      <PageHeader title={detail.repository} actions={<ProjectActions project={detail} />} />
      <div className="flex flex-col gap-6">
        {project.error && <Alert variant="error">Could not reload the project: {project.error.message}</Alert>}

        <Card>
          <CardContent className="pt-6">
            <dl className="flex flex-wrap items-center gap-x-6 gap-y-3 text-sm">
              <Fact term="Plan">
                <code className="text-xs">{detail.resolved_plan_path ?? detail.plan_path ?? "not found yet"}</code>
              </Fact>
              {progress && (
                <Fact term="Commit">
                  <code className="text-xs" title={progress.commit_sha}>
                    {progress.commit_sha.slice(0, 7)}
                  </code>
                </Fact>
              )}
              <Fact term="Last update">
                <RelativeTime value={detail.last_updated} />
              </Fact>
              <Fact term="Pull requests">
                <OpenClosed kind="pull_requests" counts={detail.pull_requests} />
              </Fact>
              <Fact term="Issues">
                <OpenClosed kind="issues" counts={detail.issues} />
              </Fact>
            </dl>
            {detail.last_error && (
              // Only "no plan file" is recorded here: something to add, not something broken.
              <Alert variant="info" className="mt-4" data-testid="project-last-error">
                <span className="font-medium">No plan yet.</span> {detail.last_error}. Add a Markdown file with task lists (
                <code className="text-xs">- [ ] …</code>) there, or choose another with Change plan file.
              </Alert>
            )}
          </CardContent>
        </Card>

        <div className="grid items-start gap-6 lg:grid-cols-3">
          <SectionCard title="Progress" contentClassName="flex flex-col gap-5">
            <PlanProgress project={detail} />
            {progress && progress.sections.length > 0 && (
              <ul className="flex flex-col gap-3" aria-label="Sections" data-testid="plan-sections">
                {progress.sections.map((section, index) => (
                  <li key={`${section.heading}-${index}`} className="flex flex-col gap-1 text-sm">
                    <div className="flex justify-between gap-2">
                      <span className="truncate">{section.heading}</span>
                      <span className="shrink-0 text-xs text-muted-foreground tabular-nums">
                        {section.done}/{section.total}
                      </span>
                    </div>
                    <ProgressBar value={(section.done / section.total) * 100} label={`${section.heading} progress`} className="h-1.5" />
                  </li>
                ))}
              </ul>
            )}
          </SectionCard>

          <SectionCard
            title="Progress over time"
            description="Tasks done and tasks in the plan at each commit that touched it: a plan that shrinks is not progress."
            className="lg:col-span-2"
          >
            {detail.history.length > 0 ? (
              <ProgressChart history={detail.history} />
            ) : (
              <div className="flex h-64 flex-col items-center justify-center gap-2 text-sm text-muted-foreground">
                <ChartArea className="size-6" />
                The chart starts with the first reading of the plan.
              </div>
            )}
          </SectionCard>
        </div>

        <SectionCard title="Updates" description="Every time the plan was read, newest first, and what triggered it.">
          {detail.updates.length === 0 ? (
            <p className="text-sm text-muted-foreground">Nothing yet: the first reading is on its way.</p>
          ) : (
            <ol className="flex flex-col divide-y divide-border text-sm" data-testid="project-updates">
              {detail.updates.map((update) => (
                <ActivityItem key={update.id} time={update.created_at} className="py-2.5">
                  <Badge variant="outline" className="font-mono">
                    {update.event_type}
                  </Badge>
                  <span className="min-w-0 flex-1 break-words">{update.summary}</span>
                  {update.commit_sha &&
                    (update.commit_url ? (
                      <a
                        href={update.commit_url}
                        target="_blank"
                        rel="noreferrer"
                        className="inline-flex items-center gap-1 font-mono text-xs text-primary underline-offset-2 hover:underline"
                        title={`Commit ${update.commit_sha}`}
                      >
                        <GitCommitHorizontal className="size-3.5" />
                        {update.commit_sha.slice(0, 7)}
                      </a>
                    ) : (
                      <code className="text-xs" title={update.commit_sha}>
                        {update.commit_sha.slice(0, 7)}
                      </code>
                    ))}
                  {update.delivery_id && (
                    <span className="font-mono text-xs text-muted-foreground" title="GitHub delivery id">
                      {update.delivery_id.slice(0, 8)}
                    </span>
                  )}
                </ActivityItem>
              ))}
            </ol>
          )}
        </SectionCard>
      </div>
    </>
  );
}
