import "server-only";

import { desc, eq } from "drizzle-orm";

import type { Database } from "@/db";
import { projectSnapshots, projectUpdates, type Project } from "@/db/schema";

import { projectView, snapshotView, summaries } from "./project-view";

/** One project with its progress over time (oldest first) and its updates log (newest first). */
export async function getProjectDetail(db: Database, project: Project) {
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
      summary: update.summary,
      created_at: update.createdAt.toISOString(),
    })),
  };
}

export type ProjectDetailView = Awaited<ReturnType<typeof getProjectDetail>>;
