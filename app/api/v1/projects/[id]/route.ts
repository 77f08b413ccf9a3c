// GET /api/v1/projects/{id} — a project with its progress over time and updates log.
// DELETE /api/v1/projects/{id} — stop tracking it (204).
import { z } from "zod";

import { found } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { projectDetail } from "@/lib/openapi/project-schemas";
import { findProject } from "@/lib/projects/find-project";
import { getProjectDetail } from "@/lib/projects/get-project-detail";
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

export const DELETE = apiHandler(
  {
    access: "user",
    params,
    resource: "Project",
    doc: { operationId: "untrackProject", summary: "Stop tracking a project", responses: { 204: { description: "No longer tracked" } } },
  },
  async ({ params, deps }) => {
    const db = await deps.db();
    const project = found(await findProject(db, params.id), "Project");
    await untrackProject({ db }, project);
    return new Response(null, { status: 204 });
  },
);
