// GET /api/v1/admin/jobs — the embedded executor's runs, newest first (admin): filter by status/function, cursor pages.
import { z } from "zod";
import { getDb } from "@/db";
import { jobRunStatus } from "@/db/schema";
import { apiHandler } from "@/lib/http/api-handler";
import { listJobRuns } from "@/lib/jobs/list-job-runs";
import { requireEmbeddedJobs } from "@/lib/jobs/require-embedded-jobs";
import { decodeCursor, pageSizeSchema } from "@/lib/pagination/cursor";

const query = z.object({
  status: z.enum(jobRunStatus.enumValues).optional(),
  function_id: z.string().min(1).optional(),
  cursor: z.string().optional(),
  limit: pageSizeSchema,
});

export const GET = apiHandler("admin", async ({ req }) => {
  requireEmbeddedJobs();
  const params = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  const page = await listJobRuns(await getDb(), {
    status: params.status,
    functionId: params.function_id,
    cursor: decodeCursor(params.cursor),
    limit: params.limit,
  });
  return Response.json(page);
});
