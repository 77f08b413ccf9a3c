import { CircleDot, FileQuestion, GitPullRequest, Loader2, type LucideIcon } from "lucide-react";

import { ProgressBar } from "@/components/ui/progress-bar";
import type { ProjectView } from "@/lib/projects/project-view";
import { cn } from "@/lib/ui/cn";

/** "3 of 7 tasks · 43 %" over a bar; until the first snapshot, why there is none yet. */
export function PlanProgress({ project, className }: { project: ProjectView; className?: string }) {
  const { progress } = project;
  if (!progress) {
    // No plan is a state to act on (add one, or set its path), not an error: the project's page says where it looked.
    return project.last_error ? (
      <p className={cn("flex items-center gap-2 text-sm text-muted-foreground", className)} data-testid="no-plan">
        <FileQuestion className="size-4" /> No plan yet
      </p>
    ) : (
      <p className={cn("flex items-center gap-2 text-sm text-muted-foreground", className)}>
        <Loader2 className="size-4 animate-spin" /> Reading the plan…
      </p>
    );
  }
  const tasks = `${progress.done_tasks} of ${progress.total_tasks} tasks`;
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <ProgressBar value={progress.percent} label={`${project.repository} plan progress`} valueText={`${tasks} (${progress.percent}%)`} />
      <div className="flex justify-between text-xs text-muted-foreground">
        <span data-testid="plan-tasks">{tasks}</span>
        <span className="font-medium text-foreground tabular-nums">{progress.percent}%</span>
      </div>
    </div>
  );
}

const KINDS: Record<"pull_requests" | "issues", { label: string; icon: LucideIcon }> = {
  pull_requests: { label: "Pull requests", icon: GitPullRequest },
  issues: { label: "Issues", icon: CircleDot },
};

/** Open and closed pull requests or issues, as last reported by GitHub's webhooks. */
export function OpenClosed({ kind, counts }: { kind: keyof typeof KINDS; counts: { open: number; closed: number } }) {
  const { label, icon: Icon } = KINDS[kind];
  return (
    <span
      className="inline-flex items-center gap-1.5 text-sm whitespace-nowrap"
      aria-label={`${label}: ${counts.open} open, ${counts.closed} closed`}
    >
      <Icon className="size-4 text-muted-foreground" />
      <span className="font-medium tabular-nums">{counts.open}</span> open
      <span className="text-muted-foreground">· {counts.closed} closed</span>
    </span>
  );
}
