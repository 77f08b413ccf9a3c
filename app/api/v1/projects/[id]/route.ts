// GET /api/v1/projects/{id} — a project with its progress over time and updates log.
// PATCH /api/v1/projects/{id} — change its plan path (creator or admin; 422 when the file does not exist).
// DELETE /api/v1/projects/{id} — stop tracking it (creator or admin; 204).
import { z } from "zod";

import { found } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { changePlanPath } from "@/lib/projects/change-plan-path";
import { projectDetail } from "@/lib/openapi/project-schemas";
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
    return Response.json(await getProjectDetail(db, project));
  },
);

export const PATCH = apiHandler(
  { access: "user", params, resource: "Project", body: updateProjectSchema },
  async ({ params, body, principal, deps: routeDeps, log }) => {
    const deps = await routeDeps.projects();
    const project = found(await findProject(deps.db, params.id), "Project");
    const updated = await changePlanPath(deps, project, { ...body, actor: principal });
    log.info("project plan path changed", { project_id: project.id, plan_path: updated.planPath });
    return Response.json(await getProjectDetail(deps.db, updated));
  },
);

export const DELETE = apiHandler({ access: "user", params, resource: "Project" }, async ({ params, principal, deps, log }) => {
  const db = await deps.db();
  const project = found(await findProject(db, params.id), "Project");
  await untrackProject({ db }, project, principal);
  log.info("project untracked", { project_id: project.id, repository: project.repository });
  return new Response(null, { status: 204 });
});
