// POST /api/v1/admin/jobs/{id}/retry | /cancel — retries a failed or cancelled run, or cancels an active one (admin).
import { z } from "zod";

import { apiHandler } from "@/lib/http/api-handler";
import { cancelJobRun } from "@/lib/jobs/cancel-job-run";
import { requireEmbeddedJobs } from "@/lib/jobs/require-embedded-jobs";
import { retryJobRun } from "@/lib/jobs/retry-job-run";

const ACTIONS = { retry: retryJobRun, cancel: cancelJobRun };
const params = z.object({ id: z.uuid(), action: z.enum(["retry", "cancel"]) });

export const POST = apiHandler({ access: "admin", params, resource: "Job run" }, async ({ params, principal, deps, log }) => {
  requireEmbeddedJobs();
  const run = await ACTIONS[params.action](await deps.db(), params.id);
  log.info(`job run ${params.action}`, { run_id: run.id, user_id: principal.userId });
  return Response.json(run);
});
