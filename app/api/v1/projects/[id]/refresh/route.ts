// POST /api/v1/projects/{id}/refresh — re-read the plan at the default branch now (202).
import { getDb } from "@/db";
import { inngest } from "@/inngest/client";
import { notFound } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { findProject } from "@/lib/projects/find-project";
import { requestProjectProcessing } from "@/lib/projects/track-project";

export const POST = apiHandler<{ id: string }>("user", async ({ params }) => {
  const project = await findProject(await getDb(), params.id);
  if (!project) throw notFound("Project");
  await requestProjectProcessing({ sendEvent: (event) => inngest.send(event) }, project, "refresh");
  return Response.json({ project_id: project.id, status: "queued" }, { status: 202 });
});
