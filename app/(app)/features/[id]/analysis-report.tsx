import { FolderTree, Gauge, Lightbulb, ListChecks, ShieldAlert, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { LevelBadge, StatusBadge } from "@/components/ui/status-badge";
import type { AnalysisSource } from "@/db/schema";
import { analysisResultSchema, type AnalysisResult } from "@/lib/analysis/analysis-result";
import type { AnalysisView } from "@/lib/features/feature-view";

export const SOURCE_LABEL: Record<AnalysisSource, string> = {
  webhook: "recorded from the signed callback",
  workflow_run_event: "recorded from the workflow_run webhook",
  polling: "recorded from polling",
};

/** One recorded analysis, laid out for a reader, with the JSON it was made from underneath. */
export function AnalysisReport({ analysis, superseding }: { analysis: AnalysisView; superseding: boolean }) {
  // The server validated the result before recording it; parsing again only gives it its type here.
  const parsed = analysisResultSchema.safeParse(analysis.result ?? {});
  const result: AnalysisResult = parsed.success ? parsed.data : {};
  const { complexity, implementation_tasks: tasks = [], technical_risks: risks = [], affected_modules: modules = [] } = result;
  const taskHours = tasks.reduce((sum, task) => sum + (task.estimate_hours ?? 0), 0);

  return (
    <Card data-testid="analysis">
      <CardHeader>
        <CardTitle className="text-base">Analysis</CardTitle>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted-foreground">
          <StatusBadge status={analysis.status} />
          <span data-testid="analysis-source">{SOURCE_LABEL[analysis.source]}</span>
          <span>·</span>
          <RelativeTime value={analysis.completed_at} />
          {analysis.model_used && <span>· {analysis.model_used}</span>}
          {analysis.tokens_used !== null && <span>· {analysis.tokens_used.toLocaleString("en")} tokens</span>}
        </p>
      </CardHeader>
      <CardContent className="flex flex-col gap-6 text-sm">
        {superseding && (
          <Alert variant="info" size="compact" announce={false}>
            A new analysis is running; this is the previous result.
          </Alert>
        )}
        {analysis.error && (
          <Alert variant="error" size="compact" announce={false}>
            {analysis.error}
          </Alert>
        )}
        {!parsed.success && <p className="text-muted-foreground">This result does not have the expected shape: read the raw JSON below.</p>}
        {result.warnings && result.warnings.length > 0 && (
          <Alert variant="warning" size="compact" announce={false}>
            <ul className="flex flex-col gap-1">
              {result.warnings.map((warning, index) => (
                <li key={index}>{warning}</li>
              ))}
            </ul>
          </Alert>
        )}

        {complexity && (
          <Section icon={Gauge} title="Complexity">
            <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
              {complexity.level && <LevelBadge level={complexity.level} />}
              {complexity.score !== undefined && (
                <span>
                  <span className="text-lg font-semibold">{complexity.score}</span>
                  <span className="text-muted-foreground">/10</span>
                </span>
              )}
              {complexity.estimated_hours !== undefined && (
                <span>
                  <span className="text-lg font-semibold">{complexity.estimated_hours}</span>
                  <span className="text-muted-foreground"> hours estimated</span>
                </span>
              )}
            </div>
            {complexity.rationale && <p className="mt-2 text-muted-foreground">{complexity.rationale}</p>}
          </Section>
        )}

        <ListSection
          icon={ListChecks}
          title="Implementation tasks"
          aside={taskHours > 0 ? `${taskHours} h in total` : undefined}
          items={tasks}
          ordered
          className="flex flex-col divide-y divide-border rounded-md border border-border"
          testId="analysis-tasks"
        >
          {(task, index) => (
            <li key={`${index}-${task.title}`} className="flex gap-3 px-3 py-2">
              <span className="w-5 shrink-0 text-right text-muted-foreground tabular-nums">{index + 1}.</span>
              <div className="min-w-0 flex-1">
                <p className="font-medium">{task.title}</p>
                {task.description && <p className="text-muted-foreground">{task.description}</p>}
                {task.depends_on && task.depends_on.length > 0 && (
                  <p className="text-xs text-muted-foreground">After: {task.depends_on.join("; ")}</p>
                )}
              </div>
              {task.estimate_hours !== undefined && <span className="shrink-0 tabular-nums">{task.estimate_hours} h</span>}
            </li>
          )}
        </ListSection>

        <ListSection icon={ShieldAlert} title="Technical risks" items={risks} className="flex flex-col gap-3">
          {(risk, index) => (
            <li key={`${index}-${risk.risk}`} className="flex items-start gap-3">
              <LevelBadge level={risk.severity ?? "unrated"} className="mt-0.5 w-16 justify-center" />
              <div>
                <p>{risk.risk}</p>
                {risk.mitigation && <p className="text-muted-foreground">Mitigation: {risk.mitigation}</p>}
              </div>
            </li>
          )}
        </ListSection>

        <ListSection icon={FolderTree} title="Affected modules" items={modules} className="flex flex-col gap-1.5">
          {(entry, index) => {
            const { path, reason, change_type } = typeof entry === "string" ? { path: entry } : entry;
            return (
              <li key={`${index}-${path}`} className="flex flex-wrap items-center gap-2">
                <code className="rounded bg-muted px-1.5 py-0.5 text-xs">{path}</code>
                {change_type && <Badge variant="outline">{change_type}</Badge>}
                {reason && <span className="text-muted-foreground">{reason}</span>}
              </li>
            );
          }}
        </ListSection>

        <ListSection icon={Lightbulb} title="Recommendations" items={result.recommendations ?? []} className="list-disc space-y-1 pl-5">
          {(recommendation, index) => <li key={index}>{recommendation}</li>}
        </ListSection>

        <details className="rounded-md border border-border">
          <summary className="cursor-pointer px-3 py-2 font-medium">Raw JSON</summary>
          <pre className="max-h-96 overflow-auto border-t border-border bg-muted p-3 text-xs">
            {JSON.stringify(analysis.result, null, 2)}
          </pre>
        </details>
      </CardContent>
    </Card>
  );
}

function Section({ icon: Icon, title, aside, children }: { icon: LucideIcon; title: string; aside?: string; children: ReactNode }) {
  return (
    <section>
      <h3 className="mb-2 flex items-center gap-2 font-semibold">
        <Icon className="size-4 text-muted-foreground" />
        {title}
        {aside && <span className="ml-auto text-xs font-normal text-muted-foreground">{aside}</span>}
      </h3>
      {children}
    </section>
  );
}

/** A `Section` holding a list of `items`, each rendered by `children`; left out when there is nothing to list. */
function ListSection<T>({
  icon,
  title,
  aside,
  items,
  ordered = false,
  className,
  testId,
  children: renderItem,
}: {
  icon: LucideIcon;
  title: string;
  aside?: string;
  items: readonly T[];
  ordered?: boolean;
  className: string;
  testId?: string;
  children: (item: T, index: number) => ReactNode;
}) {
  if (items.length === 0) return null;
  const List = ordered ? "ol" : "ul";
  return (
    <Section icon={icon} title={title} aside={aside}>
      <List className={className} data-testid={testId}>
        {items.map(renderItem)}
      </List>
    </Section>
  );
}
