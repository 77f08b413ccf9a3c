import { desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { projectItems, projects, projectSnapshots, projectUpdates, type Project, type ProjectSnapshot } from "@/db/schema";
import type { Cursor } from "@/lib/pagination/cursor";
import { afterCursor, keysetPage } from "@/lib/pagination/keyset";

type Counts = { pull_requests: { open: number; closed: number }; issues: { open: number; closed: number } };

function snapshotView(snapshot: ProjectSnapshot) {
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

function projectView(project: Project, latest: ProjectSnapshot | undefined, counts: Counts) {
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
    created_at: project.createdAt.toISOString(),
  };
}

/** Latest snapshot and open/closed counts of each project, two queries for the whole page. */
async function summaries(db: Database, ids: string[]) {
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

/** Tracked projects, newest first, by keyset pages. */
export async function listProjects(db: Database, input: { cursor?: Cursor; limit: number }) {
  const rows = await db
    .select()
    .from(projects)
    .where(afterCursor(projects.createdAt, projects.id, input.cursor))
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(input.limit + 1);
  const { latest, counts } = await summaries(db, rows.slice(0, input.limit).map((row) => row.id));
  return keysetPage(rows, input.limit, (project) => projectView(project, latest.get(project.id), counts.get(project.id)!));
}

/** One project with its progress over time (oldest first) and its updates log (newest first). */
export async function getProjectDetail(db: Database, project: Project) {
  const { latest, counts } = await summaries(db, [project.id]);
  const history = await db.select().from(projectSnapshots).where(eq(projectSnapshots.projectId, project.id)).orderBy(desc(projectSnapshots.createdAt)).limit(500);
  const updates = await db.select().from(projectUpdates).where(eq(projectUpdates.projectId, project.id)).orderBy(desc(projectUpdates.createdAt), desc(projectUpdates.id)).limit(100);
  return {
    ...projectView(project, latest.get(project.id), counts.get(project.id)!),
    history: history.reverse().map(snapshotView),
    updates: updates.map((update) => ({
      id: update.id,
      event_type: update.eventType,
      delivery_id: update.deliveryId,
      job_id: update.jobId,
      summary: update.summary,
      created_at: update.createdAt.toISOString(),
    })),
  };
}

export type ProjectView = ReturnType<typeof projectView>;
export type ProjectDetailView = Awaited<ReturnType<typeof getProjectDetail>>;
