// GET /api/v1/admin/jobs/{id} — one run with its trigger event and step attempts (admin).
import { z } from "zod";

import { apiHandler } from "@/lib/http/api-handler";
import { getJobRun } from "@/lib/jobs/get-job-run";
import { requireEmbeddedJobs } from "@/lib/jobs/require-embedded-jobs";
import { jobRunDetail } from "@/lib/openapi/job-schemas";

const params = z.object({ id: z.uuid() });

export const GET = apiHandler(
  {
    access: "admin",
    params,
    resource: "Job run",
    doc: {
      operationId: "getJobRun",
      summary: "One job run with its trigger event and step attempts",
      responses: { 200: { description: "The run", schema: jobRunDetail } },
      errors: { 409: "`jobs_on_inngest`: functions run on an Inngest server" },
    },
  },
  async ({ params, deps }) => {
    requireEmbeddedJobs();
    return Response.json(await getJobRun(await deps.db(), params.id));
  },
);
