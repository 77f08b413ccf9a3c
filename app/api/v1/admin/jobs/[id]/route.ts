// GET /api/v1/admin/jobs/{id} — one run with its trigger event and step attempts (admin).
import { z } from "zod";
import { getDb } from "@/db";
import { notFound } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { getJobRun } from "@/lib/jobs/get-job-run";
import { requireEmbeddedJobs } from "@/lib/jobs/require-embedded-jobs";

export const GET = apiHandler<{ id: string }, "admin">("admin", async ({ params }) => {
  requireEmbeddedJobs();
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw notFound("Job run");
  return Response.json(await getJobRun(await getDb(), id.data));
});
