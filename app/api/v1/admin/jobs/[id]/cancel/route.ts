// POST /api/v1/admin/jobs/{id}/cancel — cancels a run of the embedded executor (admin).
import { z } from "zod";
import { getDb } from "@/db";
import { notFound } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { changeJobRun } from "@/lib/jobs/change-job-run";
import { requireEmbeddedJobs } from "@/lib/jobs/require-embedded-jobs";

export const POST = apiHandler<{ id: string }, "admin">("admin", async ({ params, principal, log }) => {
  requireEmbeddedJobs();
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw notFound("Job run");
  const run = await changeJobRun(await getDb(), id.data, "cancel");
  log.info("job run cancel", { run_id: run.id, user_id: principal.userId });
  return Response.json(run);
});
