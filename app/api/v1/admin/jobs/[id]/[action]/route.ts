// POST /api/v1/admin/jobs/{id}/retry | /cancel — retries a failed or cancelled run, or cancels an active one (admin).
import { z } from "zod";

import { apiHandler } from "@/lib/http/api-handler";
import { changeJobRun } from "@/lib/jobs/change-job-run";
import { requireEmbeddedJobs } from "@/lib/jobs/require-embedded-jobs";

const params = z.object({ id: z.uuid(), action: z.enum(["retry", "cancel"]) });

export const POST = apiHandler({ access: "admin", params, resource: "Job run action" }, async ({ params, principal, deps, log }) => {
  requireEmbeddedJobs();
  const run = await changeJobRun(await deps.db(), params.id, params.action);
  log.info(`job run ${params.action}`, { run_id: run.id, user_id: principal.userId });
  return Response.json(run);
});
