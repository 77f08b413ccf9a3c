import {
  AlertTriangle,
  FileText,
  FolderTree,
  Gauge,
  GitBranch,
  Info,
  Lightbulb,
  ListChecks,
  ShieldAlert,
  type LucideIcon,
} from "lucide-react";
import type { ReactNode } from "react";

import { Badge } from "@/components/ui/badge";
import { LevelBadge } from "@/components/ui/status-badge";
import { analysisResultSchema, type AnalysisResult } from "@/lib/analysis/analysis-result";

import { ExtraFields, FieldList, otherEntries } from "./analysis-result-fields";

// The top-level fields laid out below; anything else a command writes is listed under "Other fields".
const KNOWN = [
  "warnings",
  "repository_state",
  "complexity",
  "affected_modules",
  "implementation_tasks",
  "technical_risks",
  "recommendations",
  "error",
  "stack",
  "raw_output",
  "metadata",
] as const;

/** A level or severity as the badge spells it: "Medium" → "medium", "very high" → "very_high". */
const levelKey = (value: string) => value.trim().toLowerCase().replace(/\s+/g, "_");

/**
 * An analysis result in either format it may come in (the original design's flat one or this app's
 * nested one): what is known laid out for a reader, every other field listed by name, nothing hidden.
 */
export function AnalysisResultView({ value }: { value: unknown }) {
  // The server validated the result before recording it; parsing again only gives it its type here.
  const parsed = analysisResultSchema.safeParse(value ?? {});
  if (!parsed.success)
    return <p className="text-muted-foreground">This result does not have the expected shape: read the raw JSON below.</p>;
  const result: AnalysisResult = parsed.data;
  const { complexity, implementation_tasks: tasks = [], technical_risks: risks = [], affected_modules: modules = [] } = result;
  const taskHours = tasks.reduce((sum, task) => sum + (task.estimate_hours ?? 0), 0);

  return (
    <>
      <ListSection
        icon={AlertTriangle}
        title="Warnings"
        items={result.warnings ?? []}
        className="flex flex-col gap-2"
        testId="analysis-warnings"
      >
        {(warning, index) =>
          typeof warning === "string" ? (
            <li key={index}>{warning}</li>
          ) : (
            <li key={index} className="flex flex-wrap items-center gap-2">
              {warning.severity && <LevelBadge level={levelKey(warning.severity)} />}
              {warning.type && <Badge variant="outline">{warning.type}</Badge>}
              {warning.message && <span>{warning.message}</span>}
              <ExtraFields value={warning} known={["severity", "type", "message"]} />
            </li>
          )
        }
      </ListSection>

      {complexity && (
        <Section icon={Gauge} title="Complexity" testId="analysis-complexity">
          <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
            {complexity.level && <LevelBadge level={levelKey(complexity.level)} />}
            {complexity.score !== undefined && <Figure value={complexity.score} unit="/10" />}
            {complexity.story_points !== undefined && <Figure value={complexity.story_points} unit=" story points" />}
            {complexity.estimated_hours !== undefined && <Figure value={complexity.estimated_hours} unit=" hours estimated" />}
          </div>
          {complexity.rationale && <p className="mt-2 text-muted-foreground">{complexity.rationale}</p>}
          <FieldList
            entries={otherEntries(complexity, ["level", "score", "story_points", "estimated_hours", "rationale"])}
            className="mt-2"
          />
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
        {(task, index) => {
          const heading = task.title ?? task.description;
          return (
            <li key={index} className="flex gap-3 px-3 py-2">
              <span className="w-5 shrink-0 text-right text-muted-foreground tabular-nums">{index + 1}.</span>
              <div className="flex min-w-0 flex-1 flex-col gap-0.5">
                <p className="flex flex-wrap items-center gap-2">
                  {task.id !== undefined && <code className="rounded bg-muted px-1.5 py-0.5 text-xs">{task.id}</code>}
                  {heading && <span className="font-medium">{heading}</span>}
                  {task.task_type && <Badge variant="outline">{task.task_type}</Badge>}
                </p>
                {task.title && task.description && <p className="text-muted-foreground">{task.description}</p>}
                {task.depends_on && task.depends_on.length > 0 && (
                  <p className="text-xs text-muted-foreground">After: {task.depends_on.join("; ")}</p>
                )}
                <ExtraFields value={task} known={["id", "title", "description", "task_type", "estimate_hours", "depends_on"]} />
              </div>
              {task.estimate_hours !== undefined && <span className="shrink-0 tabular-nums">{task.estimate_hours} h</span>}
            </li>
          );
        }}
      </ListSection>

      <ListSection icon={ShieldAlert} title="Technical risks" items={risks} className="flex flex-col gap-3" testId="analysis-risks">
        {(risk, index) => (
          <li key={index} className="flex items-start gap-3">
            <LevelBadge level={risk.severity ? levelKey(risk.severity) : "unrated"} className="mt-0.5 w-16 justify-center" />
            <div className="flex flex-col gap-0.5">
              <p className="flex flex-wrap items-center gap-2">
                {risk.category && <Badge variant="outline">{risk.category}</Badge>}
                {(risk.risk ?? risk.description) && <span>{risk.risk ?? risk.description}</span>}
              </p>
              {risk.risk && risk.description && <p className="text-muted-foreground">{risk.description}</p>}
              {risk.mitigation && <p className="text-muted-foreground">Mitigation: {risk.mitigation}</p>}
              <ExtraFields value={risk} known={["risk", "category", "description", "severity", "mitigation"]} />
            </div>
          </li>
        )}
      </ListSection>

      <ListSection icon={FolderTree} title="Affected modules" items={modules} className="flex flex-col gap-1.5" testId="analysis-modules">
        {(entry, index) => {
          const affected = typeof entry === "string" ? { path: entry } : entry;
          return (
            <li key={index} className="flex flex-wrap items-center gap-2">
              <code className="rounded bg-muted px-1.5 py-0.5 text-xs">{affected.path}</code>
              {affected.change_type && <Badge variant="outline">{affected.change_type}</Badge>}
              {affected.reason && <span className="text-muted-foreground">{affected.reason}</span>}
              <ExtraFields value={affected} known={["path", "change_type", "reason"]} />
            </li>
          );
        }}
      </ListSection>

      <Recommendations value={result.recommendations} />

      {result.repository_state && (
        <Section icon={GitBranch} title="Repository state">
          <FieldList entries={Object.entries(result.repository_state)} testId="analysis-repository-state" />
        </Section>
      )}
      {result.metadata && (
        <Section icon={Info} title="Run details">
          <FieldList entries={Object.entries(result.metadata)} testId="analysis-metadata" />
        </Section>
      )}
      {otherEntries(result, KNOWN).length > 0 && (
        <Section icon={FileText} title="Other fields">
          <FieldList entries={otherEntries(result, KNOWN)} testId="analysis-other-fields" />
        </Section>
      )}
      {result.stack && <Collapsible title="Stack trace" text={result.stack} />}
      {result.raw_output && <Collapsible title="Raw output" text={result.raw_output} />}
    </>
  );
}

function Recommendations({ value }: { value: AnalysisResult["recommendations"] }) {
  if (!value) return null;
  if (Array.isArray(value))
    return (
      <ListSection
        icon={Lightbulb}
        title="Recommendations"
        items={value}
        className="list-disc space-y-1 pl-5"
        testId="analysis-recommendations"
      >
        {(recommendation, index) => <li key={index}>{recommendation}</li>}
      </ListSection>
    );
  return (
    <Section icon={Lightbulb} title="Recommendations" testId="analysis-recommendations">
      {value.approach && <p>{value.approach}</p>}
      {value.alternatives && value.alternatives.length > 0 && (
        <div className="mt-2">
          <p className="text-muted-foreground">Alternatives</p>
          <ul className="list-disc space-y-1 pl-5">
            {value.alternatives.map((alternative, index) => (
              <li key={index}>{alternative}</li>
            ))}
          </ul>
        </div>
      )}
      <FieldList entries={otherEntries(value, ["approach", "alternatives"])} className="mt-2" />
    </Section>
  );
}

function Figure({ value, unit }: { value: number; unit: string }) {
  return (
    <span>
      <span className="text-lg font-semibold">{value}</span>
      <span className="text-muted-foreground">{unit}</span>
    </span>
  );
}

function Collapsible({ title, text }: { title: string; text: string }) {
  return (
    <details className="rounded-md border border-border">
      <summary className="cursor-pointer px-3 py-2 font-medium">{title}</summary>
      <pre className="max-h-96 overflow-auto border-t border-border bg-muted p-3 text-xs whitespace-pre-wrap">{text}</pre>
    </details>
  );
}

function Section({
  icon: Icon,
  title,
  aside,
  testId,
  children,
}: {
  icon: LucideIcon;
  title: string;
  aside?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section data-testid={testId}>
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
