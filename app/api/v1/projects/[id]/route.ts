// GET /api/v1/projects/{id} — a project with its progress over time and updates log.
// PATCH /api/v1/projects/{id} — change its plan path (creator or admin; 422 when the file does not exist).
// DELETE /api/v1/projects/{id} — stop tracking it (creator or admin; 204).
import { z } from "zod";

import { found } from "@/lib/errors";
import { commitUrl } from "@/lib/github/github-urls";
import { apiHandler } from "@/lib/http/api-handler";
import { projectDetail } from "@/lib/openapi/project-schemas";
import { changePlanPath } from "@/lib/projects/change-plan-path";
import { findProject } from "@/lib/projects/find-project";
import { getProjectDetail } from "@/lib/projects/get-project-detail";
import { updateProjectSchema } from "@/lib/projects/project-input";
import { untrackProject } from "@/lib/projects/untrack-project";

const params = z.object({ id: z.uuid() });

export const GET = apiHandler(
  {
    access: "user",
    params,
    resource: "Project",
    doc: {
      operationId: "getProject",
      summary: "A project with its progress over time and its updates log",
      responses: { 200: { description: "The project", schema: projectDetail } },
    },
  },
  async ({ params, deps }) => {
    const db = await deps.db();
    const project = found(await findProject(db, params.id), "Project");
    return Response.json(await getProjectDetail(db, project, (repository, sha) => commitUrl(deps.config(), repository, sha)));
  },
);

const NOT_CREATOR = "`not_creator`: only the project's creator or an admin may change or untrack it";

export const PATCH = apiHandler(
  {
    access: "user",
    params,
    resource: "Project",
    body: updateProjectSchema,
    doc: {
      operationId: "updateProject",
      summary: "Point a project at another plan file",
      description: "`plan_path` null: the default plan files. The change is logged and the plan read again at once.",
      responses: { 200: { description: "The project, changed", schema: projectDetail } },
      errors: {
        403: NOT_CREATOR,
        422: "`plan_file_not_found` or `repository_not_installed`: the plan file does not exist, or the App cannot reach the repository",
        502: "`github_unavailable`: GitHub could not be asked",
      },
    },
  },
  async ({ params, body, principal, deps: routeDeps, log }) => {
    const deps = await routeDeps.projects();
    const project = found(await findProject(deps.db, params.id), "Project");
    const updated = await changePlanPath(deps, project, { ...body, actor: principal });
    log.info("project plan path changed", { project_id: project.id, plan_path: updated.planPath });
    return Response.json(await getProjectDetail(deps.db, updated, (repository, sha) => commitUrl(routeDeps.config(), repository, sha)));
  },
);

export const DELETE = apiHandler(
  {
    access: "user",
    params,
    resource: "Project",
    doc: {
      operationId: "untrackProject",
      summary: "Stop tracking a project",
      responses: { 204: { description: "No longer tracked" } },
      errors: { 403: NOT_CREATOR },
    },
  },
  async ({ params, principal, deps, log }) => {
    const db = await deps.db();
    const project = found(await findProject(db, params.id), "Project");
    await untrackProject({ db }, project, principal);
    log.info("project untracked", { project_id: project.id, repository: project.repository });
    return new Response(null, { status: 204 });
  },
);
