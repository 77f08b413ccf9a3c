import "server-only";

import { desc, eq } from "drizzle-orm";

import type { Database } from "@/db";
import { projectSnapshots, projectUpdates, type Project } from "@/db/schema";

import { projectView, snapshotView, summaries } from "./project-view";

/** Where a commit can be seen on GitHub. */
export type CommitUrl = (repository: string, sha: string) => string;

/**
 * One project with its progress over time (oldest first) and its updates log (newest first), each update
 * naming the commit it read and, with `commitUrl`, linking to it.
 */
export async function getProjectDetail(db: Database, project: Project, commitUrl?: CommitUrl) {
  const { latest, counts } = await summaries(db, [project.id]);
  const history = await db
    .select()
    .from(projectSnapshots)
    .where(eq(projectSnapshots.projectId, project.id))
    .orderBy(desc(projectSnapshots.createdAt))
    .limit(500);
  const updates = await db
    .select()
    .from(projectUpdates)
    .where(eq(projectUpdates.projectId, project.id))
    .orderBy(desc(projectUpdates.createdAt), desc(projectUpdates.id))
    .limit(100);
  return {
    ...projectView(project, latest.get(project.id), counts.get(project.id)!),
    history: history.reverse().map(snapshotView),
    updates: updates.map((update) => ({
      id: update.id,
      event_type: update.eventType,
      delivery_id: update.deliveryId,
      job_id: update.jobId,
      commit_sha: update.commitSha,
      commit_url: update.commitSha && commitUrl ? commitUrl(project.repository, update.commitSha) : null,
      summary: update.summary,
      created_at: update.createdAt.toISOString(),
    })),
  };
}

export type ProjectDetailView = Awaited<ReturnType<typeof getProjectDetail>>;
