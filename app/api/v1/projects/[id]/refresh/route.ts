// POST /api/v1/projects/{id}/refresh — re-read the plan at the default branch now (202).
import { notFound } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { defaultProjectDeps } from "@/lib/projects/default-deps";
import { findProject } from "@/lib/projects/find-project";
import { requestProjectProcessing } from "@/lib/projects/request-project-processing";

export const POST = apiHandler<{ id: string }>("user", async ({ params, log }) => {
  const deps = await defaultProjectDeps(log);
  const project = await findProject(deps.db, params.id);
  if (!project) throw notFound("Project");
  await requestProjectProcessing(deps, project, "refresh");
  return Response.json({ project_id: project.id, status: "queued" }, { status: 202 });
});
