import "server-only";

import { sql } from "drizzle-orm";

import { projectItems, projectUpdates } from "@/db/schema";

import type { ProjectDeps } from "./deps";
import type { ProjectItemKind, ProjectItemState } from "./project-item-enums";

export interface ProjectItemChange {
  projectId: string;
  kind: ProjectItemKind;
  number: number;
  title: string;
  state: ProjectItemState;
  action: string;
  updatedAt: Date;
  deliveryId: string;
}

/**
 * A pull request or issue event against a tracked project: its latest state (an older event arriving
 * late never overwrites a newer one) and a line in the project's updates log.
 */
export async function recordProjectItem(deps: Pick<ProjectDeps, "db">, change: ProjectItemChange): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(projectItems)
      .values({
        projectId: change.projectId,
        kind: change.kind,
        number: change.number,
        state: change.state,
        title: change.title,
        updatedAt: change.updatedAt,
      })
      .onConflictDoUpdate({
        target: [projectItems.projectId, projectItems.kind, projectItems.number],
        set: { state: change.state, title: change.title, updatedAt: change.updatedAt },
        setWhere: sql`${projectItems.updatedAt} <= ${change.updatedAt.toISOString()}`,
      });
    const label = change.kind === "pull_request" ? "Pull request" : "Issue";
    await tx.insert(projectUpdates).values({
      projectId: change.projectId,
      eventType: change.kind,
      deliveryId: change.deliveryId,
      summary: `${label} #${change.number} ${change.action}: ${change.title}`,
    });
  });
}
