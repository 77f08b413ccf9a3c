// POST /api/v1/projects/{id}/refresh — re-read the plan at the default branch now (202).
import { z } from "zod";

import { found } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { findProject } from "@/lib/projects/find-project";
import { requestProjectProcessing } from "@/lib/projects/request-project-processing";

const params = z.object({ id: z.uuid() });

export const POST = apiHandler({ access: "user", params, resource: "Project" }, async ({ params, deps: routeDeps }) => {
  const deps = await routeDeps.projects();
  const project = found(await findProject(deps.db, params.id), "Project");
  await requestProjectProcessing(deps, project, "refresh");
  return Response.json({ project_id: project.id, status: "queued" }, { status: 202 });
});
