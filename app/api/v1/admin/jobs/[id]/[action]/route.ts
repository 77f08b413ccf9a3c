// POST /api/v1/admin/jobs/{id}/retry | /cancel — retries a failed or cancelled run, or cancels an active one (admin).
import { z } from "zod";
import { getDb } from "@/db";
import { notFound } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { changeJobRun } from "@/lib/jobs/change-job-run";
import { requireEmbeddedJobs } from "@/lib/jobs/require-embedded-jobs";

const params = z.object({ id: z.uuid(), action: z.enum(["retry", "cancel"]) });

export const POST = apiHandler<{ id: string; action: string }, "admin">("admin", async ({ params: raw, principal, log }) => {
  requireEmbeddedJobs();
  const parsed = params.safeParse(raw);
  if (!parsed.success) throw notFound("Job run action");
  const run = await changeJobRun(await getDb(), parsed.data.id, parsed.data.action);
  log.info(`job run ${parsed.data.action}`, { run_id: run.id, user_id: principal.userId });
  return Response.json(run);
});
