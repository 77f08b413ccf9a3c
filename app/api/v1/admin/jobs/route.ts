// GET /api/v1/admin/jobs — the embedded executor's runs, newest first (admin): filter by status/function/trigger, cursor pages.
import { z } from "zod";

import { apiHandler } from "@/lib/http/api-handler";
import { RUN_STATUSES } from "@/lib/jobs/embedded/run-status";
import { listJobRuns, RUN_TRIGGERS } from "@/lib/jobs/list-job-runs";
import { requireEmbeddedJobs } from "@/lib/jobs/require-embedded-jobs";
import { pageOf } from "@/lib/openapi/common-schemas";
import { jobRunView } from "@/lib/openapi/job-schemas";
import { listQuery } from "@/lib/pagination/list-query";

const query = listQuery({
  status: z.enum(RUN_STATUSES).optional(),
  function_id: z.string().min(1).optional(),
  trigger: z.enum(RUN_TRIGGERS).optional().meta({ description: "`cron`: runs a schedule started; `event`: the rest" }),
});

export const GET = apiHandler(
  {
    access: "admin",
    query,
    doc: {
      operationId: "listJobRuns",
      summary: "The embedded executor's job runs, newest first",
      responses: { 200: { description: "A page of runs", schema: pageOf(jobRunView) } },
      errors: { 409: "`jobs_on_inngest`: functions run on an Inngest server" },
    },
  },
  async ({ query, deps }) => {
    requireEmbeddedJobs();
    const page = await listJobRuns(await deps.db(), {
      status: query.status,
      functionId: query.function_id,
      trigger: query.trigger,
      cursor: query.cursor,
      limit: query.limit,
    });
    return Response.json(page);
  },
);
