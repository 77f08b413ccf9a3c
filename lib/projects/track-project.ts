import "server-only";

import { projects, type Project } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { requireInstallation } from "@/lib/installations/require-installation";

import type { ProjectDeps } from "./deps";
import type { TrackProjectInput } from "./project-input";
import { requestProjectProcessing } from "./request-project-processing";
import { verifyPlanFile } from "./verify-plan-file";

/**
 * Starts following a repository's plan. The repository must be reachable through an active installation
 * of the App and its plan file must exist (422 otherwise, asked of GitHub), and it must not be tracked yet
 * (409); its plan is read at once in the background.
 */
export async function trackProject(
  deps: Pick<ProjectDeps, "db" | "sendEvent" | "installationOctokit">,
  input: TrackProjectInput & { createdBy: string | null },
): Promise<Project> {
  const installation = await requireInstallation({ db: deps.db }, input.repository);
  await verifyPlanFile(deps, { installationId: installation.id, repository: input.repository, planPath: input.plan_path });
  // The unique index on lower(repository) decides, so two concurrent requests cannot both track it.
  const [project] = await deps.db
    .insert(projects)
    .values({ repository: input.repository, installationId: installation.id, planPath: input.plan_path, createdBy: input.createdBy })
    .onConflictDoNothing()
    .returning();
  if (!project) throw new AppError(409, "already_tracked", `${input.repository} is already tracked`);
  await requestProjectProcessing(deps, project, "tracked");
  return project;
}
