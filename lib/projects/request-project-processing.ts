import "server-only";

import type { Project } from "@/db/schema";
import { projectProcessRequested } from "@/inngest/events";

import type { ProjectDeps } from "./deps";

/** Queues a fresh read of the project's plan at its default branch. */
export async function requestProjectProcessing(deps: Pick<ProjectDeps, "sendEvent">, project: Project, reason: string) {
  await deps.sendEvent({ name: projectProcessRequested.name, data: { project_id: project.id, commit_sha: null, reason, priority: 0 } });
}
