import "server-only";

import { desc, inArray, sql } from "drizzle-orm";
import type { z } from "zod";

import type { Database } from "@/db";
import { projectItems, projectSnapshots, type Project, type ProjectSnapshot } from "@/db/schema";
import type { projectView as projectViewSchema } from "@/lib/openapi/project-schemas";

type Counts = { pull_requests: { open: number; closed: number }; issues: { open: number; closed: number } };

/** A progress snapshot as the API shows it. */
export function snapshotView(snapshot: ProjectSnapshot) {
  return {
    commit_sha: snapshot.commitSha,
    plan_path: snapshot.planPath,
    total_tasks: snapshot.totalTasks,
    done_tasks: snapshot.doneTasks,
    percent: snapshot.totalTasks ? Math.round((snapshot.doneTasks / snapshot.totalTasks) * 100) : 0,
    sections: snapshot.sections,
    created_at: snapshot.createdAt.toISOString(),
  };
}

/** A project as the API lists it: its latest progress and its open/closed pull requests and issues. */
export function projectView(project: Project, latest: ProjectSnapshot | undefined, counts: Counts): ProjectView {
  return {
    id: project.id,
    repository: project.repository,
    installation_id: project.installationId,
    plan_path: project.planPath,
    resolved_plan_path: project.resolvedPlanPath,
    last_updated: project.lastUpdated?.toISOString() ?? null,
    last_error: project.lastError,
    progress: latest ? snapshotView(latest) : null,
    ...counts,
    created_by: project.createdBy,
    created_at: project.createdAt.toISOString(),
  };
}

/** Latest snapshot and open/closed counts of each project, two queries for the whole page. */
export async function summaries(db: Database, ids: string[]) {
  if (!ids.length) return { latest: new Map<string, ProjectSnapshot>(), counts: new Map<string, Counts>() };
  const latestRows = await db
    .selectDistinctOn([projectSnapshots.projectId])
    .from(projectSnapshots)
    .where(inArray(projectSnapshots.projectId, ids))
    .orderBy(projectSnapshots.projectId, desc(projectSnapshots.createdAt));
  const countRows = await db
    .select({ projectId: projectItems.projectId, kind: projectItems.kind, state: projectItems.state, n: sql<number>`count(*)::int` })
    .from(projectItems)
    .where(inArray(projectItems.projectId, ids))
    .groupBy(projectItems.projectId, projectItems.kind, projectItems.state);
  const counts = new Map<string, Counts>();
  for (const id of ids) counts.set(id, { pull_requests: { open: 0, closed: 0 }, issues: { open: 0, closed: 0 } });
  for (const row of countRows) counts.get(row.projectId)![row.kind === "pull_request" ? "pull_requests" : "issues"][row.state] = row.n;
  return { latest: new Map(latestRows.map((row) => [row.projectId, row])), counts };
}

export type ProjectView = z.output<typeof projectViewSchema>;
