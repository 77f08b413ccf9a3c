"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { FolderKanban, TriangleAlert } from "lucide-react";
import Link from "next/link";

import { useDataTable } from "@/components/hooks/use-data-table";
import { useKeysetList } from "@/components/hooks/use-keyset-list";
import { EmptyState } from "@/components/shell/empty-state";
import { DataTable } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ProjectView } from "@/lib/projects/project-view";
import { queryKeys } from "@/lib/ui/query-keys";

import { OpenClosed, PlanProgress } from "./project-summary";

const column = createColumnHelper<ProjectView>();
const columns = [
  column.accessor("repository", {
    header: "Repository",
    cell: (info) => {
      const project = info.row.original;
      return (
        <div className="flex flex-col gap-0.5">
          <Link href={`/projects/${project.id}`} className="font-medium text-primary hover:underline">
            {info.getValue()}
          </Link>
          <span className="text-xs text-muted-foreground">{project.resolved_plan_path ?? project.plan_path ?? "plan not found yet"}</span>
          {project.last_error && (
            <span className="flex items-center gap-1 text-xs text-destructive">
              <TriangleAlert className="size-3" /> {project.last_error}
            </span>
          )}
        </div>
      );
    },
  }),
  column.display({
    id: "progress",
    header: "Plan progress",
    cell: (info) => <PlanProgress project={info.row.original} className="w-56" />,
  }),
  column.accessor("pull_requests", {
    header: "Pull requests",
    cell: (info) => <OpenClosed kind="pull_requests" counts={info.getValue()} />,
  }),
  column.accessor("issues", { header: "Issues", cell: (info) => <OpenClosed kind="issues" counts={info.getValue()} /> }),
  column.accessor("last_updated", { header: "Last update", cell: (info) => <RelativeTime value={info.getValue()} /> }),
];

/** Tracked projects, newest first; polled so a push shows up within seconds. */
export function ProjectList() {
  const { query: projects, rows } = useKeysetList<ProjectView>({
    listKey: queryKeys.projects.list,
    path: "/api/v1/projects",
    refetchInterval: 3000,
  });
  const table = useDataTable({ data: rows, columns });

  return (
    <section aria-label="Tracked projects" className="flex flex-col gap-4">
      <DataTable
        table={table}
        query={projects}
        what="projects"
        testId="projects-table"
        empty={
          <EmptyState icon={FolderKanban} title="No tracked projects yet">
            Track a repository above; the progress of its plan shows here and moves with every push.
          </EmptyState>
        }
      />
    </section>
  );
}
