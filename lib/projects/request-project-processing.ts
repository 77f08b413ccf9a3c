import type { Project } from "@/db/schema";
import { PROJECT_PROCESS_REQUESTED_EVENT, type ProjectDeps } from "./deps";

/** Queues a fresh read of the project's plan at its default branch. */
export async function requestProjectProcessing(deps: Pick<ProjectDeps, "sendEvent">, project: Project, reason: string) {
  await deps.sendEvent({ name: PROJECT_PROCESS_REQUESTED_EVENT, data: { project_id: project.id, commit_sha: null, reason, priority: 0 } });
}
