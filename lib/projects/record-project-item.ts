import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { projectItems, projectUpdates, type Project } from "@/db/schema";

export interface ProjectItemChange {
  kind: "pull_request" | "issue";
  number: number;
  title: string;
  state: "open" | "closed";
  action: string;
  updatedAt: Date;
  deliveryId: string;
}

/**
 * A pull request or issue event against a tracked project: its latest state (an older event arriving
 * late never overwrites a newer one) and a line in the project's updates log.
 */
export async function recordProjectItem(db: Database, project: Project, change: ProjectItemChange): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(projectItems)
      .values({ projectId: project.id, kind: change.kind, number: change.number, state: change.state, title: change.title, updatedAt: change.updatedAt })
      .onConflictDoUpdate({
        target: [projectItems.projectId, projectItems.kind, projectItems.number],
        set: { state: change.state, title: change.title, updatedAt: change.updatedAt },
        setWhere: sql`${projectItems.updatedAt} <= ${change.updatedAt.toISOString()}`,
      });
    const label = change.kind === "pull_request" ? "Pull request" : "Issue";
    await tx.insert(projectUpdates).values({
      projectId: project.id,
      eventType: change.kind,
      deliveryId: change.deliveryId,
      summary: `${label} #${change.number} ${change.action}: ${change.title}`,
    });
  });
}
