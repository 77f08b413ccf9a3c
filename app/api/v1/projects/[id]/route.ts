// GET /api/v1/projects/{id} — a project with its progress over time and updates log.
// DELETE /api/v1/projects/{id} — stop tracking it (204).
import { z } from "zod";

import { found } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { findProject } from "@/lib/projects/find-project";
import { getProjectDetail } from "@/lib/projects/get-project-detail";
import { untrackProject } from "@/lib/projects/untrack-project";

const params = z.object({ id: z.uuid() });

export const GET = apiHandler({ access: "user", params, resource: "Project" }, async ({ params, deps }) => {
  const db = await deps.db();
  const project = found(await findProject(db, params.id), "Project");
  return Response.json(await getProjectDetail(db, project));
});

export const DELETE = apiHandler({ access: "user", params, resource: "Project" }, async ({ params, deps }) => {
  const db = await deps.db();
  const project = found(await findProject(db, params.id), "Project");
  await untrackProject({ db }, project);
  return new Response(null, { status: 204 });
});
