import "server-only";

import { asc, eq } from "drizzle-orm";

import type { Database } from "@/db";
import { jobRuns, jobRunSteps } from "@/db/schema";
import { found } from "@/lib/errors";

import { toJobRunView, type JobRunView } from "./job-run-view";

export interface JobRunStepView {
  step_id: string;
  name: string;
  op: string;
  status: string;
  attempt: number;
  error: unknown;
  started_at: string;
  ended_at: string | null;
  duration_ms: number | null;
}

/** One run with the event that triggered it and every step attempt, for the /jobs detail view. */
export async function getJobRun(db: Database, runId: string): Promise<JobRunView & { event: unknown; steps: JobRunStepView[] }> {
  const run = found((await db.select().from(jobRuns).where(eq(jobRuns.id, runId)))[0], "Job run");
  const steps = await db.select().from(jobRunSteps).where(eq(jobRunSteps.runId, runId)).orderBy(asc(jobRunSteps.id));
  return {
    ...toJobRunView(run),
    event: run.event,
    steps: steps.map((step) => ({
      step_id: step.stepId,
      name: step.name,
      op: step.op,
      status: step.status,
      attempt: step.attempt,
      error: step.error ?? null,
      started_at: step.startedAt.toISOString(),
      ended_at: step.endedAt?.toISOString() ?? null,
      duration_ms: step.endedAt ? step.endedAt.getTime() - step.startedAt.getTime() : null,
    })),
  };
}
