import "server-only";

import { eq } from "drizzle-orm";

import { projects, projectUpdates, type Project } from "@/db/schema";
import { assertMayChange, type Actor } from "@/lib/auth/assert-may-change";

import type { ProjectDeps } from "./deps";
import type { UpdateProjectInput } from "./project-input";
import { requestProjectProcessing } from "./request-project-processing";
import { verifyPlanFile } from "./verify-plan-file";

/**
 * Points a project at another plan file (null: the default plan files). Its creator or an admin only
 * (403); the file must exist on GitHub (422). The change is logged and the plan re-read at once.
 */
export async function changePlanPath(
  deps: Pick<ProjectDeps, "db" | "sendEvent" | "installationOctokit" | "now">,
  project: Project,
  input: UpdateProjectInput & { actor: Actor },
): Promise<Project> {
  assertMayChange(input.actor, project.createdBy, "project");
  if (input.plan_path === project.planPath) return project;
  await verifyPlanFile(deps, { installationId: project.installationId, repository: project.repository, planPath: input.plan_path });
  const updated = await deps.db.transaction(async (tx) => {
    const [row] = await tx.update(projects).set({ planPath: input.plan_path }).where(eq(projects.id, project.id)).returning();
    await tx.insert(projectUpdates).values({
      projectId: project.id,
      eventType: "plan_path_changed",
      summary: `Plan file changed from ${project.planPath ?? "the default plan files"} to ${input.plan_path ?? "the default plan files"} by ${input.actor.login ?? "a user"}`,
      createdAt: deps.now(),
    });
    return row!;
  });
  await requestProjectProcessing(deps, updated, "plan_path_changed");
  return updated;
}
