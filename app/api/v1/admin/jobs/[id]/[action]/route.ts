// POST /api/v1/admin/jobs/{id}/retry | /cancel — retries a failed or cancelled run, or cancels an active one (admin).
import { z } from "zod";

import { apiHandler } from "@/lib/http/api-handler";
import { cancelJobRun } from "@/lib/jobs/cancel-job-run";
import { requireEmbeddedJobs } from "@/lib/jobs/require-embedded-jobs";
import { retryJobRun } from "@/lib/jobs/retry-job-run";
import { jobRunView } from "@/lib/openapi/job-schemas";

const ACTIONS = { retry: retryJobRun, cancel: cancelJobRun };
const params = z.object({ id: z.uuid(), action: z.enum(["retry", "cancel"]) });

export const POST = apiHandler(
  {
    access: "admin",
    params,
    resource: "Job run",
    doc: {
      operationId: "actOnJobRun",
      summary: "Retry or cancel a job run",
      description: "`retry` re-queues a failed or cancelled run (from its memoized steps); `cancel` ends an active one.",
      responses: { 200: { description: "The run after the action", schema: jobRunView } },
      errors: { 409: "`invalid_state`: the run's status does not allow the action; `jobs_on_inngest`: functions run on an Inngest server" },
    },
  },
  async ({ params, principal, deps, log }) => {
    requireEmbeddedJobs();
    const run = await ACTIONS[params.action](await deps.db(), params.id);
    log.info(`job run ${params.action}`, { run_id: run.id, user_id: principal.userId });
    return Response.json(run);
  },
);
