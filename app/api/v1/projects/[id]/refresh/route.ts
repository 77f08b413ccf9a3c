// POST /api/v1/projects/{id}/refresh — re-read the plan at the default branch now (202).
import { z } from "zod";

import { found } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { findProject } from "@/lib/projects/find-project";
import { requestProjectProcessing } from "@/lib/projects/request-project-processing";

const params = z.object({ id: z.uuid() });

export const POST = apiHandler(
  {
    access: "user",
    params,
    resource: "Project",
    doc: {
      operationId: "refreshProject",
      summary: "Re-read a project's plan at its default branch now",
      responses: { 202: { description: "Queued", schema: z.object({ project_id: z.uuid(), status: z.literal("queued") }) } },
    },
  },
  async ({ params, deps: routeDeps }) => {
    const deps = await routeDeps.projects();
    const project = found(await findProject(deps.db, params.id), "Project");
    await requestProjectProcessing(deps, project, "refresh");
    return Response.json({ project_id: project.id, status: "queued" }, { status: 202 });
  },
);
