// GET /api/v1/projects/{id} — a project with its progress over time and updates log.
// DELETE /api/v1/projects/{id} — stop tracking it (204).
import { getDb } from "@/db";
import { notFound } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { findProject } from "@/lib/projects/find-project";
import { getProjectDetail } from "@/lib/projects/get-project-detail";
import { untrackProject } from "@/lib/projects/untrack-project";

export const GET = apiHandler<{ id: string }>("user", async ({ params }) => {
  const db = await getDb();
  const project = await findProject(db, params.id);
  if (!project) throw notFound("Project");
  return Response.json(await getProjectDetail(db, project));
});

export const DELETE = apiHandler<{ id: string }>("user", async ({ params }) => {
  const db = await getDb();
  const project = await findProject(db, params.id);
  if (!project) throw notFound("Project");
  await untrackProject({ db }, project);
  return new Response(null, { status: 204 });
});
